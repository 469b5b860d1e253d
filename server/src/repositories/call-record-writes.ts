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

/** One writable column and how a call's value becomes its bound value. */
interface WritableColumn {
  attribute: string;
  column: string;
  type: string;
  default?: unknown;
  /** createdAt and updatedAt: the batch's time when the call gives none. */
  stamped: boolean;
  convert: Conversion;
}

/**
 * What a multi-row INSERT of call records needs from Strapi's metadata, derived once per model
 * (the metadata is built at boot and never changes after) rather than once per batch.
 */
interface InsertPlan {
  table: string;
  callIdColumn: string;
  columns: WritableColumn[];
  names: string[];
  rowsPerStatement: number;
  /** The INSERT for n rows, by n: a batch uses at most two sizes. */
  statements: Map<number, string>;
}

/**
 * Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement, and small
 * enough that the arrays of one statement's values (ours, and knex's copies) stay below V8's
 * large-object size (128 KB): those are allocated straight in the old generation, which only a
 * full GC frees, and a streamed upload runs thousands of statements.
 */
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
const CONVERSIONS: Record<string, (value: NonNullable<unknown>) => unknown> = {
  json: (value) => JSON.stringify(value),
  blocks: (value) => JSON.stringify(value),
  datetime: (value) => (value instanceof Date ? value : new Date(value as string | number)),
  timestamp: (value) => (value instanceof Date ? value : new Date(value as string | number)),
  time: (value) => {
    const match = typeof value === 'string' ? TIME.exec(value) : null;
    if (!match) return value;
    const [, hours, minutes, seconds = '00', fraction = ''] = match;
    return `${hours}:${minutes}:${seconds}.${fraction.padEnd(3, '0')}`;
  },
  biginteger: (value) => String(value),
};

type Conversion = (value: unknown) => unknown;

const keep: Conversion = (value) => value ?? null;

/** The conversion of a column type, chosen once per column rather than once per value. */
const conversionOf = (type: string): Conversion => {
  const convert = CONVERSIONS[type];
  return convert
    ? (value) => (value === null || value === undefined ? null : convert(value))
    : keep;
};

export const toColumnValue = (type: string, value: unknown): unknown => conversionOf(type)(value);

const defaultValue = (column: WritableColumn): unknown =>
  typeof column.default === 'function' ? (column.default as () => unknown)() : column.default;

/** The bound value of one column for one call, as `toColumnValue` stores it. */
const columnValue = (column: WritableColumn, data: CallData, now: Date): unknown => {
  let value = data[column.attribute];
  if (column.stamped) value ??= now;
  if (value === undefined && column.default !== undefined) value = defaultValue(column);
  return column.convert(value);
};

const plans = new WeakMap<object, InsertPlan>();

interface ModelMeta {
  tableName: string;
  attributes: Record<string, unknown>;
}

/** Every scalar column of call-record, the developer's extension attributes included. */
const insertPlan = (meta: ModelMeta): InsertPlan => {
  const known = plans.get(meta);
  if (known) return known;
  const columns = Object.entries(meta.attributes as Record<string, ColumnAttribute>)
    .filter(([attribute, spec]) => attribute !== 'id' && !SKIPPED_TYPES.has(spec.type))
    .map(([attribute, spec]) => ({
      attribute,
      column: spec.columnName ?? attribute,
      type: spec.type,
      default: spec.default,
      stamped: attribute === 'createdAt' || attribute === 'updatedAt',
      convert: conversionOf(spec.type),
    }));
  const callId = (meta.attributes.callId as ColumnAttribute | undefined)?.columnName ?? 'callId';
  const plan: InsertPlan = {
    table: meta.tableName,
    callIdColumn: callId,
    columns,
    names: columns.map((column) => column.column),
    rowsPerStatement: Math.max(1, Math.floor(MAX_BINDINGS_PER_STATEMENT / columns.length)),
    statements: new Map(),
  };
  plans.set(meta, plan);
  return plan;
};

// Raw SQL rather than knex's insert builder: on SQLite the builder turns a multi-row insert
// into `SELECT … UNION ALL …`, capped at 500 rows and slower to compile. Identifiers are
// bound with ??, values with ?.
const insertStatement = (plan: InsertPlan, rows: number): string => {
  const known = plan.statements.get(rows);
  if (known !== undefined) return known;
  const tuple = `(${plan.names.map(() => '?').join(', ')})`;
  const sql =
    `INSERT INTO ?? (${plan.names.map(() => '??').join(', ')}) VALUES ` +
    `${new Array<string>(rows).fill(tuple).join(', ')} ON CONFLICT (??) DO NOTHING RETURNING ??`;
  plan.statements.set(rows, sql);
  return sql;
};

export default ({ strapi }: { strapi: Strapi }) => {
  const db = () => getDb(strapi);
  const meta = () => db().metadata.get(UID.callRecord);

  const callIdColumn = () => columnOf(strapi, UID.callRecord, 'callId');

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
      const plan = insertPlan(meta());
      const { columns, names, callIdColumn: callId } = plan;
      const now = new Date();
      const sorted = [...calls].sort((a, b) =>
        (a.callId as string) < (b.callId as string) ? -1 : 1
      );
      for (let start = 0; start < sorted.length; start += plan.rowsPerStatement) {
        const chunk = sorted.slice(start, start + plan.rowsPerStatement);
        // The values go straight into the bindings: no row object per call in between.
        const bindings: Knex.RawBinding[] = [plan.table, ...names];
        for (const call of chunk) {
          for (const column of columns) bindings.push(columnValue(column, call, now) as Knex.Value);
        }
        bindings.push(callId, callId);
        const result = (await trx.raw(insertStatement(plan, chunk.length), bindings)) as
          | Array<Record<string, string>>
          | { rows: Array<Record<string, string>> };
        const returned = Array.isArray(result) ? result : result.rows;
        for (const row of returned) inserted.add(row[callId]);
      }
      return inserted;
    },
  };
};
