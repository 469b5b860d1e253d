import type { Knex } from 'knex';

import type { RollupNames } from '../database/call-rollup';
import type { Period } from '../domain/day-buckets';

/**
 * The statistics of a period of whole buckets, read from the rollup (docs/design.md#statistics-rollup)
 * instead of the calls: each statement reads one covering index (database/indexes.ts), so its
 * cost is the period's buckets × access codes, whatever the number of calls. Pure: statements
 * only, values bound.
 */

const inPeriod = (knex: Knex, n: RollupNames, period: Period, accessCode: string | null) =>
  accessCode === null
    ? knex.raw('?? >= ? AND ?? < ?', [n.bucketStart, period.from, n.bucketStart, period.to])
    : knex.raw('?? = ? AND ?? >= ? AND ?? < ?', [
        n.rollupAccessCode,
        accessCode,
        n.bucketStart,
        period.from,
        n.bucketStart,
        period.to,
      ]);

/** Calls per bucket start. */
export const rollupBucketsSql = (
  knex: Knex,
  n: RollupNames,
  period: Period,
  accessCode: string | null
): Knex.Raw =>
  knex.raw('SELECT ?? AS bucket, SUM(??) AS total FROM ?? WHERE ? GROUP BY ??', [
    n.bucketStart,
    n.count,
    n.rollup,
    inPeriod(knex, n, period, accessCode),
    n.bucketStart,
  ]);

/** Calls per access code. */
export const rollupPerAccessCodeSql = (
  knex: Knex,
  n: RollupNames,
  period: Period,
  accessCode: string | null
): Knex.Raw =>
  knex.raw('SELECT ?? AS code, SUM(??) AS total FROM ?? WHERE ? GROUP BY ??', [
    n.rollupAccessCode,
    n.count,
    n.rollup,
    inPeriod(knex, n, period, accessCode),
    n.rollupAccessCode,
  ]);

/** The calls of the period: the size the search plan weighs its indexes by. */
export const rollupTotalSql = (knex: Knex, n: RollupNames, period: Period): Knex.Raw =>
  knex.raw('SELECT COALESCE(SUM(??), 0) AS total FROM ?? WHERE ?', [
    n.count,
    n.rollup,
    inPeriod(knex, n, period, null),
  ]);
