import type { Knex } from 'knex';

import { sqliteUtcDayOf } from '../database/bucket-sql';
import type { CallTable } from '../database/call-record-columns';
import { bucketOf, localDayOf } from '../database/call-rollup';
import type { Dialect } from '../database/dialect';
import { quotedIdentifier } from '../database/final-statement';
import { reverseNumber } from '../domain/calling-number';
import { prefixUpperBound } from '../domain/number-range';
import type { CursorPosition } from '../domain/search-cursor';
import type { IndexChoice } from '../domain/search-plan';
import type { SearchFilters } from '../domain/search-query';
import { readsInPeriodOrder, type SortOrder } from '../domain/search-sort';

/**
 * The statements of the Call History search (docs/design.md#search-contract), where the Query
 * Engine cannot do the job well at millions of rows: keyset pages, capped counts and GROUP BY
 * statistics. Pure: each takes a knex instance and the names of the call table, and returns
 * the statement without running it. Table and column names are bound with `??`, every value
 * with `?`.
 */

/**
 * The index a statement is to be read through: on SQLite `number` writes the period terms as
 * `+start_time` and `period` the number terms as `+calling_number` (`term`); on any database
 * `period` checks a suffix on the number the period index carries. null leaves the choice to
 * the database's planner.
 */
export type Access = IndexChoice | null;

/**
 * A column term no index can serve, on SQLite: the unary plus, its documented way. Elsewhere
 * the column itself: on PostgreSQL `rangeOn` and `suffixOn` keep a number check off the
 * number indexes by their form (search-index-plan.ts); MySQL and MariaDB choose alone.
 */
const term = (dialect: Dialect, indexed: boolean): string =>
  indexed || dialect !== 'sqlite' ? '??' : '+??';

/** The order of a page and, after a cursor, the position of the previous page's last row. */
export interface Keyset {
  order: SortOrder;
  after: CursorPosition | null;
}

/** The default order, and the one of the statements whose order does not matter. */
export const NEWEST_FIRST: SortOrder = { attribute: 'startTime', descending: true };

/** The first page's WHERE: the counts' and the statistics'. */
const FROM_THE_TOP: Keyset = { order: NEWEST_FIRST, after: null };

/** The number filter as an index range: the column and the prefix it starts with. */
export const numberRange = (
  table: CallTable,
  filters: SearchFilters
): { column: string; prefix: string } | null => {
  const number = filters.callingNumber;
  if (number?.match === 'prefix') return { column: table.callingNumber, prefix: number.value };
  if (number?.match === 'suffix') {
    return { column: table.callingNumberReversed, prefix: reverseNumber(number.value) };
  }
  return null;
};

const rangeOn = (
  knex: Knex,
  dialect: Dialect,
  column: string,
  prefix: string,
  indexed: boolean
): Knex.Raw => {
  // PostgreSQL matches a LIKE prefix (in the C collation) or a range to the number index; a
  // boolean test around the LIKE matches no index, and is estimated as the LIKE is, from the
  // column's histogram. An expression such as `calling_number || ''` would also hide the
  // index, but its share of the period can only be guessed (search-index-plan.ts).
  if (!indexed && dialect === 'postgres') {
    return knex.raw('(?? LIKE ?) IS TRUE', [column, `${prefix}%`]);
  }
  const upper = prefixUpperBound(prefix);
  const on = term(dialect, indexed);
  // The range is what the index serves; LIKE keeps the match exact whatever the collation
  // (digits and + only: no LIKE wildcard can reach it).
  return upper === null
    ? knex.raw(`${on} >= ? AND ${on} LIKE ?`, [column, prefix, column, `${prefix}%`])
    : knex.raw(`${on} >= ? AND ${on} < ? AND ${on} LIKE ?`, [
        column,
        prefix,
        column,
        upper,
        column,
        `${prefix}%`,
      ]);
};

/**
 * A suffix as the period index checks it: on the number itself, which the period index carries
 * (the reversed number, which the suffix's range is on, is not in it). Digits and + only, as in
 * `rangeOn`: no LIKE wildcard can reach it. `on`: how the column is written (`??`, the column
 * itself, or a term no index serves).
 */
export const suffixOn = (knex: Knex, column: string, suffix: string, on = '??'): Knex.Raw =>
  knex.raw(`${on} LIKE ?`, [column, `%${suffix}`]);

/**
 * The range alone, for the planning samples: an estimate on SQLite, whose default BINARY
 * collation makes the range exact for digits and + anyway (the LIKE costs a third of a
 * sample's time).
 */
export const sampleRangeSql = (knex: Knex, column: string, prefix: string): Knex.Raw => {
  const upper = prefixUpperBound(prefix);
  return upper === null
    ? knex.raw('?? >= ?', [column, prefix])
    : knex.raw('?? >= ? AND ?? < ?', [column, prefix, column, upper]);
};

/**
 * The period, half-open [from, to), and the keyset condition after a cursor. In a time order
 * the cursor's start time replaces the period's bound on its side, so the index seek starts at
 * the cursor instead of walking the pages before it; in a duration order the whole period is
 * read and the (duration, id) condition drops the rows of the pages before.
 */
const periodSql = (
  knex: Knex,
  dialect: Dialect,
  table: CallTable,
  filters: SearchFilters,
  { order, after }: Keyset,
  access: Access
): Knex.Raw => {
  const { startTime: START, id: ID } = table;
  const on = term(dialect, access !== 'number');
  const before = order.descending ? '<' : '>';
  // Date objects are bound as the Query Engine binds them: epoch milliseconds on SQLite
  // (knex's better-sqlite3 client), a timestamp on PostgreSQL.
  if (after && readsInPeriodOrder(order)) {
    const at = new Date(after.key);
    const bounds = order.descending
      ? knex.raw(`${on} >= ? AND ${on} <= ?`, [START, filters.from, START, at])
      : knex.raw(`${on} >= ? AND ${on} < ?`, [START, at, START, filters.to]);
    return knex.raw(`? AND (??, ??) ${before} (?, ?)`, [bounds, START, ID, at, after.id]);
  }
  const period = knex.raw(`${on} >= ? AND ${on} < ?`, [START, filters.from, START, filters.to]);
  if (!after) return period;
  return knex.raw(`? AND (??, ??) ${before} (?, ?)`, [
    period,
    table.durationSeconds,
    ID,
    after.key,
    after.id,
  ]);
};

/** The WHERE of every search shape. */
export const whereSql = (
  knex: Knex,
  dialect: Dialect,
  table: CallTable,
  filters: SearchFilters,
  keyset: Keyset,
  access: Access
): Knex.Raw => {
  const number = filters.callingNumber;
  const parts: Knex.Raw[] = [periodSql(knex, dialect, table, filters, keyset, access)];
  const range = numberRange(table, filters);
  if (number?.match === 'exact') {
    parts.push(knex.raw('?? = ?', [table.callingNumber, number.value]));
  } else if (number?.match === 'suffix' && access === 'period') {
    parts.push(suffixOn(knex, table.callingNumber, number.value, term(dialect, false)));
  } else if (range) {
    parts.push(rangeOn(knex, dialect, range.column, range.prefix, access !== 'period'));
  }
  if (filters.accessCode !== null) {
    parts.push(knex.raw('?? = ?', [table.accessCode, filters.accessCode]));
  }
  return knex.raw(parts.map(() => '?').join(' AND '), parts);
};

/** The column a sort orders by. */
export const sortColumn = (table: CallTable, order: SortOrder): string =>
  order.attribute === 'startTime' ? table.startTime : table.durationSeconds;

/**
 * One keyset page in the keyset's order, ties broken by id; `limit` rows at most. A time order
 * reads the period index in order and stops after `limit` rows. A duration order cannot: the
 * inner statement reads the period's (start_time, duration_seconds, id) entries, index only,
 * keeps the first `limit` in duration order, and only those rows are read whole. The inner
 * statement is a derived table because MySQL and MariaDB refuse a LIMIT in an IN subquery
 * (error 1235); SQLite and PostgreSQL read it the same way.
 */
export const pageSql = (
  knex: Knex,
  dialect: Dialect,
  table: CallTable,
  filters: SearchFilters,
  keyset: Keyset,
  limit: number,
  access: Access,
  select: Knex.Raw = knex.raw(table.listed.map(() => '??').join(', '), table.listed)
): Knex.Raw => {
  const direction = keyset.order.descending ? 'DESC' : 'ASC';
  const orderBy = `ORDER BY ?? ${direction}, ?? ${direction}`;
  const key = sortColumn(table, keyset.order);
  const where = whereSql(knex, dialect, table, filters, keyset, access);
  if (readsInPeriodOrder(keyset.order)) {
    return knex.raw(`SELECT ? FROM ?? WHERE ? ${orderBy} LIMIT ?`, [
      select,
      table.table,
      where,
      key,
      table.id,
      limit,
    ]);
  }
  return knex.raw(
    `SELECT ? FROM ?? WHERE ?? IN (SELECT ?? FROM (SELECT ?? FROM ?? WHERE ? ${orderBy} LIMIT ?) page) ${orderBy}`,
    [
      select,
      table.table,
      table.id,
      table.id,
      table.id,
      table.table,
      where,
      key,
      table.id,
      limit,
      key,
      table.id,
    ]
  );
};

/** Counting reads at most cap + 1 matches, index only wherever the chosen index covers it. */
export const countSql = (
  knex: Knex,
  dialect: Dialect,
  table: CallTable,
  filters: SearchFilters,
  cap: number,
  access: Access
): Knex.Raw =>
  knex.raw('SELECT COUNT(*) AS total FROM (SELECT 1 FROM ?? WHERE ? LIMIT ?) capped', [
    table.table,
    whereSql(knex, dialect, table, filters, FROM_THE_TOP, access),
    cap + 1,
  ]);

/**
 * Which matches a statistics statement counts: `rows` of them at most, the newest (`newest`), or
 * any, in whatever order the index gives them (enough to tell whether more than a cap match).
 */
export interface Take {
  rows: number;
  newest: boolean;
}

/**
 * Counts per 15-minute UTC bucket (domain/day-buckets.ts) and access code of the matching calls,
 * or of those `take` names, grouped by the database: the statistics where the rollup cannot
 * answer (a number filter, the partial buckets at a period's edges). With `dayShift` (the zone's
 * days all start that long after UTC midnight), per local day instead: a 31-day chart is then
 * 31 rows per access code, not up to 2,976 (answering thousands of rows cost more than finding
 * them). The bucket is in the column's own representation (database/call-rollup.ts), read by
 * the driver exactly as the Query Engine reads start times, so the server's zone setting cannot
 * shift it.
 */
export const bucketCountsSql = (
  knex: Knex,
  dialect: Dialect,
  table: CallTable,
  filters: SearchFilters,
  access: Access,
  take: Take | null,
  dayShift: number | null = null
): Knex.Raw =>
  groupedCountsSql(knex, dialect, table, {
    condition: whereSql(knex, dialect, table, filters, FROM_THE_TOP, access),
    take,
    dayShift,
    // The newest matches' groups also say when their oldest match started: leaving the one
    // oldest match out of cap + 1 takes it (domain/newest-matches.ts).
    oldest: take?.newest === true,
  });

/**
 * The matches of `condition` (or those `take` names) grouped per bucket, or local day with
 * `dayShift`, and access code; with `oldest`, each group's earliest start time too.
 */
const groupedCountsSql = (
  knex: Knex,
  dialect: Dialect,
  table: CallTable,
  grouping: { condition: Knex.Raw; take: Take | null; dayShift: number | null; oldest: boolean }
): Knex.Raw => {
  const { startTime: START, accessCode: CODE } = table;
  const { condition, take, dayShift } = grouping;
  const select = knex.raw('SELECT ??, ?? FROM ?? WHERE ?', [START, CODE, table.table, condition]);
  const matching =
    take === null
      ? select
      : take.newest
        ? knex.raw('? ORDER BY ?? DESC, ?? DESC LIMIT ?', [select, START, table.id, take.rows])
        : knex.raw('? LIMIT ?', [select, take.rows]);
  const column = quotedIdentifier(knex, START);
  const bucket =
    dayShift === null ? bucketOf(dialect, column) : localDayOf(dialect, column, dayShift);
  const oldest = grouping.oldest ? `, MIN(${column}) AS oldest` : '';
  return knex.raw(
    `SELECT ${bucket} AS bucket, ?? AS code, COUNT(*) AS total${oldest} FROM (?) matching GROUP BY 1, 2`,
    [CODE, matching]
  );
};

/**
 * SQLite: the counts per bucket (or local day, with `dayShift`) and access code of a prefix or
 * suffix search's matches within one UTC day (domain/day-buckets.ts, utcDaysNewestFirst), read
 * through the day index of its number range (database/indexes.ts): the day, then the range,
 * only matches. `newest` takes the newest of them only, sorted (the day that reaches a cap).
 * Each group also says when its oldest match started (domain/newest-matches.ts). The period's
 * bounds are checked on each entry, written as terms no index serves.
 */
export const dayBucketCountsSql = (
  knex: Knex,
  table: CallTable,
  filters: SearchFilters,
  utcDay: number,
  newest: number | null,
  dayShift: number | null
): Knex.Raw => {
  const { startTime: START, accessCode: CODE } = table;
  const range = numberRange(table, filters);
  if (!range) throw new Error('call-history: a day statement needs a prefix or suffix filter');
  const inDay = knex.raw(`${sqliteUtcDayOf('??')} = ? AND ? AND +?? >= ? AND +?? < ?`, [
    START,
    utcDay,
    rangeOn(knex, 'sqlite', range.column, range.prefix, true),
    START,
    filters.from,
    START,
    filters.to,
  ]);
  // The plan never reads by day with an access code (its own index serves it); kept exact anyway.
  const condition =
    filters.accessCode === null
      ? inDay
      : knex.raw('? AND ?? = ?', [inDay, CODE, filters.accessCode]);
  return groupedCountsSql(knex, 'sqlite', table, {
    condition,
    take: newest === null ? null : { rows: newest, newest: true },
    dayShift,
    oldest: true,
  });
};
