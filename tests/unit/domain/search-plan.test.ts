import {
  PERIOD_SAMPLE,
  RANGE_SAMPLE,
  ROW_LOOKUP_COST,
  choosePlan,
  planFromRange,
} from '../../../server/src/domain/search-plan';

const CAP = 10_000;

/** Samples as the repository takes them, from the true sizes of a search. */
const samples = (range: number, period: number, matches: number) => ({
  range: {
    seen: Math.min(range, RANGE_SAMPLE),
    inPeriod: Math.round((Math.min(range, RANGE_SAMPLE) * matches) / range),
  },
  period: {
    seen: Math.min(period, PERIOD_SAMPLE),
    matching: Math.round((Math.min(period, PERIOD_SAMPLE) * matches) / Math.max(period, 1)),
  },
});

const plan = (range: number, period: number, matches: number, periodDays: number | null = null) => {
  const taken = samples(range, period, matches);
  return choosePlan(taken.range, taken.period, {
    pageRows: 21,
    cap: CAP,
    periodCalls: period,
    periodDays,
  });
};

describe('search plan (SQLite, prefix or suffix without an access code)', () => {
  it('keeps the period sample affordable: a period read whole costs less than the range sample', () => {
    expect(PERIOD_SAMPLE * ROW_LOOKUP_COST).toBeLessThanOrEqual(RANGE_SAMPLE);
  });

  it('reads a small number range through the number index, without a period sample', () => {
    expect(planFromRange({ seen: 69, inPeriod: 12 })).toEqual({
      page: 'number',
      newest: 'number',
      scan: 'number',
      export: 'number',
    });
    expect(planFromRange({ seen: RANGE_SAMPLE, inPeriod: 12 })).toBeNull();
  });

  // Figures of the generated 1M-call benchmark data (181 days, about 5,500 calls a day).
  it.each<[string, number, number, number, 'number' | 'period', 'number' | 'period']>([
    // label, range entries, period calls, matches, page, scan
    ['1 day, 1*', 546_552, 5525, 3100, 'period', 'period'],
    ['1 day, +86*', 250_000, 5525, 1337, 'period', 'period'],
    ['1 day, *8', 100_000, 5525, 518, 'period', 'period'],
    ['1 day, 138*', 50_000, 5525, 268, 'period', 'period'],
    ['an empty day, 1*', 546_552, 0, 0, 'period', 'period'],
    ['3 days, 1*', 546_552, 16_500, 9096, 'period', 'period'],
    ['31 days, 138*', 50_000, 171_271, 7734, 'period', 'number'],
    ['31 days, *8', 100_000, 171_271, 17_000, 'period', 'number'],
    ['1 day at 10M calls, 1*', 5_465_520, 55_250, 31_000, 'period', 'period'],
    // Page: the period index finds 21 of 300 matches in about 12,000 entries, the range is
    // 400,000; counting reads the whole period (171,271 entries, index only) before the range.
    ['31 days, sparse matches in a broad range', 400_000, 171_271, 300, 'period', 'period'],
    // 10,000,000 calls: 79,834 of the 31 days' 1,712,707 match a range of 480,000 entries.
    ['31 days at 10M calls, 138*', 480_000, 1_712_707, 79_834, 'period', 'number'],
  ])('%s: page through the %s index, every match through the %s index', (_label, ...rest) => {
    const [range, period, matches, page, scan] = rest;
    expect(plan(range, period, matches)).toMatchObject({ page, scan, export: 'period' });
  });

  it('reads a period smaller than its sample through the period index, whatever the range', () => {
    expect(
      choosePlan(
        { seen: RANGE_SAMPLE, inPeriod: 0 },
        { seen: 999, matching: 0 },
        { pageRows: 21, cap: CAP, periodCalls: 999, periodDays: null }
      )
    ).toEqual({ page: 'period', newest: 'period', scan: 'period', export: 'period' });
  });

  it('exports through the period index unless the range is small: each batch rereads it', () => {
    expect(plan(100_000, 171_271, 17_000).export).toBe('period');
    expect(plan(4000, 171_271, 700).export).toBe('number');
  });

  it('reads every match through the number index while (cap + 1) / f < (cap + 1) / d', () => {
    // f = 10 % of the range is in the period: the break-even share of matches is d = 10 %.
    const range = { seen: RANGE_SAMPLE, inPeriod: RANGE_SAMPLE / 10 };
    const bounds = { pageRows: 21, cap: CAP, periodCalls: 1_000_000, periodDays: null };
    expect(choosePlan(range, { seen: PERIOD_SAMPLE, matching: 90 }, bounds).scan).toBe('number');
    expect(choosePlan(range, { seen: PERIOD_SAMPLE, matching: 110 }, bounds).scan).toBe('period');
  });

  it('reads the newest cap matches through the period index when they are dense in a long period', () => {
    // 31 days at 10M calls, 138*: the newest 10,000 of 79,834 matches are in the period's
    // newest 215,000 entries; the range holds 480,000 and its matches would all be sorted.
    expect(plan(480_000, 1_712_707, 79_834).newest).toBe('period');
    // Fewer matches than the cap in a range smaller than the period: the range, sorted.
    expect(plan(50_000, 171_271, 7734).newest).toBe('number');
  });

  // SQLite's day indexes: the number range a UTC day at a time, newest first (periodDays: the
  // UTC days a period in +08:00 touches).
  it('reads the newest cap matches a day at a time where the day indexes exist and the period index reads many calls per match', () => {
    // 31 days at 10M calls, 138*: about 2,500 matches a day, the cap within the newest 4 days,
    // where the period index reads 215,000 entries.
    expect(plan(480_000, 1_712_707, 79_834, 32).newest).toBe('day');
    // Mostly before the calls: 11,923 matches in the period's last 5 days.
    expect(plan(480_000, 275_000, 11_923, 32).newest).toBe('day');
    // A day's 5,517 calls ending in 8 at 10M calls: the matches alone, not the day's 55,000.
    expect(plan(1_000_000, 55_250, 5517, 2).newest).toBe('day');
  });

  it('keeps the period index for matches dense in a day, and the number index for a small range', () => {
    // 1 day at 10M calls, 1*: 31,000 of 55,250 match; the day read would count 15,500 a day
    // and sort the day that reaches the cap; the period index reaches it in 18,000 entries.
    expect(plan(5_465_520, 55_250, 31_000, 2).newest).toBe('period');
    // A year of a narrow range: 300 matches in 6,000 entries; a statement per day costs more.
    expect(plan(6_000, 10_000_000, 300, 366).newest).toBe('number');
    // 31 days of 138* at 10^6 calls: 7,734 matches, fewer than the cap, so every one of the
    // 32 days would be a statement; the range's 50,000 entries cost less (7.1 against 9.0 ms).
    expect(plan(50_000, 171_271, 7734, 32).newest).toBe('number');
    // A range small enough to be read whole in its sample never asks.
    expect(planFromRange({ seen: 69, inPeriod: 12 })?.newest).toBe('number');
  });

  it('reads the other statements as without the day indexes', () => {
    const shapes: Array<[number, number, number]> = [
      [480_000, 1_712_707, 79_834],
      [1_000_000, 55_250, 5517],
      [5_465_520, 55_250, 31_000],
    ];
    for (const [range, period, matches] of shapes) {
      const { page, scan, export: exported } = plan(range, period, matches, 32);
      expect(plan(range, period, matches)).toMatchObject({ page, scan, export: exported });
    }
  });

  // POST /calls/page reads its statistics through the plan of its page (services/call-search.ts).
  it("chooses the statistics' indexes whatever the page's size", () => {
    const taken = samples(480_000, 1_712_707, 79_834);
    for (const periodDays of [null, 32]) {
      const at = (pageRows: number) =>
        choosePlan(taken.range, taken.period, {
          pageRows,
          cap: CAP,
          periodCalls: 1_712_707,
          periodDays,
        });
      for (const pageRows of [2, 21, 101]) {
        expect(at(pageRows)).toMatchObject({ newest: at(1).newest, scan: at(1).scan });
      }
    }
  });

  it('never reads a broad range whole for a page when its matches are sparse in a long period', () => {
    // 10,000,000 calls over 181 days, a 31-day period: 1.7M calls. A prefix with 2M entries in
    // its range, 1 % of the period matching: the period index finds a page in about 2,100 rows.
    const sparse = plan(2_000_000, 1_712_707, 17_127);
    expect(sparse.page).toBe('period');
    // The same shape at 1,000,000 calls chooses the same: its cost follows the density.
    expect(plan(200_000, 171_271, 1713).page).toBe('period');
  });

  it('reads a page through the number index when the whole range costs less than the period', () => {
    // 100 matches in a 1,000,000-call period (0.01 %), 6,000 range entries: a page through the
    // period index would read about 200,000 entries; the whole range and its rows cost less.
    expect(plan(6_000, 1_000_000, 100).page).toBe('number');
  });
});
