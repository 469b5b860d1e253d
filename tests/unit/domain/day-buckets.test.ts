import { DateTime } from 'luxon';

import {
  BUCKET_MS,
  DAY_MS,
  fixedDayShift,
  foldBucketsIntoDays as foldInto,
  localDaysOf,
  splitIntoBuckets,
  sumPerAccessCode,
  utcDaysNewestFirst,
} from '../../../server/src/domain/day-buckets';

const at = (iso: string, count = 1) => ({
  start: Math.floor(Date.parse(iso) / BUCKET_MS) * BUCKET_MS,
  count,
});

/** The fold over the local days of [from, to) in `tz`, as the stats service asks it. */
const foldBucketsIntoDays = (
  buckets: Array<{ start: number; count: number }>,
  tz: string,
  from: Date,
  to: Date
) => foldInto(buckets, localDaysOf(tz, from, to));

describe('foldBucketsIntoDays', () => {
  it('folds UTC buckets into the local days of the zone, with empty days at zero', () => {
    const days = foldBucketsIntoDays(
      [at('2026-03-01T15:59:00Z', 2), at('2026-03-01T16:00:00Z', 3), at('2026-03-03T01:00:00Z')],
      'Asia/Shanghai',
      new Date('2026-03-01T00:00:00+08:00'),
      new Date('2026-03-05T00:00:00+08:00')
    );
    expect(days).toEqual([
      { day: '2026-03-01', count: 2 },
      { day: '2026-03-02', count: 3 },
      { day: '2026-03-03', count: 1 },
      { day: '2026-03-04', count: 0 },
    ]);
  });

  it('is exact across a DST change (a 23-hour day in New York)', () => {
    // 2026-03-08 is 23 hours long in America/New_York: midnight is 05:00Z, the next 04:00Z.
    const days = foldBucketsIntoDays(
      [
        at('2026-03-08T04:59:00Z'),
        at('2026-03-08T05:00:00Z'),
        at('2026-03-09T03:59:00Z'),
        at('2026-03-09T04:00:00Z'),
      ],
      'America/New_York',
      new Date('2026-03-07T00:00:00-05:00'),
      new Date('2026-03-10T00:00:00-04:00')
    );
    expect(days).toEqual([
      { day: '2026-03-07', count: 1 },
      { day: '2026-03-08', count: 2 },
      { day: '2026-03-09', count: 1 },
    ]);
  });

  it('is exact for a zone 45 minutes off the hour (Asia/Kathmandu, +05:45)', () => {
    const days = foldBucketsIntoDays(
      [at('2026-03-01T18:14:00Z'), at('2026-03-01T18:15:00Z')],
      'Asia/Kathmandu',
      new Date('2026-03-01T00:00:00+05:45'),
      new Date('2026-03-03T00:00:00+05:45')
    );
    expect(days).toEqual([
      { day: '2026-03-01', count: 1 },
      { day: '2026-03-02', count: 1 },
    ]);
  });

  it('starts at the local day of from, even mid-day', () => {
    const days = foldBucketsIntoDays(
      [],
      'UTC',
      new Date('2026-03-01T12:00:00Z'),
      new Date('2026-03-02T12:00:00Z')
    );
    expect(days.map((entry) => entry.day)).toEqual(['2026-03-01', '2026-03-02']);
  });
});

describe('foldBucketsIntoDays against the zone asked per bucket', () => {
  /** What the fold answers, asking luxon the day of every bucket. */
  const naive = (
    buckets: Array<{ start: number; count: number }>,
    tz: string,
    from: Date,
    to: Date
  ) => {
    const counts = new Map<string, number>();
    let day = DateTime.fromJSDate(from, { zone: tz }).startOf('day');
    while (day < DateTime.fromJSDate(to, { zone: tz })) {
      counts.set(day.toISODate() as string, 0);
      day = day.plus({ days: 1 }).startOf('day');
    }
    for (const bucket of buckets) {
      const key = DateTime.fromMillis(bucket.start, { zone: tz }).toISODate() as string;
      counts.set(key, (counts.get(key) ?? 0) + bucket.count);
    }
    return [...counts.entries()].sort().map(([key, count]) => ({ day: key, count }));
  };

  it.each([
    'UTC',
    'Asia/Shanghai',
    'Asia/Kathmandu',
    'America/St_Johns',
    'America/New_York',
    'Australia/Lord_Howe',
  ])('answers the same in %s, DST changes and buckets outside the period included', (tz) => {
    const from = new Date('2026-03-05T07:20:00Z');
    const to = new Date('2026-04-09T16:40:00Z');
    let seed = 7;
    const buckets = Array.from({ length: 3000 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      // Mostly inside the period, some days before and after it.
      const start = from.getTime() - 3 * 86_400_000 + (seed % (41 * 96)) * BUCKET_MS;
      return { start, count: 1 + (seed % 5) };
    });
    expect(foldBucketsIntoDays(buckets, tz, from, to)).toEqual(naive(buckets, tz, from, to));
  });
});

describe('splitIntoBuckets', () => {
  const period = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

  it('answers a period of local days in any zone, +05:45 included, as whole buckets only', () => {
    for (const offset of ['+08:00', '+05:45', '-03:30', '+00:00']) {
      const days = period(`2026-03-01T00:00:00${offset}`, `2026-03-04T00:00:00${offset}`);
      expect(splitIntoBuckets(days)).toEqual({ whole: days, edges: [] });
    }
  });

  it('leaves the partial quarter hours at both edges to the calls', () => {
    expect(splitIntoBuckets(period('2026-03-01T10:07:00Z', '2026-03-01T12:50:30Z'))).toEqual({
      whole: period('2026-03-01T10:15:00Z', '2026-03-01T12:45:00Z'),
      edges: [
        period('2026-03-01T10:07:00Z', '2026-03-01T10:15:00Z'),
        period('2026-03-01T12:45:00Z', '2026-03-01T12:50:30Z'),
      ],
    });
  });

  it('answers a period inside one bucket from the calls alone', () => {
    const short = period('2026-03-01T10:01:00Z', '2026-03-01T10:14:00Z');
    expect(splitIntoBuckets(short)).toEqual({ whole: null, edges: [short] });
    const across = period('2026-03-01T10:10:00Z', '2026-03-01T10:20:00Z');
    expect(splitIntoBuckets(across)).toEqual({ whole: null, edges: [across] });
  });

  it('answers nothing for an empty period', () => {
    const empty = period('2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z');
    expect(splitIntoBuckets(empty)).toEqual({ whole: null, edges: [] });
  });
});

describe('sumPerAccessCode', () => {
  it('sums the parts per code, largest first, ties by code, emptied codes left out', () => {
    expect(
      sumPerAccessCode([
        { accessCode: '2001', count: 3 },
        { accessCode: '1001', count: 2 },
        { accessCode: '1002', count: 0 },
        { accessCode: '1001', count: 1 },
        { accessCode: '0999', count: 3 },
      ])
    ).toEqual([
      { accessCode: '0999', count: 3 },
      { accessCode: '1001', count: 3 },
      { accessCode: '2001', count: 3 },
    ]);
  });
});

describe('fixedDayShift', () => {
  const days = (tz: string, from: string, to: string) =>
    localDaysOf(tz, new Date(from), new Date(to));
  const HOUR = 60 * 60 * 1000;

  it('says where local days start within a UTC day when the offset holds over the period', () => {
    expect(fixedDayShift(days('UTC', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'))).toBe(0);
    expect(
      fixedDayShift(days('Asia/Shanghai', '2026-03-01T00:00:00+08:00', '2026-04-01T00:00:00+08:00'))
    ).toBe(16 * HOUR);
    expect(
      fixedDayShift(days('Asia/Kathmandu', '2026-03-01T07:20:00Z', '2026-03-05T16:40:00Z'))
    ).toBe(18 * HOUR + 15 * 60 * 1000);
    expect(
      fixedDayShift(days('America/New_York', '2026-06-01T00:00:00Z', '2026-06-20T00:00:00Z'))
    ).toBe(4 * HOUR);
  });

  it('is null when a DST change falls in the period, at either end or inside', () => {
    // New York springs forward on 2026-03-08 and falls back on 2026-11-01.
    for (const [from, to] of [
      ['2026-03-04T05:00:00Z', '2026-03-12T04:00:00Z'],
      ['2026-03-08T05:00:00Z', '2026-03-08T12:00:00Z'],
      ['2026-10-25T04:00:00Z', '2026-11-01T05:00:00Z'],
    ]) {
      expect(fixedDayShift(days('America/New_York', from as string, to as string))).toBeNull();
    }
  });

  it('puts every instant of the period in the local day luxon gives it', () => {
    const cases = [
      ['Asia/Kathmandu', '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z'],
      ['America/St_Johns', '2026-06-01T00:00:00Z', '2026-06-30T00:00:00Z'],
      ['Pacific/Chatham', '2026-05-01T00:00:00Z', '2026-05-30T00:00:00Z'],
      ['Asia/Shanghai', '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z'],
    ] as const;
    for (const [tz, from, to] of cases) {
      const local = days(tz, from, to);
      const shift = fixedDayShift(local);
      expect({ tz, shift: typeof shift }).toEqual({ tz, shift: 'number' });
      for (let t = Date.parse(from); t < Date.parse(to); t += 7 * 60 * 1000 + 13_000) {
        const day = Math.floor((t - (shift as number)) / DAY_MS) * DAY_MS + (shift as number);
        expect(day).toBe(DateTime.fromMillis(t, { zone: tz }).startOf('day').toMillis());
      }
    }
  });
});

describe('utcDaysNewestFirst', () => {
  const days = (from: string, to: string) =>
    utcDaysNewestFirst({ from: new Date(from), to: new Date(to) }).map((day) =>
      new Date(day * DAY_MS).toISOString().slice(0, 10)
    );

  it('lists the UTC days a local day touches, newest first', () => {
    expect(days('2026-03-10T00:00:00+08:00', '2026-03-11T00:00:00+08:00')).toEqual([
      '2026-03-10',
      '2026-03-09',
    ]);
  });

  it('leaves out the day the half-open period ends on at midnight, and an empty period', () => {
    expect(days('2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z')).toEqual([
      '2026-03-02',
      '2026-03-01',
    ]);
    expect(days('2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z')).toEqual([]);
    expect(days('2026-03-01T10:00:00Z', '2026-03-01T10:00:00.001Z')).toEqual(['2026-03-01']);
  });
});
