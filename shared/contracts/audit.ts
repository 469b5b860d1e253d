/**
 * The audit trail as the admin API answers it (`GET /audit`, the settings history). Shared by
 * the server and the admin: types and constants only, nothing that needs Strapi.
 */

export const AUDIT_ACTIONS = [
  'settings.update',
  'bot.create',
  'bot.update',
  'bot.delete',
  'calls.delete',
  'calls.purge',
  'calls.erase',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The admin user who made a change; null for a change made outside an admin request. */
export interface AuditUser {
  id: number;
  email: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  subject: Record<string, unknown> | null;
  changes: Record<string, unknown>;
  reason: string | null;
  user: AuditUser | null;
}
