import { DateTime } from 'luxon';

import type { CallStats } from '../../../shared/contracts/calls';

/**
 * Calls per local day, in an IANA zone, from counts per 15-minute UTC bucket.
 *
 * SQLite has no time zones, and a fixed offset is wrong across a DST change, so the database
 * groups by 15-minute buckets of UTC time and the buckets are folded into local days here.
 * Every UTC offset in use since 1972 is a whole multiple of 15 minutes (+05:45, +08:45, …), so
 * a bucket never straddles a local midnight and the fold is exact, DST days included
 * (23 or 25 hours long). A 31-day period is at most 2,976 buckets.
 */
export const BUCKET_MS = 15 * 60 * 1000;

export interface Bucket {
  /** Start of the bucket, epoch milliseconds. */
  start: number;
  count: number;
}

/** One day of the stats answer: the local date (yyyy-MM-dd) and its count. */
export type DayCount = CallStats['perDay'][number];

/** Every local day the period touches, in order, with zero for the days without calls. */
export const foldBucketsIntoDays = (
  buckets: Bucket[],
  tz: string,
  from: Date,
  to: Date
): DayCount[] => {
  const counts = new Map<string, number>();
  let day = DateTime.fromJSDate(from, { zone: tz }).startOf('day');
  const end = DateTime.fromJSDate(to, { zone: tz });
  while (day < end) {
    counts.set(day.toISODate() as string, 0);
    day = day.plus({ days: 1 }).startOf('day');
  }
  for (const bucket of buckets) {
    const key = DateTime.fromMillis(bucket.start, { zone: tz }).toISODate() as string;
    counts.set(key, (counts.get(key) ?? 0) + bucket.count);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => ({ day: key, count }));
};
