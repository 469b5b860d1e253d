import type { BucketCount } from './day-buckets';

/**
 * The statistics of a number filter that more than `totalCap` calls match count the newest
 * `totalCap` of them (docs/design.md#statistics-rollup). Read newest first through the period
 * index, one pass over the newest cap + 1 tells both whether more than the cap match and, but
 * for one call, what the newest cap are: the one to leave out is the oldest of them. Pure.
 */

/** A group's count among the newest matches, and the start time of its oldest match. */
export interface NewestBucketCount extends BucketCount {
  /** Epoch milliseconds. */
  oldest: number;
}

/**
 * The counts without the oldest match: one less in the group whose oldest start time is the
 * earliest (a group left at 0 is dropped). Null when several groups share that start time: the
 * oldest match is the one of them with the lowest id, which the counts do not say.
 */
export const withoutOldestMatch = (counts: NewestBucketCount[]): BucketCount[] | null => {
  if (counts.length === 0) return [];
  const earliest = Math.min(...counts.map((group) => group.oldest));
  const holders = counts.filter((group) => group.oldest === earliest);
  if (holders.length > 1) return null;
  const [holder] = holders;
  const kept: BucketCount[] = [];
  for (const group of counts) {
    const count = group === holder ? group.count - 1 : group.count;
    if (count > 0) kept.push({ start: group.start, accessCode: group.accessCode, count });
  }
  return kept;
};
