import type { Knex } from 'knex';

import type { RollupNames, RollupTable } from '../database/call-rollup';
import type { RollupReads } from '../domain/rollup-levels';

/**
 * The statistics of a period of whole buckets, read from the rollup (docs/design.md#statistics-rollup)
 * instead of the calls, at its two levels (domain/rollup-levels.ts): each statement reads one
 * covering index of one level (database/indexes.ts), so its cost is the period's buckets ×
 * access codes, whatever the number of calls. Pure: statements only, values bound.
 */

/**
 * Which bucket starts of one level a statement reads: a range less some starts (the hour
 * level), or a list (the quarter level). Both seek the leading bucket or access-code column.
 */
export type BucketSelection =
  | { range: { from: Date; to: Date }; except: Date[] }
  | { starts: Date[] };

/** The hour level's part of `reads`; null when it reads no hour. */
export const hourSelection = (reads: RollupReads): BucketSelection | null =>
  reads.hours ? { range: reads.hours, except: reads.exceptHours } : null;

/** The quarter level's part of `reads`; null when it reads no quarter bucket. */
export const quarterSelection = (reads: RollupReads): BucketSelection | null =>
  reads.quarters.length > 0 ? { starts: reads.quarters } : null;

const list = (values: unknown[]) => values.map(() => '?').join(', ');

const selected = (
  knex: Knex,
  t: RollupTable,
  selection: BucketSelection,
  accessCode: string | null
): Knex.Raw => {
  const parts: Knex.Raw[] = [];
  if (accessCode !== null) parts.push(knex.raw('?? = ?', [t.accessCode, accessCode]));
  if ('starts' in selection) {
    parts.push(knex.raw(`?? IN (${list(selection.starts)})`, [t.bucketStart, ...selection.starts]));
  } else {
    const { range, except } = selection;
    parts.push(
      knex.raw('?? >= ? AND ?? < ?', [t.bucketStart, range.from, t.bucketStart, range.to])
    );
    if (except.length > 0) {
      parts.push(knex.raw(`?? NOT IN (${list(except)})`, [t.bucketStart, ...except]));
    }
  }
  return knex.raw(parts.map(() => '?').join(' AND '), parts);
};

/** Calls per bucket start, at the level of `t`. */
export const rollupBucketsSql = (
  knex: Knex,
  t: RollupTable,
  selection: BucketSelection,
  accessCode: string | null
): Knex.Raw =>
  knex.raw('SELECT ?? AS bucket, SUM(??) AS total FROM ?? WHERE ? GROUP BY ??', [
    t.bucketStart,
    t.count,
    t.table,
    selected(knex, t, selection, accessCode),
    t.bucketStart,
  ]);

/** Calls per access code, at the level of `t`. */
export const rollupPerAccessCodeSql = (
  knex: Knex,
  t: RollupTable,
  selection: BucketSelection,
  accessCode: string | null
): Knex.Raw =>
  knex.raw('SELECT ?? AS code, SUM(??) AS total FROM ?? WHERE ? GROUP BY ??', [
    t.accessCode,
    t.count,
    t.table,
    selected(knex, t, selection, accessCode),
    t.accessCode,
  ]);

/**
 * The calls of the period (`reads` without a zone): the size the search plan weighs its
 * indexes by, one row, the levels' sums added.
 */
export const rollupTotalSql = (knex: Knex, n: RollupNames, reads: RollupReads): Knex.Raw => {
  const sums = [
    { t: n.levels.hour, selection: hourSelection(reads) },
    { t: n.levels.quarter, selection: quarterSelection(reads) },
  ].flatMap(({ t, selection }) =>
    selection
      ? [
          knex.raw('(SELECT COALESCE(SUM(??), 0) FROM ?? WHERE ?)', [
            t.count,
            t.table,
            selected(knex, t, selection, null),
          ]),
        ]
      : []
  );
  return sums.length === 0
    ? knex.raw('SELECT 0 AS total')
    : knex.raw(`SELECT ${sums.map(() => '?').join(' + ')} AS total`, sums);
};
