import type { Strapi } from '@strapi/types';

import type { AuditPage } from '../../../shared/contracts/audit';
import { UID } from '../constants';
import {
  presentAuditEntry,
  type AuditAction,
  type AuditEntry,
  type AuditEntryInput,
  type AuditUser,
  type StoredAuditEntry,
} from '../domain/audit';
import { auditCsvRecord, AUDIT_CSV_COLUMNS } from '../domain/audit-csv';
import {
  auditFingerprint,
  decodeAuditCursor,
  encodeAuditCursor,
  type AuditFilters,
  type AuditQuery,
} from '../domain/audit-query';
import { csvStream } from '../utils/csv-stream';
import { fieldError } from '../utils/errors';
import { getDb, signingSecret } from '../utils/strapi';

/** Entries per keyset batch of the CSV export: memory holds one batch, whatever the total. */
const EXPORT_BATCH = 1000;

type Where = Record<string, unknown>;

/** Rows written before actions existed have none, and read as settings changes. */
const actionWhere = (actions: readonly AuditAction[]): Where =>
  actions.includes('settings.update')
    ? { $or: [{ action: { $in: actions } }, { action: { $null: true } }] }
    : { action: { $in: actions } };

/**
 * The Query Engine filter of the log's filters, below the id `before`. The email is compared as
 * stored: Strapi keeps admin emails in lower case, and the filter is lowered when read, so the
 * comparison is an equality (an index seek), not a LIKE whose `_` would match any character.
 */
const filtersWhere = (filters: AuditFilters, before: number | null): Where => {
  const all: Where[] = [];
  if (filters.actions) all.push(actionWhere(filters.actions));
  if (filters.user) {
    all.push(
      'id' in filters.user ? { userId: filters.user.id } : { userEmail: filters.user.email }
    );
  }
  if (filters.from) all.push({ createdAt: { $gte: filters.from } });
  if (filters.to) all.push({ createdAt: { $lt: filters.to } });
  if (before !== null) all.push({ id: { $lt: before } });
  return all.length > 0 ? { $and: all } : {};
};

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
export default ({ strapi }: { strapi: Strapi }) => {
  const read = async (
    filters: AuditFilters,
    before: number | null,
    limit: number
  ): Promise<AuditEntry[]> => {
    const rows = (await getDb(strapi)
      .query(UID.auditEntry)
      .findMany({
        where: filtersWhere(filters, before),
        orderBy: [{ id: 'desc' }],
        limit,
      })) as StoredAuditEntry[];
    return rows.map(presentAuditEntry);
  };

  return {
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

    /** The latest entries, newest first; `actions` narrows to some kinds (the settings history). */
    async list({ limit = 100, actions }: { limit?: number; actions?: AuditAction[] } = {}): Promise<
      AuditEntry[]
    > {
      return read({ actions: actions ?? null, user: null, from: null, to: null }, null, limit);
    },

    /**
     * One page of the audit log, newest first by id (ids only grow, so it is the order of
     * writing), with a signed cursor to the next page bound to the filters.
     */
    async page(query: AuditQuery): Promise<AuditPage> {
      const fingerprint = auditFingerprint(query);
      const secret = signingSecret(strapi, 'audit-cursor');
      const before = query.cursor ? decodeAuditCursor(query.cursor, fingerprint, secret) : null;
      if (query.cursor && before === null) {
        throw fieldError(
          'cursor',
          'cursor is not valid for this audit log: it was altered, or issued for other filters'
        );
      }
      const rows = await read(query, before, query.pageSize + 1);
      const data = rows.slice(0, query.pageSize);
      const last = data[data.length - 1];
      return {
        data,
        pagination: {
          pageSize: query.pageSize,
          nextCursor:
            rows.length > query.pageSize && last
              ? encodeAuditCursor(last.id, fingerprint, secret)
              : null,
        },
      };
    },

    /**
     * The filtered log as CSV, newest first, streamed batch by batch. The first batch is read
     * before anything is sent, so a database failure there is an error answer.
     */
    async exportCsv(filters: AuditFilters) {
      let batch = await read(filters, null, EXPORT_BATCH);
      async function* batches() {
        while (batch.length > 0) {
          yield batch;
          if (batch.length < EXPORT_BATCH) return;
          batch = await read(filters, batch[batch.length - 1].id, EXPORT_BATCH);
        }
      }
      return {
        filename: `call-history-audit_${new Date().toISOString().slice(0, 10)}.csv`,
        stream: csvStream(strapi, batches(), auditCsvRecord, AUDIT_CSV_COLUMNS, 'audit log export'),
      };
    },
  };
};
