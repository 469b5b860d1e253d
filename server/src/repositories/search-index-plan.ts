import type { Knex } from 'knex';

import type { CallTable } from '../database/call-record-columns';
import type { Dialect } from '../database/dialect';
import {
  PERIOD_SAMPLE,
  RANGE_SAMPLE,
  choosePlan,
  planFromRange,
  type PlanBounds,
  type SearchPlan,
} from '../domain/search-plan';
import type { SearchFilters } from '../domain/search-query';

import { numberRange, sampleRangeSql, suffixOn } from './call-search-sql';

/**
 * Which of the plugin's search indexes (database/indexes.ts) a search is read through, where
 * the plugin has to choose: two bounded samples, run by the caller, compared by
 * domain/search-plan.ts.
 */

/** What a sample statement found: rows read, and of those, the rows that count. */
export interface SampleCount {
  seen: number;
  hits: number;
}

/**
 * A prefix or suffix search without an access code could be read through the number index or
 * through the period index. On SQLite (no planner statistics by default) the planner cannot
 * tell which is cheaper: the plugin chooses. PostgreSQL keeps statistics, but misjudges broad
 * number filters: at 10^7 calls it estimated 534 calls of a day ending in 8 where there were
 * 5,517, and counted them through the 10^6 entries of the reversed-number range (166 ms) where
 * the period index reads the day's 55,000; it sorted the 79,834 calls of 31 days starting
 * with 138 out of their number range for the newest 10,000 (173 ms) where the period index
 * reads 213,000 entries in order (docs/benchmarks.md). The plugin chooses there too. Its
 * period-index checks are forms no index serves: a suffix `calling_number LIKE '%8'`, a prefix
 * `(calling_number LIKE '138%') IS TRUE`, which the planner estimates from its histogram as it
 * does the LIKE (call-search-sql.ts). MySQL and MariaDB decide alone: their range optimizer
 * measures each candidate range in the index itself (index dives), so it sees a small number
 * range and a short period: on MariaDB 10.11 at 2.8·10^5 calls it read a small range through
 * the number index and a broad one through the period index, as the plugin's samples would.
 */
export const pluginChoosesIndex = (dialect: Dialect, filters: SearchFilters): boolean => {
  const number = filters.callingNumber;
  if (number === null || number.match === 'exact' || filters.accessCode !== null) return false;
  switch (dialect) {
    case 'sqlite':
    case 'postgres':
      return true;
    case 'mysql':
      return false;
  }
};

const rangeOf = (table: CallTable, filters: SearchFilters) => {
  const range = numberRange(table, filters);
  if (!range) throw new Error('call-history: a sample needs a prefix or suffix number filter');
  return range;
};

/**
 * The first RANGE_SAMPLE entries of the number range, index only (the start time is in the
 * number index), and how many of them are in the period.
 */
export const rangeSampleSql = (knex: Knex, table: CallTable, filters: SearchFilters): Knex.Raw => {
  const range = rangeOf(table, filters);
  const START = table.startTime;
  return knex.raw(
    'SELECT COUNT(*) AS seen, COALESCE(SUM(CASE WHEN ?? >= ? AND ?? < ? THEN 1 ELSE 0 END), 0) AS hits FROM (SELECT ?? FROM ?? WHERE ? LIMIT ?) sampled',
    [
      START,
      filters.from,
      START,
      filters.to,
      START,
      table.table,
      sampleRangeSql(knex, range.column, range.prefix),
      RANGE_SAMPLE,
    ]
  );
};

/**
 * The newest PERIOD_SAMPLE calls of the period, as a page reads them, and how many match: index
 * only, on the number the period index carries.
 */
export const periodSampleSql = (knex: Knex, table: CallTable, filters: SearchFilters): Knex.Raw => {
  const range = rangeOf(table, filters);
  const number = filters.callingNumber;
  const START = table.startTime;
  const matches =
    number?.match === 'suffix'
      ? suffixOn(knex, table.callingNumber, number.value)
      : sampleRangeSql(knex, range.column, range.prefix);
  return knex.raw(
    'SELECT COUNT(*) AS seen, COALESCE(SUM(CASE WHEN ? THEN 1 ELSE 0 END), 0) AS hits FROM (SELECT ?? FROM ?? WHERE ?? >= ? AND ?? < ? ORDER BY ?? DESC, ?? DESC LIMIT ?) sampled',
    [
      matches,
      table.callingNumber,
      table.table,
      START,
      filters.from,
      START,
      filters.to,
      START,
      table.id,
      PERIOD_SAMPLE,
    ]
  );
};

/**
 * The indexes a search's statements are read through, or null where the database's planner
 * decides. `sample` runs a sample statement; `periodCalls` answers the period's size (from the
 * statistics rollup), asked only when both samples are large.
 */
export const planSearch = async (
  knex: Knex,
  dialect: Dialect,
  table: CallTable,
  filters: SearchFilters,
  bounds: Omit<PlanBounds, 'periodCalls'>,
  sample: (statement: Knex.Raw) => Promise<SampleCount>,
  periodCalls: () => Promise<number>
): Promise<SearchPlan | null> => {
  if (!pluginChoosesIndex(dialect, filters)) return null;
  const range = await sample(rangeSampleSql(knex, table, filters));
  const inRange = { seen: range.seen, inPeriod: range.hits };
  const fromRange = planFromRange(inRange);
  if (fromRange) return fromRange;
  const period = await sample(periodSampleSql(knex, table, filters));
  const periodSample = { seen: period.seen, matching: period.hits };
  const known = period.seen < PERIOD_SAMPLE ? 0 : await periodCalls();
  return choosePlan(inRange, periodSample, { ...bounds, periodCalls: known });
};
