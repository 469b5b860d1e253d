import type { Strapi } from '@strapi/types';
import { contentTypes as contentTypeUtils } from '@strapi/utils';

import { UID } from '../constants';
import { reverseNumber } from '../domain/calling-number';
import { BUCKET_MS, type Bucket } from '../domain/day-buckets';
import { prefixUpperBound } from '../domain/number-range';
import type { CursorPosition } from '../domain/search-cursor';
import type { SearchFilters } from '../domain/search-query';
import { getDb } from '../utils/strapi';

/**
 * Raw knex for the call table, where the Query Engine cannot do the job well at millions of
 * rows: keyset pages, capped counts, batched export and GROUP BY statistics. Table and column
 * names come from Strapi's metadata (bound with `??`), every value is bound with `?`, and rows
 * come back as the Query Engine returns them: attribute names, json parsed, datetimes as ISO
 * strings, private attributes left out.
 */

export type CallRow = Record<string, unknown>;

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
  const column = (attribute: string): string =>
    (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  const START = column('startTime');
  const ID = column('id');

  /** Every scalar, non-private attribute, a developer's extensions included. */
  const visible: VisibleAttribute[] = (() => {
    const model = strapi.getModel(UID.callRecord);
    return Object.entries(model.attributes)
      .filter(
        ([name, attribute]) =>
          contentTypeUtils.isScalarAttribute(attribute) &&
          !contentTypeUtils.isPrivateAttribute(model, name)
      )
      .map(([name, attribute]) => ({ name, column: column(name), type: attribute.type }));
  })();
  if (!visible.some((attribute) => attribute.name === 'id')) {
    visible.unshift({ name: 'id', column: ID, type: 'increments' });
  }
  const selectList = visible.map(() => '??').join(', ');
  const selectColumns = visible.map((attribute) => attribute.column);

  const toCall = (row: Record<string, unknown>): CallRow => {
    const call: CallRow = {};
    for (const attribute of visible) {
      call[attribute.name] = fromDb(attribute.type, row[attribute.column]);
    }
    return call;
  };

  const rangeOn = (columnName: string, prefix: string): Statement => {
    const upper = prefixUpperBound(prefix);
    // The range is what the index serves; LIKE keeps the match exact whatever the collation
    // (digits and + only: no LIKE wildcard can reach it).
    return upper === null
      ? { sql: '?? >= ? AND ?? LIKE ?', bindings: [columnName, prefix, columnName, `${prefix}%`] }
      : {
          sql: '?? >= ? AND ?? < ? AND ?? LIKE ?',
          bindings: [columnName, prefix, columnName, upper, columnName, `${prefix}%`],
        };
  };

  /**
   * On SQLite (no planner statistics by default) a prefix or suffix search without an access
   * code could be served by two indexes, and the planner cannot tell which is cheaper:
   * - the number index reads every call of the number range (the start time is checked in the
   *   index) and sorts the matches: best when the matches are few;
   * - the period index walks the period newest first and checks each call's number: best when
   *   matches are dense, since a page is then found after a few hundred rows.
   * A capped probe on the number index (index-only, at most DENSE_MATCHES + 1 matches) decides.
   * PostgreSQL keeps statistics and decides alone.
   */
  const DENSE_MATCHES = 5000;
  const numberIndexEligible = (filters: SearchFilters) =>
    client === 'sqlite' &&
    filters.callingNumber !== null &&
    filters.callingNumber.match !== 'exact' &&
    filters.accessCode === null;

  /**
   * The WHERE of every search shape; the period is half-open, [from, to). After a cursor, the
   * period's upper bound becomes the cursor's start time, so the index seek starts at the
   * cursor instead of walking the pages before it. `byNumberIndex` writes the period terms as
   * `+start_time` (SQLite's way to keep a term from choosing an index).
   */
  const where = (
    filters: SearchFilters,
    after: CursorPosition | null,
    byNumberIndex: boolean
  ): Statement => {
    const number = filters.callingNumber;
    const period = byNumberIndex ? '+?? >= ? AND +?? ' : '?? >= ? AND ?? ';
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
    if (number?.match === 'exact') {
      parts.push({ sql: '?? = ?', bindings: [column('callingNumber'), number.value] });
    } else if (number?.match === 'prefix') {
      parts.push(rangeOn(column('callingNumber'), number.value));
    } else if (number?.match === 'suffix') {
      parts.push(rangeOn(column('callingNumberReversed'), reverseNumber(number.value)));
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
    byNumberIndex: boolean
  ): Statement => {
    const condition = where(filters, after, byNumberIndex);
    return {
      sql: `SELECT ${selectList} FROM ?? WHERE ${condition.sql} ORDER BY ?? DESC, ?? DESC LIMIT ?`,
      bindings: [...selectColumns, table, ...condition.bindings, START, ID, limit],
    };
  };

  /** Counting reads the index only: through the number index whenever it can serve. */
  const countStatement = (filters: SearchFilters, cap: number): Statement => {
    const condition = where(filters, null, numberIndexEligible(filters));
    return {
      sql: `SELECT COUNT(*) AS total FROM (SELECT 1 FROM ?? WHERE ${condition.sql} LIMIT ?) capped`,
      bindings: [table, ...condition.bindings, cap + 1],
    };
  };

  const run = async (statement: Statement) =>
    rowsOf(await db.connection.raw(statement.sql, statement.bindings as never));

  const countUpTo = async (filters: SearchFilters, cap: number): Promise<number> => {
    const rows = await run(countStatement(filters, cap));
    return Number(rows[0]?.total ?? 0);
  };

  /** Whether the page should be read through the number index (see DENSE_MATCHES). */
  const pageByNumberIndex = async (filters: SearchFilters): Promise<boolean> =>
    numberIndexEligible(filters) && (await countUpTo(filters, DENSE_MATCHES)) <= DENSE_MATCHES;

  const readPage = async (
    filters: SearchFilters,
    after: CursorPosition | null,
    limit: number,
    byNumberIndex: boolean
  ) => {
    const rows = await run(searchStatement(filters, after, limit, byNumberIndex));
    return rows.map((row) => ({
      call: toCall(row),
      position: { startTime: toMillis(row[START]), id: Number(row[ID]) } as CursorPosition,
    }));
  };

  return {
    /** The attributes a search row carries, in model order (for the CSV extra columns). */
    visibleAttributes: (): string[] => visible.map((attribute) => attribute.name),

    /** One keyset page, newest first, ties broken by id; `limit` rows at most. */
    async page(
      filters: SearchFilters,
      after: CursorPosition | null,
      limit: number
    ): Promise<Array<{ call: CallRow; position: CursorPosition }>> {
      return readPage(filters, after, limit, await pageByNumberIndex(filters));
    },

    /** The number of matching calls, counted up to `cap + 1` rows only. */
    countUpTo,

    /** The whole result in keyset batches: memory stays one batch whatever the row count. */
    async *batches(filters: SearchFilters, size = 1000): AsyncGenerator<CallRow[]> {
      const byNumberIndex = await pageByNumberIndex(filters);
      let after: CursorPosition | null = null;
      for (;;) {
        const page = await readPage(filters, after, size, byNumberIndex);
        if (page.length === 0) return;
        yield page.map((entry) => entry.call);
        if (page.length < size) return;
        after = page[page.length - 1].position;
      }
    },

    /** Counts per 15-minute UTC bucket (see domain/day-buckets.ts), grouped by the database. */
    async buckets(filters: SearchFilters): Promise<Bucket[]> {
      const condition = where(filters, null, numberIndexEligible(filters));
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
      filters: SearchFilters
    ): Promise<Array<{ accessCode: string; count: number }>> {
      const condition = where(filters, null, numberIndexEligible(filters));
      const ACCESS = column('accessCode');
      const rows = await run({
        sql: `SELECT ?? AS code, COUNT(*) AS total FROM ?? WHERE ${condition.sql} GROUP BY ?? ORDER BY total DESC, code ASC`,
        bindings: [ACCESS, table, ...condition.bindings, ACCESS],
      });
      return rows.map((row) => ({ accessCode: String(row.code), count: Number(row.total) }));
    },

    /** The database's plans for a search page and its capped count (tests and benchmark). */
    async explain(filters: SearchFilters, after: CursorPosition | null = null): Promise<string[]> {
      const statements = [
        searchStatement(filters, after, 21, await pageByNumberIndex(filters)),
        countStatement(filters, 10_000),
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
