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

/** A bucket's count for one access code. */
export interface BucketCount extends Bucket {
  accessCode: string;
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

export interface Period {
  from: Date;
  to: Date;
}

/**
 * A period [from, to) as the whole 15-minute buckets inside it, which the statistics rollup
 * answers, and the partial buckets at its edges (each under 15 minutes of calls), which only
 * the calls can. A local day in any zone is whole buckets, so a day-aligned period has no edge.
 */
export const splitIntoBuckets = (period: Period): { whole: Period | null; edges: Period[] } => {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const first = Math.ceil(from / BUCKET_MS) * BUCKET_MS;
  const last = Math.floor(to / BUCKET_MS) * BUCKET_MS;
  if (first >= last) return { whole: null, edges: from < to ? [period] : [] };
  const edges: Period[] = [];
  if (from < first) edges.push({ from: period.from, to: new Date(first) });
  if (last < to) edges.push({ from: new Date(last), to: period.to });
  return { whole: { from: new Date(first), to: new Date(last) }, edges };
};

/**
 * Counts per access code summed from parts (the rollup, the edges), the largest first, ties by
 * code; codes whose calls were all deleted are left out.
 */
export const sumPerAccessCode = (
  parts: Array<{ accessCode: string; count: number }>
): CallStats['perAccessCode'] => {
  const totals = new Map<string, number>();
  for (const part of parts) {
    totals.set(part.accessCode, (totals.get(part.accessCode) ?? 0) + part.count);
  }
  return [...totals.entries()]
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([accessCode, count]) => ({ accessCode, count }));
};
