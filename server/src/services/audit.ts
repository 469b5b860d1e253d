import type { Strapi } from '@strapi/types';

import { UID } from '../constants';
import {
  presentAuditEntry,
  type AuditAction,
  type AuditEntry,
  type AuditEntryInput,
  type AuditUser,
  type StoredAuditEntry,
} from '../domain/audit';
import { getDb } from '../utils/strapi';

/** The admin behind the current request, if any: lifecycles and services get no ctx of their own. */
export const currentAdmin = (strapi: Strapi): AuditUser | null => {
  const user = strapi.requestContext.get()?.state?.user as
    | { id?: unknown; email?: unknown }
    | undefined;
  if (!user || typeof user.id !== 'number') return null;
  return { id: user.id, email: typeof user.email === 'string' ? user.email : null };
};

/**
 * The one audit trail (content type `audit-entry`). Entries are written through the Query
 * Engine, so a caller inside `strapi.db.transaction` gets its entry in the same transaction:
 * the change and its entry are kept together or not at all.
 */
export default ({ strapi }: { strapi: Strapi }) => ({
  /** Adds one entry; `user` defaults to the admin of the current request (null outside one). */
  async record(entry: AuditEntryInput, user: AuditUser | null = currentAdmin(strapi)) {
    await getDb(strapi)
      .query(UID.auditEntry)
      .create({
        data: {
          action: entry.action,
          subject: entry.subject ?? null,
          changes: entry.changes,
          reason: entry.reason ?? null,
          userId: user?.id ?? null,
          userEmail: user?.email ?? null,
        },
      });
  },

  /** Newest first; `actions` narrows to some kinds of entry. */
  async list({ limit = 100, actions }: { limit?: number; actions?: AuditAction[] } = {}): Promise<
    AuditEntry[]
  > {
    const where =
      actions === undefined
        ? {}
        : actions.includes('settings.update')
          ? { $or: [{ action: { $in: actions } }, { action: { $null: true } }] }
          : { action: { $in: actions } };
    const rows = (await getDb(strapi)
      .query(UID.auditEntry)
      .findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit,
      })) as StoredAuditEntry[];
    return rows.map(presentAuditEntry);
  },
});
