import { DateTime } from 'luxon';

import {
  BUCKET_MS,
  foldBucketsIntoDays,
  localDaysOf,
  type Period,
} from '../../../server/src/domain/day-buckets';
import {
  HOUR_MS,
  rollupReadsOf as readsOfDays,
  type RollupReads,
} from '../../../server/src/domain/rollup-levels';

/** The reads of `whole` for a chart in `tz` (its local days), or for sums (null). */
const rollupReadsOf = (whole: Period, tz: string | null) =>
  readsOfDays(whole, tz === null ? null : localDaysOf(tz, whole.from, whole.to));

const period = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

/** Every bucket the reads stand for, hour or quarter, as [start, end) in epoch milliseconds. */
const bucketsOf = (reads: RollupReads): Array<[number, number]> => {
  const buckets: Array<[number, number]> = reads.quarters.map((start) => [
    start.getTime(),
    start.getTime() + BUCKET_MS,
  ]);
  if (reads.hours) {
    const except = new Set(reads.exceptHours.map((hour) => hour.getTime()));
    for (let hour = reads.hours.from.getTime(); hour < reads.hours.to.getTime(); hour += HOUR_MS) {
      if (!except.has(hour)) buckets.push([hour, hour + HOUR_MS]);
    }
  }
  return buckets.sort(([a], [b]) => a - b);
};

/** The reads cover the period once, and (with a zone) no bucket crosses a local midnight. */
const expectExact = (whole: { from: Date; to: Date }, tz: string | null) => {
  const buckets = bucketsOf(rollupReadsOf(whole, tz));
  let at = whole.from.getTime();
  for (const [start, end] of buckets) {
    expect(start).toBe(at);
    at = end;
    if (tz !== null) {
      const day = (millis: number) => DateTime.fromMillis(millis, { zone: tz }).toISODate();
      expect(day(end - 1)).toBe(day(start));
    }
  }
  expect(at).toBe(whole.to.getTime());
  return buckets;
};

describe('rollupReadsOf', () => {
  it('reads whole days of a whole-hour zone at the hour level only (UTC, +08:00)', () => {
    for (const [offset, tz] of [
      ['Z', 'UTC'],
      ['+08:00', 'Asia/Shanghai'],
    ]) {
      const days = period(`2026-03-01T00:00:00${offset}`, `2026-04-01T00:00:00${offset}`);
      expect(rollupReadsOf(days, tz)).toEqual({ hours: days, exceptHours: [], quarters: [] });
      expect(expectExact(days, tz)).toHaveLength(31 * 24);
    }
  });

  it('leaves the hour cut by each local midnight to the quarter level (+05:45)', () => {
    const days = period('2026-03-01T00:00:00+05:45', '2026-03-03T00:00:00+05:45');
    const reads = rollupReadsOf(days, 'Asia/Kathmandu');
    // Midnight +05:45 is 18:15Z: the hour 18:00Z of the day before is read in quarters.
    expect(reads.hours).toEqual(period('2026-02-28T19:00:00Z', '2026-03-02T18:00:00Z'));
    expect(iso(reads.exceptHours)).toEqual(['2026-03-01T18:00:00.000Z']);
    expect(iso(reads.quarters)).toEqual([
      '2026-02-28T18:15:00.000Z',
      '2026-02-28T18:30:00.000Z',
      '2026-02-28T18:45:00.000Z',
      '2026-03-01T18:00:00.000Z',
      '2026-03-01T18:15:00.000Z',
      '2026-03-01T18:30:00.000Z',
      '2026-03-01T18:45:00.000Z',
      '2026-03-02T18:00:00.000Z',
    ]);
    expectExact(days, 'Asia/Kathmandu');
  });

  it('is exact for half-hour zones on either side of UTC (+05:30, -03:30)', () => {
    for (const [offset, tz] of [
      ['+05:30', 'Asia/Kolkata'],
      ['-03:30', 'America/St_Johns'],
    ]) {
      const days = period(`2026-01-05T00:00:00${offset}`, `2026-02-05T00:00:00${offset}`);
      const reads = rollupReadsOf(days, tz);
      // One hour a day cut, but the first day's, which starts the period: 30 days in quarters.
      expect(reads.exceptHours).toHaveLength(30);
      expect(reads.quarters).toHaveLength(2 + 30 * 4 + 2);
      expectExact(days, tz);
    }
  });

  it('is exact across DST changes, whole-hour and half-hour ones', () => {
    // New York's 23-hour day keeps its midnights on the hour: nothing in quarters.
    const newYork = period('2026-03-07T00:00:00-05:00', '2026-03-10T00:00:00-04:00');
    expect(rollupReadsOf(newYork, 'America/New_York').quarters).toEqual([]);
    expectExact(newYork, 'America/New_York');
    // St John's (-03:30 to -02:30) and Lord Howe (+10:30 to +11:00, a 30-minute change).
    expectExact(
      period('2026-03-06T00:00:00-03:30', '2026-03-10T00:00:00-02:30'),
      'America/St_Johns'
    );
    expectExact(
      period('2026-03-30T00:00:00+11:00', '2026-04-08T00:00:00+10:30'),
      'Australia/Lord_Howe'
    );
    expectExact(
      period('2026-09-30T00:00:00+10:30', '2026-10-08T00:00:00+11:00'),
      'Australia/Lord_Howe'
    );
  });

  it('reads the fringes of a period not on the hour at the quarter level', () => {
    const whole = period('2026-03-02T03:15:00Z', '2026-03-04T19:45:00Z');
    const reads = rollupReadsOf(whole, 'UTC');
    expect(reads.hours).toEqual(period('2026-03-02T04:00:00Z', '2026-03-04T19:00:00Z'));
    expect(iso(reads.quarters)).toEqual([
      '2026-03-02T03:15:00.000Z',
      '2026-03-02T03:30:00.000Z',
      '2026-03-02T03:45:00.000Z',
      '2026-03-04T19:00:00.000Z',
      '2026-03-04T19:15:00.000Z',
      '2026-03-04T19:30:00.000Z',
    ]);
    for (const tz of [null, 'UTC', 'Asia/Kathmandu', 'America/St_Johns']) expectExact(whole, tz);
  });

  it('reads a period within one hour, or without a whole hour, in quarters', () => {
    const within = period('2026-03-02T03:15:00Z', '2026-03-02T03:45:00Z');
    expect(rollupReadsOf(within, 'UTC')).toEqual({
      hours: null,
      exceptHours: [],
      quarters: [new Date('2026-03-02T03:15:00Z'), new Date('2026-03-02T03:30:00Z')],
    });
    const across = period('2026-03-02T03:45:00Z', '2026-03-02T04:30:00Z');
    expect(iso(rollupReadsOf(across, null).quarters)).toEqual([
      '2026-03-02T03:45:00.000Z',
      '2026-03-02T04:00:00.000Z',
      '2026-03-02T04:15:00.000Z',
    ]);
  });

  it('reads every whole hour at the hour level without a zone (sums per access code)', () => {
    const days = period('2026-03-01T00:00:00+05:45', '2026-03-03T00:00:00+05:45');
    const reads = rollupReadsOf(days, null);
    expect(reads.exceptHours).toEqual([]);
    expect(reads.quarters).toHaveLength(3 + 1);
    expectExact(days, null);
  });

  it('lets foldBucketsIntoDays fold the mixed sizes into the same days as quarters would', () => {
    const tz = 'Asia/Kathmandu';
    const whole = period('2026-02-27T06:15:00Z', '2026-03-04T21:30:00Z');
    const count = (start: number) => 1 + (Math.floor(start / BUCKET_MS) % 7);
    const quarterly: Array<{ start: number; count: number }> = [];
    for (let start = whole.from.getTime(); start < whole.to.getTime(); start += BUCKET_MS) {
      quarterly.push({ start, count: count(start) });
    }
    const mixed = bucketsOf(rollupReadsOf(whole, tz)).map(([start, end]) => ({
      start,
      count: quarterly
        .filter((bucket) => bucket.start >= start && bucket.start < end)
        .reduce((sum, bucket) => sum + bucket.count, 0),
    }));
    const days = localDaysOf(tz, whole.from, whole.to);
    expect(foldBucketsIntoDays(mixed, days)).toEqual(foldBucketsIntoDays(quarterly, days));
  });
});
