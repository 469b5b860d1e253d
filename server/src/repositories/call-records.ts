import type { Strapi } from '@strapi/types';
import { contentTypes as contentTypeUtils } from '@strapi/utils';

import { UID } from '../constants';
import { columnOf } from '../database/metadata';
import { UNLISTED_ATTRIBUTES, isReadableAttribute } from '../domain/call-list';
import { reverseNumber } from '../domain/calling-number';
import { BUCKET_MS, type Bucket } from '../domain/day-buckets';
import { logText } from '../domain/log-text';
import { prefixUpperBound } from '../domain/number-range';
import type { CursorPosition } from '../domain/search-cursor';
import {
  PERIOD_SAMPLE,
  RANGE_SAMPLE,
  choosePlan,
  planFromRange,
  type IndexChoice,
  type SearchPlan,
} from '../domain/search-plan';
import type { SearchFilters } from '../domain/search-query';
import { databaseMessage, errorCode } from '../domain/write-failure';
import { getDb } from '../utils/strapi';

/**
 * Raw knex for the call table, where the Query Engine cannot do the job well at millions of
 * rows: keyset pages, capped counts, batched export and GROUP BY statistics. Table and column
 * names come from Strapi's metadata (bound with `??`), every value is bound with `?`, and rows
 * come back as the Query Engine returns them: attribute names, json parsed, datetimes as ISO
 * strings, private and password attributes left out.
 */

export type CallRow = Record<string, unknown>;

/**
 * A failed search, count, statistics or export statement. knex's own error writes the SQL with
 * its bound values, a searched calling number among them, and Strapi logs that error whole; this
 * one carries the database's message only, escaped and masked, and its code.
 */
export class CallQueryError extends Error {
  readonly code: string | null;

  constructor(cause: unknown) {
    super(`call-history: a Call History query failed: ${logText(databaseMessage(cause))}`);
    this.name = 'CallQueryError';
    this.code = errorCode(cause);
  }
}

interface Statement {
  sql: string;
  bindings: unknown[];
}

interface VisibleAttribute {
  name: string;
  column: string;
  type: string;
}

type RawResult = unknown;

/** knex.raw answers rows (SQLite), `{ rows }` (PostgreSQL) or `[rows, fields]` (MySQL). */
const rowsOf = (result: RawResult): Array<Record<string, unknown>> => {
  if (Array.isArray(result)) {
    return (Array.isArray(result[0]) ? result[0] : result) as Array<Record<string, unknown>>;
  }
  return ((result as { rows?: unknown[] }).rows ?? []) as Array<Record<string, unknown>>;
};

/** The conversions of Strapi's own fields (`@strapi/database` fromDB), for the types a call uses. */
const fromDb = (type: string, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'json':
    case 'blocks':
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value);
      } catch {
        return value;
      }
    case 'datetime': {
      const date = new Date(value as string | number | Date);
      return Number.isNaN(date.getTime()) ? null : date.toISOString();
    }
    case 'timestamp': {
      const date = new Date(value as string | number | Date);
      return Number.isNaN(date.getTime()) ? null : String(date.getTime());
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return String(value) === '1' ? true : String(value) === '0' ? false : null;
    case 'integer':
    case 'float':
    case 'decimal':
      return typeof value === 'number' ? value : Number(value);
    case 'biginteger':
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
    case 'uid':
    case 'enumeration':
      return String(value);
    default:
      return value;
  }
};

const toMillis = (value: unknown): number => new Date(value as string | number | Date).getTime();

export const callRecordsRepository = (strapi: Strapi) => {
  const db = getDb(strapi);
  const meta = db.metadata.get(UID.callRecord);
  const table = meta.tableName;
  const client = db.dialect.client;
  const column = (attribute: string): string => columnOf(strapi, UID.callRecord, attribute);
  const START = column('startTime');
  const ID = column('id');

  /**
   * Every scalar attribute a reader may get (Call Details), a developer's extensions included:
   * neither private nor a password (domain/call-list.ts).
   */
  const readable: VisibleAttribute[] = (() => {
    const model = strapi.getModel(UID.callRecord);
    return Object.entries(model.attributes)
      .filter(
        ([name, attribute]) =>
          contentTypeUtils.isScalarAttribute(attribute) &&
          isReadableAttribute(attribute.type, contentTypeUtils.isPrivateAttribute(model, name))
      )
      .map(([name, attribute]) => ({ name, column: column(name), type: attribute.type }));
  })();
  if (!readable.some((attribute) => attribute.name === 'id')) {
    readable.unshift({ name: 'id', column: ID, type: 'increments' });
  }
  /**
   * The columns a search page and an export batch read: the list columns only, so the flow
   * trace column is never selected (its json can be most of a row).
   */
  const listed = readable.filter((attribute) => !UNLISTED_ATTRIBUTES.has(attribute.name));
  const selectList = listed.map(() => '??').join(', ');
  const selectColumns = listed.map((attribute) => attribute.column);

  const toCall = (row: Record<string, unknown>): CallRow => {
    const call: CallRow = {};
    for (const attribute of listed) {
      call[attribute.name] = fromDb(attribute.type, row[attribute.column]);
    }
    return call;
  };

  /**
   * The index a statement is to be read through: `number` writes the period terms as
   * `+start_time`, `period` writes the number terms as `+calling_number` (SQLite's way to keep
   * a term from choosing an index), null leaves the choice to the database's planner.
   */
  type Access = IndexChoice | null;

  const rangeOn = (columnName: string, prefix: string, indexed: boolean): Statement => {
    const upper = prefixUpperBound(prefix);
    const term = indexed ? '??' : '+??';
    // The range is what the index serves; LIKE keeps the match exact whatever the collation
    // (digits and + only: no LIKE wildcard can reach it).
    return upper === null
      ? {
          sql: `${term} >= ? AND ${term} LIKE ?`,
          bindings: [columnName, prefix, columnName, `${prefix}%`],
        }
      : {
          sql: `${term} >= ? AND ${term} < ? AND ${term} LIKE ?`,
          bindings: [columnName, prefix, columnName, upper, columnName, `${prefix}%`],
        };
  };

  /**
   * The range alone, for the samples: an estimate on SQLite, whose default BINARY collation
   * makes the range exact for digits and + anyway (the LIKE costs a third of a sample's time).
   */
  const sampleRange = (columnName: string, prefix: string): Statement => {
    const upper = prefixUpperBound(prefix);
    return upper === null
      ? { sql: '?? >= ?', bindings: [columnName, prefix] }
      : { sql: '?? >= ? AND ?? < ?', bindings: [columnName, prefix, columnName, upper] };
  };

  /**
   * On SQLite (no planner statistics by default) a prefix or suffix search without an access
   * code could be read through the number index or through the period index, and the planner
   * cannot tell which is cheaper: two bounded samples decide (domain/search-plan.ts).
   * PostgreSQL keeps statistics and decides alone.
   */
  const planned = (filters: SearchFilters) =>
    client === 'sqlite' &&
    filters.callingNumber !== null &&
    filters.callingNumber.match !== 'exact' &&
    filters.accessCode === null;

  /** The number filter as an index range: the column and the prefix it starts with. */
  const numberRange = (filters: SearchFilters): { column: string; prefix: string } | null => {
    const number = filters.callingNumber;
    if (number?.match === 'prefix')
      return { column: column('callingNumber'), prefix: number.value };
    if (number?.match === 'suffix') {
      return { column: column('callingNumberReversed'), prefix: reverseNumber(number.value) };
    }
    return null;
  };

  /**
   * The WHERE of every search shape; the period is half-open, [from, to). After a cursor, the
   * period's upper bound becomes the cursor's start time, so the index seek starts at the
   * cursor instead of walking the pages before it.
   */
  const where = (
    filters: SearchFilters,
    after: CursorPosition | null,
    access: Access
  ): Statement => {
    const number = filters.callingNumber;
    const period = access === 'number' ? '+?? >= ? AND +?? ' : '?? >= ? AND ?? ';
    // Date objects are bound as the Query Engine binds them: epoch milliseconds on SQLite
    // (knex's better-sqlite3 client), a timestamp on PostgreSQL.
    const parts: Statement[] = [
      after
        ? {
            sql: `${period}<= ? AND (??, ??) < (?, ?)`,
            bindings: [
              START,
              filters.from,
              START,
              new Date(after.startTime),
              START,
              ID,
              new Date(after.startTime),
              after.id,
            ],
          }
        : { sql: `${period}< ?`, bindings: [START, filters.from, START, filters.to] },
    ];
    const range = numberRange(filters);
    if (number?.match === 'exact') {
      parts.push({ sql: '?? = ?', bindings: [column('callingNumber'), number.value] });
    } else if (range) {
      parts.push(rangeOn(range.column, range.prefix, access !== 'period'));
    }
    if (filters.accessCode !== null) {
      parts.push({ sql: '?? = ?', bindings: [column('accessCode'), filters.accessCode] });
    }
    return {
      sql: parts.map((part) => part.sql).join(' AND '),
      bindings: parts.flatMap((part) => part.bindings),
    };
  };

  const searchStatement = (
    filters: SearchFilters,
    after: CursorPosition | null,
    limit: number,
    access: Access
  ): Statement => {
    const condition = where(filters, after, access);
    return {
      sql: `SELECT ${selectList} FROM ?? WHERE ${condition.sql} ORDER BY ?? DESC, ?? DESC LIMIT ?`,
      bindings: [...selectColumns, table, ...condition.bindings, START, ID, limit],
    };
  };

  /** Counting reads at most cap + 1 matches, index only wherever the chosen index covers it. */
  const countStatement = (filters: SearchFilters, cap: number, access: Access): Statement => {
    const condition = where(filters, null, access);
    return {
      sql: `SELECT COUNT(*) AS total FROM (SELECT 1 FROM ?? WHERE ${condition.sql} LIMIT ?) capped`,
      bindings: [table, ...condition.bindings, cap + 1],
    };
  };

  /**
   * The first RANGE_SAMPLE entries of the number range, index only (the start time is in the
   * number index), and how many of them are in the period.
   */
  const rangeSampleStatement = (filters: SearchFilters): Statement => {
    const range = numberRange(filters) as { column: string; prefix: string };
    const condition = sampleRange(range.column, range.prefix);
    return {
      sql: `SELECT COUNT(*) AS seen, COALESCE(SUM(CASE WHEN ?? >= ? AND ?? < ? THEN 1 ELSE 0 END), 0) AS hits FROM (SELECT ?? FROM ?? WHERE ${condition.sql} LIMIT ?) sampled`,
      bindings: [
        START,
        filters.from,
        START,
        filters.to,
        START,
        table,
        ...condition.bindings,
        RANGE_SAMPLE,
      ],
    };
  };

  /** The newest PERIOD_SAMPLE calls of the period, as a page reads them, and how many match. */
  const periodSampleStatement = (filters: SearchFilters): Statement => {
    const range = numberRange(filters) as { column: string; prefix: string };
    const matches = sampleRange(range.column, range.prefix);
    return {
      sql: `SELECT COUNT(*) AS seen, COALESCE(SUM(CASE WHEN ${matches.sql} THEN 1 ELSE 0 END), 0) AS hits FROM (SELECT ?? FROM ?? WHERE ?? >= ? AND ?? < ? ORDER BY ?? DESC, ?? DESC LIMIT ?) sampled`,
      bindings: [
        ...matches.bindings,
        range.column,
        table,
        START,
        filters.from,
        START,
        filters.to,
        START,
        ID,
        PERIOD_SAMPLE,
      ],
    };
  };

  const run = async (statement: Statement) => {
    try {
      return rowsOf(await db.connection.raw(statement.sql, statement.bindings as never));
    } catch (error) {
      throw new CallQueryError(error);
    }
  };

  const sample = async (statement: Statement) => {
    const [row] = await run(statement);
    return { seen: Number(row?.seen ?? 0), hits: Number(row?.hits ?? 0) };
  };

  /** The indexes a search's statements are read through; null: the database's planner decides. */
  const plan = async (filters: SearchFilters, pageRows: number): Promise<SearchPlan | null> => {
    if (!planned(filters)) return null;
    const range = await sample(rangeSampleStatement(filters));
    const inRange = { seen: range.seen, inPeriod: range.hits };
    const fromRange = planFromRange(inRange);
    if (fromRange) return fromRange;
    const period = await sample(periodSampleStatement(filters));
    return choosePlan(inRange, { seen: period.seen, matching: period.hits }, pageRows);
  };

  const countUpTo = async (
    filters: SearchFilters,
    cap: number,
    chosen?: SearchPlan | null
  ): Promise<number> => {
    const access = (chosen === undefined ? await plan(filters, 1) : chosen)?.scan ?? null;
    const rows = await run(countStatement(filters, cap, access));
    return Number(rows[0]?.total ?? 0);
  };

  const readPage = async (
    filters: SearchFilters,
    after: CursorPosition | null,
    limit: number,
    access: Access
  ) => {
    const rows = await run(searchStatement(filters, after, limit, access));
    return rows.map((row) => ({
      call: toCall(row),
      position: { startTime: toMillis(row[START]), id: Number(row[ID]) } as CursorPosition,
    }));
  };

  return {
    /** The attributes Call Details returns, in model order. */
    readableAttributes: (): string[] => readable.map((attribute) => attribute.name),

    /** The attributes a search row and an export batch carry, in model order. */
    listedAttributes: (): string[] => listed.map((attribute) => attribute.name),

    /**
     * The indexes this search's statements are read through (SQLite, prefix or suffix without
     * an access code), from two bounded samples; null when the database's planner decides.
     * `pageRows`: the rows a page reads (page size + 1).
     */
    plan,

    /** One keyset page, newest first, ties broken by id; `limit` rows at most. */
    async page(
      filters: SearchFilters,
      after: CursorPosition | null,
      limit: number,
      chosen?: SearchPlan | null
    ): Promise<Array<{ call: CallRow; position: CursorPosition }>> {
      const access = (chosen === undefined ? await plan(filters, limit) : chosen)?.page ?? null;
      return readPage(filters, after, limit, access);
    },

    /** The number of matching calls, counted up to `cap + 1` rows only. */
    countUpTo,

    /** The whole result in keyset batches: memory stays one batch whatever the row count. */
    async *batches(filters: SearchFilters, size = 1000): AsyncGenerator<CallRow[]> {
      const access = (await plan(filters, size))?.export ?? null;
      let after: CursorPosition | null = null;
      for (;;) {
        const page = await readPage(filters, after, size, access);
        if (page.length === 0) return;
        yield page.map((entry) => entry.call);
        if (page.length < size) return;
        after = page[page.length - 1].position;
      }
    },

    /** Counts per 15-minute UTC bucket (see domain/day-buckets.ts), grouped by the database. */
    async buckets(filters: SearchFilters, chosen?: SearchPlan | null): Promise<Bucket[]> {
      const access = (chosen === undefined ? await plan(filters, 1) : chosen)?.scan ?? null;
      const condition = where(filters, null, access);
      if (client === 'sqlite') {
        // Strapi stores datetimes as epoch milliseconds on SQLite.
        const rows = await run({
          sql: `SELECT (?? / ${BUCKET_MS}) AS bucket, COUNT(*) AS total FROM ?? WHERE ${condition.sql} GROUP BY 1`,
          bindings: [START, table, ...condition.bindings],
        });
        return rows.map((row) => ({
          start: Number(row.bucket) * BUCKET_MS,
          count: Number(row.total),
        }));
      }
      // PostgreSQL: the bucket comes back as a timestamp, read by the driver exactly as the
      // Query Engine reads start times, so the server's zone setting cannot shift it.
      const rows = await run({
        sql: `SELECT date_trunc('hour', ??) + floor(extract(minute from ??) / 15) * interval '15 minutes' AS bucket, COUNT(*) AS total FROM ?? WHERE ${condition.sql} GROUP BY 1`,
        bindings: [START, START, table, ...condition.bindings],
      });
      return rows.map((row) => ({ start: toMillis(row.bucket), count: Number(row.total) }));
    },

    async perAccessCode(
      filters: SearchFilters,
      chosen?: SearchPlan | null
    ): Promise<Array<{ accessCode: string; count: number }>> {
      const access = (chosen === undefined ? await plan(filters, 1) : chosen)?.scan ?? null;
      const condition = where(filters, null, access);
      const ACCESS = column('accessCode');
      const rows = await run({
        sql: `SELECT ?? AS code, COUNT(*) AS total FROM ?? WHERE ${condition.sql} GROUP BY ?? ORDER BY total DESC, code ASC`,
        bindings: [ACCESS, table, ...condition.bindings, ACCESS],
      });
      return rows.map((row) => ({ accessCode: String(row.code), count: Number(row.total) }));
    },

    /**
     * The database's plans for a search page, its capped count and, where the plugin chooses
     * the index, its two samples (tests and benchmark).
     */
    async explain(filters: SearchFilters, after: CursorPosition | null = null): Promise<string[]> {
      const chosen = await plan(filters, 21);
      const statements = [
        searchStatement(filters, after, 21, chosen?.page ?? null),
        countStatement(filters, 10_000, chosen?.scan ?? null),
        ...(planned(filters)
          ? [rangeSampleStatement(filters), periodSampleStatement(filters)]
          : []),
      ];
      const plans: string[] = [];
      for (const statement of statements) {
        const prefix = client === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN';
        const rows = await run({ sql: `${prefix} ${statement.sql}`, bindings: statement.bindings });
        plans.push(
          ...rows.map((row) => String(client === 'sqlite' ? row.detail : Object.values(row)[0]))
        );
      }
      return plans;
    },
  };
};

export type CallRecordsRepository = ReturnType<typeof callRecordsRepository>;
