import { isDeepStrictEqual } from 'util';

import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntry,
  type AuditUser,
} from '../../../shared/contracts/audit';

/**
 * The plugin's audit trail as data (docs/design.md#call-records-are-evidence, #privacy): what each entry records, and how a change
 * is described field by field. Pure, so the rules are tested without Strapi.
 */

export { AUDIT_ACTIONS };
export type { AuditAction, AuditEntry, AuditUser };

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

export interface AuditEntryInput {
  action: AuditAction;
  subject?: Record<string, unknown> | null;
  changes: Record<string, unknown>;
  reason?: string | null;
}

export interface StoredAuditEntry {
  id: number;
  createdAt: string | Date;
  action: string | null;
  subject: unknown;
  changes: unknown;
  reason: string | null;
  userId: number | null;
  userEmail: string | null;
}

const isAction = (value: unknown): value is AuditAction =>
  (AUDIT_ACTIONS as readonly unknown[]).includes(value);

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** A stored row as the API shows it; rows written before actions existed are settings changes. */
export const presentAuditEntry = (row: StoredAuditEntry): AuditEntry => ({
  id: row.id,
  at: new Date(row.createdAt).toISOString(),
  action: isAction(row.action) ? row.action : 'settings.update',
  subject: asRecord(row.subject),
  changes: asRecord(row.changes) ?? {},
  reason: row.reason ?? null,
  user:
    row.userId === null || row.userId === undefined
      ? null
      : { id: row.userId, email: row.userEmail },
});

const normalise = (value: unknown): unknown => (value === undefined || value === '' ? null : value);

/**
 * The fields whose value differs between two versions of a record, as `{ from, to }`. A missing
 * version (before a create, after a delete) reads as every field null. '' and null are the same
 * "no value", as a form sends one for the other.
 */
export const diffFields = (
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  fields: readonly string[]
): FieldChanges => {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const from = normalise(before?.[field]);
    const to = normalise(after?.[field]);
    if (!isDeepStrictEqual(from, to)) changes[field] = { from, to };
  }
  return changes;
};
