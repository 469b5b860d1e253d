/**
 * Which index reads a prefix or suffix number search without an access code on SQLite, which
 * keeps no planner statistics by default. Two indexes could serve it, and neither serves both
 * conditions:
 * - the number index (`calling_number` or its reverse, then `start_time, id, access_code`) reads
 *   the number range R in number order, index only, checking each entry's start time: a page
 *   or the newest matches must read the whole range (its newest matches can be anywhere in it)
 *   and sort what matched, a count stops after its cap;
 * - the period index (`start_time, id, duration_seconds, calling_number, access_code`) reads the
 *   period P newest first, index only too, checking each entry's number, and stops as soon as
 *   it has what it needs: a page after pageSize + 1 matches, the newest matches after the cap.
 *   Only a page's rows are looked up (about ROW_LOOKUP_COST index entries' worth of work each).
 *
 * - on SQLite, the day indexes (`(start_time / 86400000)`, then the number or its reverse, then
 *   `start_time, id, access_code`; database/indexes.ts) read the number range within one UTC day
 *   at a time: only matches, a day at a time newest first, so the newest matches cost what they
 *   are plus one statement a day, however sparse the matches are in the period and however
 *   broad the range is outside it.
 *
 * Two bounded samples, and the period's size from the statistics rollup, decide:
 * - the first RANGE_SAMPLE entries of the number range (index only): how many of them fall in
 *   the period (f). Fewer entries than that means the whole range was read: it is small, read it.
 * - the newest PERIOD_SAMPLE calls of the period (index only): how many match the number (d).
 *   Fewer means the whole period was read: it is small, read it.
 * When both are large, the matches are M = d·P, the same calls seen from the range: R = M / f.
 * Each statement takes the cheaper of its two costs, each bounded by what it stops after, so no
 * statement reads a broad range whole when the period index would stop sooner: a broad prefix
 * whose calls mostly fall outside a long period costs a page what its density in the period
 * costs, not what the table holds.
 * Pure: the repository runs the samples; this module only compares.
 */

export type IndexChoice = 'number' | 'period';

/** The newest matches may also be read a day at a time, where the day indexes exist. */
export type NewestChoice = IndexChoice | 'day';

export interface SearchPlan {
  /** A page: stops after its rows on the period index, reads the whole range on the number index. */
  page: IndexChoice;
  /** The newest `cap` matches, newest first (the statistics of a capped number search). */
  newest: NewestChoice;
  /** Every match once (the capped count, the statistics). */
  scan: IndexChoice;
  /**
   * Every match in keyset batches (the CSV export). Each batch through the number index reads
   * the whole range again, so it is chosen only for a range known to be small.
   */
  export: IndexChoice;
}

/** The first entries of the number range, in index order. */
export interface RangeSample {
  /** Entries read: RANGE_SAMPLE, or the whole range when it is smaller. */
  seen: number;
  /** Of those, the entries whose start time is in the period. */
  inPeriod: number;
}

/** The newest calls of the period, in the order a page reads them. */
export interface PeriodSample {
  /** Calls read: PERIOD_SAMPLE, or the whole period when it is smaller. */
  seen: number;
  /** Of those, the calls whose number matches the filter. */
  matching: number;
}

/**
 * Looking a page's row up, in index entries (measured on SQLite at 1M calls: about 0.1 µs per
 * index entry, 0.5–0.7 µs per looked-up row).
 */
export const ROW_LOOKUP_COST = 5;
export const RANGE_SAMPLE = 5000;
/** Less than RANGE_SAMPLE: a period read whole is never the costlier of the two samples. */
export const PERIOD_SAMPLE = 1000;
/**
 * The newest matches' costs beyond reading index entries, in index entries' worth (measured on
 * SQLite at 10^7 calls: 0.064 µs per period index entry read; a match grouped by day and access
 * code about 0.3 µs more, a match sorted about 0.3 µs more; a day statement run through knex
 * about 0.25 ms, so that 32 day statements of a few hundred matches each cost more than the
 * whole number range of 31 days of `138*` at 10^6 calls: 9.0 against 7.1 ms).
 */
export const GROUP_COST = 5;
export const SORT_COST = 5;
export const DAY_STATEMENT_COST = 4000;

const everything = (choice: IndexChoice): SearchPlan => ({
  page: choice,
  newest: choice,
  scan: choice,
  export: choice,
});

/**
 * The plan when the range sample alone decides (the range was read whole: at most
 * RANGE_SAMPLE entries, cheaper than the period sample itself), else null: take the period
 * sample and call `choosePlan`.
 */
export const planFromRange = (range: RangeSample): SearchPlan | null =>
  range.seen < RANGE_SAMPLE ? everything('number') : null;

/** What the plan needs besides the samples. */
export interface PlanBounds {
  /** The rows a page reads: the page size plus the one row that says "more". */
  pageRows: number;
  /** Where counting stops (`totalCap`): a count reads cap + 1 matches at most. */
  cap: number;
  /** The calls of the period (from the statistics rollup), 0 when unknown. */
  periodCalls: number;
  /** The UTC days the period touches where the day indexes exist (SQLite), else null. */
  periodDays: number | null;
}

/**
 * The newest `cap` of M matches a day at a time, newest first, matches taken as spread evenly
 * over the period's days: each day read has its matches counted whole, the day that reaches the
 * cap has them read again and sorted for its newest, and each day is a statement.
 */
const dayCost = (M: number, cap: number, periodDays: number): number => {
  const perDay = M / periodDays;
  if (M <= cap) return (1 + GROUP_COST) * M + DAY_STATEMENT_COST * periodDays;
  const days = Math.min(periodDays, Math.ceil(cap / perDay));
  return (1 + GROUP_COST) * perDay * days + (1 + SORT_COST) * perDay + DAY_STATEMENT_COST * days;
};

/** The plan from both samples and the period's size. */
export const choosePlan = (
  range: RangeSample,
  period: PeriodSample,
  { pageRows, cap, periodCalls, periodDays }: PlanBounds
): SearchPlan => {
  const fromRange = planFromRange(range);
  if (fromRange) return fromRange;
  // The whole period is fewer rows than the range sample's worth: read it.
  if (period.seen < PERIOD_SAMPLE) return everything('period');
  // Shares, smoothed so that a sample without any hit still compares.
  const f = (range.inPeriod + 0.5) / (range.seen + 1);
  const d = (period.matching + 0.5) / (period.seen + 1);
  const P = Math.max(periodCalls, period.seen);
  const M = d * P;
  const R = Math.max(range.seen, M / f);
  // A page newest first: the whole range, and the rows of its matches to sort them; or the
  // period until pageRows matches (or its end), and those rows.
  const page: IndexChoice =
    R + ROW_LOOKUP_COST * M < Math.min(P, pageRows / d) + ROW_LOOKUP_COST * pageRows
      ? 'number'
      : 'period';
  // The newest `cap` matches (index only every way): the whole range and a sort of its
  // matches, or the period until `cap` matches, or the matches a day at a time.
  const grouped = GROUP_COST * Math.min(M, cap);
  const costs: Array<[NewestChoice, number]> = [
    ['number', R + M + grouped],
    ['period', Math.min(P, cap / d) + grouped],
  ];
  if (periodDays !== null) costs.push(['day', dayCost(M, cap, periodDays)]);
  const [newest] = costs.reduce((cheapest, option) =>
    option[1] < cheapest[1] ? option : cheapest
  );
  // Every match up to the cap, in any order: each index stops after cap + 1 matches.
  const scan: IndexChoice =
    Math.min(R, (cap + 1) / f) < Math.min(P, (cap + 1) / d) ? 'number' : 'period';
  return { page, newest, scan, export: 'period' };
};
