/**
 * Batch writes of call records through knex, the one place the plugin bypasses the Query Engine
 * for call-record writes: a Query Engine `createMany` has no `ON CONFLICT`, and Strapi 4's
 * `unique: true` is no database constraint, so idempotency rests on the unique index
 * `call_history_call_records_call_id_uq` (database/indexes.ts): `ON CONFLICT DO NOTHING
 * RETURNING` on SQLite and PostgreSQL; on MySQL and MariaDB, which have no `ON CONFLICT` (and
 * MySQL 8 no `RETURNING`), the transaction reads which callIds are stored and inserts the rest
 * plainly, so a callId another node stores meanwhile fails the insert on that index and the
 * caller retries the batch (`INSERT IGNORE` is not used: it would turn data errors into
 * warnings and store the values cut). The recording policy is applied by the caller with the
 * same functions the lifecycles use. Table and column names come from Strapi's metadata;
 * values are always bound.
 */
import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { UID } from '../constants';
import { bucketOf, rollupNames, type RollupNames } from '../database/call-rollup';
import { dialectOf, type Dialect } from '../database/dialect';
import { quotedIdentifier, runFinalStatement } from '../database/final-statement';
import { INDEXES } from '../database/indexes';
import { columnOf } from '../database/metadata';
import { rawRows } from '../database/raw-rows';
import type { CallData } from '../domain/call-policy';
import { LEVEL_MS, ROLLUP_LEVELS } from '../domain/rollup-levels';
import { getDb } from '../utils/strapi';

/**
 * The unique index idempotency rests on: on MySQL and MariaDB a duplicate on it is another
 * node's concurrent store of the same call (domain/write-failure.ts retries it).
 */
export const CALL_ID_KEY = INDEXES.find(
  (index) => index.unique && index.uid === UID.callRecord && index.attributes[0] === 'callId'
)?.name;

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
  dialect: Dialect;
  table: string;
  callIdColumn: string;
  columns: WritableColumn[];
  /** The table and the columns written as the database's identifiers, in the statement. */
  quoted: { table: string; columns: string[]; callId: string };
  rowsPerStatement: number;
  /** The INSERT for n rows, by n: a batch uses two sizes (more on MySQL: cut by bytes too). */
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
/**
 * MySQL and MariaDB refuse a statement longer than `max_allowed_packet` (16 MB by default on
 * MariaDB, 64 MB on MySQL 8), and mysql2 writes the values into the statement's text: a
 * statement's rows are cut to half of it, each row's text estimated at its worst (3 bytes per
 * UTF-16 unit, escapes included). A single row is sent alone, whatever its size.
 */
const PACKET_SHARE = 0.5;
const FIXED_VALUE_BYTES = 32;

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
const insertPlan = (meta: ModelMeta, dialect: Dialect, knex: Knex): InsertPlan => {
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
    dialect,
    table: meta.tableName,
    callIdColumn: callId,
    columns,
    quoted: {
      table: quotedIdentifier(knex, meta.tableName),
      columns: columns.map((column) => quotedIdentifier(knex, column.column)),
      callId: quotedIdentifier(knex, callId),
    },
    rowsPerStatement: Math.max(1, Math.floor(MAX_BINDINGS_PER_STATEMENT / columns.length)),
    statements: new Map(),
  };
  plans.set(meta, plan);
  return plan;
};

/** What follows the VALUES: the conflict clause where the database has one. */
const conflictClause = (plan: InsertPlan): string => {
  switch (plan.dialect) {
    case 'sqlite':
    case 'postgres':
      return ` ON CONFLICT (${plan.quoted.callId}) DO NOTHING RETURNING ${plan.quoted.callId}`;
    case 'mysql':
      return '';
  }
};

/** Statement texts kept per plan: the full size and the remainders a batch ends with. */
const MAX_KEPT_STATEMENTS = 8;

// Raw SQL rather than knex's insert builder: on SQLite the builder turns a multi-row insert
// into `SELECT … UNION ALL …`, capped at 500 rows and slower to compile. Identifiers are
// written in as knex writes them, values are bound with ? (database/final-statement.ts).
const insertStatement = (plan: InsertPlan, rows: number): string => {
  const known = plan.statements.get(rows);
  if (known !== undefined) return known;
  const tuple = `(${plan.columns.map(() => '?').join(', ')})`;
  const sql =
    `INSERT INTO ${plan.quoted.table} (${plan.quoted.columns.join(', ')}) VALUES ` +
    `${new Array<string>(rows).fill(tuple).join(', ')}${conflictClause(plan)}`;
  if (plan.statements.size < MAX_KEPT_STATEMENTS) plan.statements.set(rows, sql);
  return sql;
};

/** The worst-case bytes of one row's values in a statement's text (mysql2 writes them in). */
const rowBytes = (values: readonly unknown[]): number => {
  let bytes = 0;
  for (const value of values) {
    bytes += typeof value === 'string' ? 3 * value.length + FIXED_VALUE_BYTES : FIXED_VALUE_BYTES;
  }
  return bytes;
};

interface MysqlWarning {
  Level: string;
  Code: number;
  Message: string;
}

/**
 * A value MySQL changed instead of refusing it: without a strict `sql_mode` it stores a value
 * cut or clamped, with a warning. The batch is refused as it would be in strict mode, with the
 * warning's number and message; SQLSTATE class 22 makes it a refusal (domain/write-failure.ts).
 */
const changedValueError = (warning: MysqlWarning) =>
  Object.assign(new Error(warning.Message), { errno: warning.Code, sqlState: '22000' });

export default ({ strapi }: { strapi: Strapi }) => {
  const db = () => getDb(strapi);
  const meta = () => db().metadata.get(UID.callRecord);

  const callIdColumn = () => columnOf(strapi, UID.callRecord, 'callId');

  /** The callIds among these that are already stored. */
  const findExistingCallIds = async (
    trx: Knex.Transaction,
    callIds: string[]
  ): Promise<Set<string>> => {
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
  };

  return {
    /** Runs the work in one transaction: everything it wrote is kept, or nothing. */
    transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
      return db().connection.transaction(work);
    },

    findExistingCallIds,

    /**
     * Deletes the stored calls among these callIds, and answers how many it deleted per access
     * code (what an audit entry may keep: never a number). The caller's transaction holds
     * the count and the delete together.
     */
    async deleteByCallIds(trx: Knex.Transaction, callIds: string[]): Promise<Map<string, number>> {
      const table = meta().tableName;
      const column = callIdColumn();
      const dialect = dialectOf(strapi);
      const deleted = new Map<string, number>();
      for (let start = 0; start < callIds.length; start += LOOKUP_CHUNK) {
        const chunk = callIds.slice(start, start + LOOKUP_CHUNK);
        const rows = (await trx(table)
          .select(rollupKeyColumns(strapi))
          .whereIn(column, chunk)) as CallData[];
        if (dialect === 'mysql') await lockRollupKeys(trx, rollupNames(strapi), rows);
        await trx(table).whereIn(column, chunk).delete();
        for (const row of rows) {
          const code = row.accessCode as string;
          deleted.set(code, (deleted.get(code) ?? 0) + 1);
        }
      }
      return deleted;
    },

    /**
     * Stores the calls whose callId is not stored yet; answers the callIds among `callIds`
     * stored before, and those it inserted. Rows go in callId order, so that two transactions
     * inserting overlapping batches (two Strapi nodes) take the unique-index locks in the same
     * order and cannot deadlock on them.
     */
    async storeNew(
      trx: Knex.Transaction,
      callIds: string[],
      calls: CallData[]
    ): Promise<{ existing: Set<string>; inserted: Set<string> }> {
      const plan = insertPlan(meta(), dialectOf(strapi), db().connection);
      switch (plan.dialect) {
        case 'sqlite':
        case 'postgres': {
          // Insert first: ON CONFLICT DO NOTHING answers which rows were new, so the lookup of
          // calls stored before is left with the callIds the insert did not take (none, in the
          // common batch of new calls). A callId this batch inserted was not stored before.
          const inserted = await insertReturning(trx, plan, calls);
          const existing = await findExistingCallIds(
            trx,
            callIds.filter((callId) => !inserted.has(callId))
          );
          return { existing, inserted };
        }
        case 'mysql': {
          const existing = await findExistingCallIds(trx, callIds);
          const fresh = calls.filter((call) => !existing.has(call.callId as string));
          await lockRollupKeys(trx, rollupNames(strapi), fresh);
          await insertPlain(trx, plan, fresh);
          return { existing, inserted: new Set(fresh.map((call) => call.callId as string)) };
        }
      }
    },
  };
};

/** The columns a call's rollup keys come from, read as the attributes `lockRollupKeys` takes. */
export const rollupKeyColumns = (strapi: Strapi) => ({
  startTime: columnOf(strapi, UID.callRecord, 'startTime'),
  accessCode: columnOf(strapi, UID.callRecord, 'accessCode'),
  botKind: columnOf(strapi, UID.callRecord, 'botKind'),
});

/**
 * MySQL and MariaDB keep the statistics rollup with row triggers (database/call-rollup.ts): each
 * inserted call locks its rollup keys (quarter, then hour) after its own callId entry, so two
 * batches sharing a key (every batch of the current 15 minutes, on one access code) would each
 * hold a callId entry the other waits for, and deadlock. The batch locks all its keys first
 * instead, in one order for every batch (its quarter keys sorted, then its hour keys sorted; a
 * no-op upsert: 0 calls, or the count left as it is), so a second batch waits there holding
 * nothing. Its calls then count themselves through the triggers. A deletion locks the keys of
 * the calls it deletes first too, for the same reason, and so that it waits for a rebuild
 * (services/call-rollup.ts), which locks the rollup before the calls.
 */
export const lockRollupKeys = async (
  trx: Knex.Transaction,
  n: RollupNames,
  calls: CallData[]
): Promise<void> => {
  // Quarter keys, then hour keys (the order the row triggers take them in), each sorted.
  for (const level of ROLLUP_LEVELS) {
    const bucketMs = LEVEL_MS[level];
    const keys = new Map<string, { order: number; code: string; kind: string; start: Date }>();
    for (const call of calls) {
      if (call.startTime === null || call.startTime === undefined) continue;
      const start = new Date(call.startTime as string | Date);
      const code = (call.accessCode as string | null | undefined) ?? '';
      const kind = (call.botKind as string | null | undefined) ?? '';
      const order = Math.floor(start.getTime() / bucketMs);
      const key = `${order}\u0000${code}\u0000${kind}`;
      if (!keys.has(key)) keys.set(key, { order, code, kind, start });
    }
    if (keys.size === 0) return;
    const sorted = [...keys.values()].sort(
      (a, b) =>
        a.order - b.order ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)
    );
    const t = n.levels[level];
    // The bucket computed as the trigger computes it, from the start time as stored.
    const tuple = `(${bucketOf('mysql', '?', level)}, ?, ?, 0)`;
    const bindings: Knex.RawBinding[] = [t.table, t.bucketStart, t.accessCode, t.botKind, t.count];
    for (const key of sorted) bindings.push(key.start, key.code, key.kind);
    bindings.push(t.count, t.count);
    await trx.raw(
      `INSERT INTO ?? (??, ??, ??, ??) VALUES ${sorted.map(() => tuple).join(', ')} ON DUPLICATE KEY UPDATE ?? = ??`,
      bindings
    );
  }
};

const byCallId = (calls: CallData[]): CallData[] =>
  [...calls].sort((a, b) => ((a.callId as string) < (b.callId as string) ? -1 : 1));

/** The bound values of one statement's rows, straight from the calls: no row object between. */
const bindingsOf = (plan: InsertPlan, chunk: CallData[], now: Date): unknown[] => {
  const bindings: unknown[] = [];
  for (const call of chunk) {
    for (const column of plan.columns) bindings.push(columnValue(column, call, now));
  }
  return bindings;
};

/** SQLite and PostgreSQL: the rows inserted are the ones RETURNING answers. */
const insertReturning = async (
  trx: Knex.Transaction,
  plan: InsertPlan,
  calls: CallData[]
): Promise<Set<string>> => {
  const inserted = new Set<string>();
  const now = new Date();
  const sorted = byCallId(calls);
  for (let start = 0; start < sorted.length; start += plan.rowsPerStatement) {
    const chunk = sorted.slice(start, start + plan.rowsPerStatement);
    const statement = insertStatement(plan, chunk.length);
    const returned = rawRows(await runFinalStatement(trx, statement, bindingsOf(plan, chunk, now)));
    for (const row of returned) inserted.add(row[plan.callIdColumn] as string);
  }
  return inserted;
};

const packetBytes = new WeakMap<InsertPlan, Promise<number>>();

/** The server's `max_allowed_packet`, read once per plan (it is a server setting). */
const maxPacketBytes = (trx: Knex.Transaction, plan: InsertPlan): Promise<number> => {
  let known = packetBytes.get(plan);
  if (!known) {
    known = trx
      .raw('SELECT @@max_allowed_packet AS bytes')
      .then((result) => Number(rawRows(result)[0]?.bytes) || 4 * 1024 * 1024);
    packetBytes.set(plan, known);
  }
  return known;
};

/**
 * MySQL and MariaDB: every row is inserted or the statement fails, so no row needs reading
 * back. Statements are cut by bound values and by bytes (see PACKET_SHARE).
 */
const insertPlain = async (
  trx: Knex.Transaction,
  plan: InsertPlan,
  calls: CallData[]
): Promise<void> => {
  if (calls.length === 0) return;
  const budget = (await maxPacketBytes(trx, plan)) * PACKET_SHARE;
  const now = new Date();
  let bindings: unknown[] = [];
  let rows = 0;
  let bytes = 0;
  const flush = async () => {
    const [header] = (await runFinalStatement(trx, insertStatement(plan, rows), bindings)) as [
      { warningStatus?: number },
    ];
    if ((header?.warningStatus ?? 0) > 0) {
      const warnings = rawRows(await trx.raw('SHOW WARNINGS')) as unknown as MysqlWarning[];
      const changed = warnings.find((warning) => warning.Level !== 'Note');
      if (changed) throw changedValueError(changed);
    }
    bindings = [];
    rows = 0;
    bytes = 0;
  };
  for (const call of byCallId(calls)) {
    const values = plan.columns.map((column) => columnValue(column, call, now));
    const size = rowBytes(values);
    if (rows > 0 && (rows === plan.rowsPerStatement || bytes + size > budget)) await flush();
    for (const value of values) bindings.push(value);
    rows += 1;
    bytes += size;
  }
  await flush();
};
