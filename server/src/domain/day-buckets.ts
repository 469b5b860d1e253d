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

/** The local days a period touches, in order: each day's first instant and date. */
export interface LocalDays {
  tz: string;
  /** Each day's first instant, epoch milliseconds, ascending. */
  starts: number[];
  /** Each day's local date, yyyy-MM-dd. */
  dates: string[];
  /** The first instant of the day after the last. */
  end: number;
}

/**
 * The local days of `tz` that [from, to) touches. The zone's rules (luxon, DST included; where a
 * day has no midnight, its first instant) are asked once per day: a chart's rollup reads
 * (rollup-levels.ts) and its fold both take the days from here, never per bucket.
 */
export const localDaysOf = (tz: string, from: Date, to: Date): LocalDays => {
  const starts: number[] = [];
  const dates: string[] = [];
  let day = DateTime.fromJSDate(from, { zone: tz }).startOf('day');
  while (day.toMillis() < to.getTime()) {
    starts.push(day.toMillis());
    dates.push(day.toISODate() as string);
    // The next calendar date, at its first instant: one zone lookup instead of plus + startOf.
    const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
    day = DateTime.fromObject(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() },
      { zone: tz }
    );
  }
  return { tz, starts, dates, end: day.toMillis() };
};

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Where a local day starts within a UTC day (milliseconds, 0 ≤ shift < a day) when every day of
 * `days` is 24 hours long, the zone's offset the same throughout: then calls can be grouped by
 * local day in the database (`floor((t - shift) / day)`), one row per day instead of 96. Null
 * when a DST change falls in the period: its 23- or 25-hour day needs the 15-minute buckets.
 */
export const fixedDayShift = (days: LocalDays): number | null => {
  const { starts, end } = days;
  const first = starts[0];
  if (first === undefined) return null;
  for (let i = 0; i < starts.length; i += 1) {
    if ((starts[i + 1] ?? end) - (starts[i] as number) !== DAY_MS) return null;
  }
  return ((first % DAY_MS) + DAY_MS) % DAY_MS;
};

/**
 * Every local day of `days`, in order, with zero for the days without calls. A bucket's day is
 * found among the days' first instants by bisection (luxon takes some 5 µs a call, and a 31-day
 * chart may have 2,976 buckets).
 */
export const foldBucketsIntoDays = (buckets: Bucket[], days: LocalDays): DayCount[] => {
  const { tz, starts, dates, end } = days;
  const counts = dates.map((day) => ({ day, count: 0 }));
  // A bucket outside the period's days (none, from the statistics) keeps its own day.
  const others = new Map<string, number>();
  for (const bucket of buckets) {
    const index = dayIndexOf(starts, bucket.start);
    if (index >= 0 && bucket.start < (starts[index + 1] ?? end)) {
      (counts[index] as DayCount).count += bucket.count;
    } else {
      const key = DateTime.fromMillis(bucket.start, { zone: tz }).toISODate() as string;
      others.set(key, (others.get(key) ?? 0) + bucket.count);
    }
  }
  if (others.size === 0) return counts;
  for (const entry of counts) others.set(entry.day, (others.get(entry.day) ?? 0) + entry.count);
  return [...others.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => ({ day: key, count }));
};

/** The index of the last of the ascending `starts` at or before `at`; -1 when none is. */
const dayIndexOf = (starts: number[], at: number): number => {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] as number) <= at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
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
 * The UTC days (whole days since the epoch) a period [from, to) touches, newest first: the
 * keys of the day indexes (database/indexes.ts), read one at a time.
 */
export const utcDaysNewestFirst = (period: Period): number[] => {
  const from = period.from.getTime();
  const to = period.to.getTime();
  if (from >= to) return [];
  const days: number[] = [];
  for (let day = Math.floor((to - 1) / DAY_MS); day >= Math.floor(from / DAY_MS); day -= 1) {
    days.push(day);
  }
  return days;
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
