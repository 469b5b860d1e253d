/**
 * Batch writes of call records through knex, the one place the plugin bypasses the Query Engine
 * for call-record writes: a Query Engine `createMany` has no `ON CONFLICT`, and Strapi 4's
 * `unique: true` is no database constraint, so idempotency rests on the unique index
 * `call_history_call_records_call_id_uq` (database/indexes.ts) and `ON CONFLICT DO NOTHING`.
 * The recording policy is applied by the caller with the same functions the lifecycles use.
 * Table and column names come from Strapi's metadata; values are always bound.
 */
import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { UID } from '../constants';
import { columnOf } from '../database/metadata';
import type { CallData } from '../domain/call-policy';
import { getDb } from '../utils/strapi';

interface ColumnAttribute {
  type: string;
  columnName?: string;
  default?: unknown;
}

interface WritableColumn {
  attribute: string;
  column: string;
  type: string;
  default?: unknown;
}

/** Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement. */
const MAX_BINDINGS_PER_STATEMENT = 10_000;
/** Strapi's own callId bound: 1,000 of them in one `IN (…)` stays far below the limits too. */
const LOOKUP_CHUNK = 1000;

const SKIPPED_TYPES = new Set(['relation', 'component', 'dynamiczone', 'media']);

const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * A value as Strapi's Query Engine stores it (the `toDB` of @strapi/database's field classes),
 * so that `strapi.db.query(uid).findOne` reads a row written here exactly like one it wrote:
 * json is stored as its JSON text on SQLite and PostgreSQL alike (jsonb parses that text), a
 * datetime as a Date (knex binds it as epoch milliseconds on SQLite, a timestamp on PostgreSQL),
 * a time as `HH:mm:ss.SSS`; null stays SQL NULL.
 */
export const toColumnValue = (type: string, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'json':
    case 'blocks':
      return JSON.stringify(value);
    case 'datetime':
    case 'timestamp':
      return value instanceof Date ? value : new Date(value as string | number);
    case 'time': {
      const match = typeof value === 'string' ? TIME.exec(value) : null;
      if (!match) return value;
      const [, hours, minutes, seconds = '00', fraction = ''] = match;
      return `${hours}:${minutes}:${seconds}.${fraction.padEnd(3, '0')}`;
    }
    case 'biginteger':
      return String(value);
    default:
      return value;
  }
};

const defaultValue = (column: WritableColumn): unknown =>
  typeof column.default === 'function' ? (column.default as () => unknown)() : column.default;

export default ({ strapi }: { strapi: Strapi }) => {
  const db = () => getDb(strapi);
  const meta = () => db().metadata.get(UID.callRecord);

  /** Every scalar column of call-record, the developer's extension attributes included. */
  const writableColumns = (): WritableColumn[] =>
    Object.entries(meta().attributes as Record<string, ColumnAttribute>)
      .filter(([attribute, spec]) => attribute !== 'id' && !SKIPPED_TYPES.has(spec.type))
      .map(([attribute, spec]) => ({
        attribute,
        column: spec.columnName ?? attribute,
        type: spec.type,
        default: spec.default,
      }));

  const callIdColumn = () => columnOf(strapi, UID.callRecord, 'callId');

  /** One row with every writable column, so that all rows of a multi-row INSERT match. */
  const toRow = (columns: WritableColumn[], data: CallData, now: Date) => {
    const row: Record<string, unknown> = {};
    for (const column of columns) {
      let value = data[column.attribute];
      if (column.attribute === 'createdAt' || column.attribute === 'updatedAt') value ??= now;
      if (value === undefined && column.default !== undefined) value = defaultValue(column);
      row[column.column] = toColumnValue(column.type, value);
    }
    return row;
  };

  return {
    /** Runs the work in one transaction: everything it wrote is kept, or nothing. */
    transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
      return db().connection.transaction(work);
    },

    /** The callIds among these that are already stored. */
    async findExistingCallIds(trx: Knex.Transaction, callIds: string[]): Promise<Set<string>> {
      const column = callIdColumn();
      const found = new Set<string>();
      for (let start = 0; start < callIds.length; start += LOOKUP_CHUNK) {
        const chunk = callIds.slice(start, start + LOOKUP_CHUNK);
        const rows = (await trx(meta().tableName)
          .select({ callId: column })
          .whereIn(column, chunk)) as Array<{ callId: string }>;
        for (const row of rows) found.add(row.callId);
      }
      return found;
    },

    /**
     * Deletes the stored calls among these callIds, and answers how many it deleted per access
     * code (what an audit entry may keep: never a number). The caller's transaction holds
     * the count and the delete together.
     */
    async deleteByCallIds(trx: Knex.Transaction, callIds: string[]): Promise<Map<string, number>> {
      const table = meta().tableName;
      const column = callIdColumn();
      const accessCode = columnOf(strapi, UID.callRecord, 'accessCode');
      const deleted = new Map<string, number>();
      for (let start = 0; start < callIds.length; start += LOOKUP_CHUNK) {
        const chunk = callIds.slice(start, start + LOOKUP_CHUNK);
        const counts = (await trx(table)
          .select({ accessCode })
          .count({ total: '*' })
          .whereIn(column, chunk)
          .groupBy(accessCode)) as Array<{ accessCode: string; total: number | string }>;
        await trx(table).whereIn(column, chunk).delete();
        for (const row of counts) {
          deleted.set(row.accessCode, (deleted.get(row.accessCode) ?? 0) + Number(row.total));
        }
      }
      return deleted;
    },

    /**
     * Inserts the calls whose callId is not stored yet and returns the callIds it inserted.
     * Rows go in callId order, so that two transactions inserting overlapping batches (two
     * Strapi nodes) take the unique-index locks in the same order and cannot deadlock.
     */
    async insertNew(trx: Knex.Transaction, calls: CallData[]): Promise<Set<string>> {
      const inserted = new Set<string>();
      if (calls.length === 0) return inserted;
      const columns = writableColumns();
      const callId = callIdColumn();
      const now = new Date();
      const rows = [...calls]
        .sort((a, b) => (String(a.callId) < String(b.callId) ? -1 : 1))
        .map((call) => toRow(columns, call, now));
      const perStatement = Math.max(1, Math.floor(MAX_BINDINGS_PER_STATEMENT / columns.length));
      // Raw SQL rather than knex's insert builder: on SQLite the builder turns a multi-row insert
      // into `SELECT … UNION ALL …`, capped at 500 rows and slower to compile. Identifiers are
      // bound with ??, values with ?.
      const names = columns.map((column) => column.column);
      const tuple = `(${names.map(() => '?').join(', ')})`;
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const sql =
          `INSERT INTO ?? (${names.map(() => '??').join(', ')}) VALUES ` +
          `${chunk.map(() => tuple).join(', ')} ON CONFLICT (??) DO NOTHING RETURNING ??`;
        const bindings: Knex.RawBinding[] = [meta().tableName, ...names];
        for (const row of chunk) for (const name of names) bindings.push(row[name] as Knex.Value);
        bindings.push(callId, callId);
        const result = (await trx.raw(sql, bindings)) as
          | Array<Record<string, string>>
          | { rows: Array<Record<string, string>> };
        const returned = Array.isArray(result) ? result : result.rows;
        for (const row of returned) inserted.add(row[callId]);
      }
      return inserted;
    },
  };
};
