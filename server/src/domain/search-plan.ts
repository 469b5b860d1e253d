/**
 * Which index reads a prefix or suffix number search without an access code on SQLite, which
 * keeps no planner statistics by default. Two indexes could serve it, and neither serves both
 * conditions:
 * - the number index (`calling_number` or its reverse, then `start_time, id`) reads the whole
 *   number range, index only, checking each entry's start time; every month of the table is in
 *   that range, so a broad range (`1*`) is hundreds of thousands of entries at 1M calls;
 * - the period index (`start_time, id`) reads the period newest first and looks each row up
 *   to check its number (about ROW_LOOKUP_COST index entries' worth of work per row), and stops
 *   as soon as it has what it needs: a page after pageSize + 1 matches.
 *
 * Two bounded samples decide, from which the repository runs at most RANGE_SAMPLE index entries
 * and PERIOD_SAMPLE rows:
 * - the first RANGE_SAMPLE entries of the number range (index only): how many of them fall in
 *   the period. Fewer entries than that means the whole range was read: it is small, read it.
 * - the newest PERIOD_SAMPLE calls of the period: how many match the number. Fewer means the
 *   whole period was read: it is small, read it.
 * When both are large, the matches M are the same calls seen from both sides: M = f·R = d·P,
 * with f the share of the range inside the period and d the share of the period that matches.
 * Reading every match through the number index costs R = M / f entries, through the period
 * index ROW_LOOKUP_COST · M / d, so the cheaper is known without knowing M, R or P.
 * Pure: the repository runs the samples; this module only compares.
 */

export type IndexChoice = 'number' | 'period';

export interface SearchPlan {
  /** A page: stops after its rows on the period index, reads the whole range on the number index. */
  page: IndexChoice;
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
 * Reading a call through the period index and its row, in number-index entries (measured on
 * SQLite at 1M calls: about 0.1 µs per index entry, 0.5–0.7 µs per looked-up row).
 */
export const ROW_LOOKUP_COST = 5;
export const RANGE_SAMPLE = 5000;
/** PERIOD_SAMPLE × ROW_LOOKUP_COST ≤ RANGE_SAMPLE: a period read whole is never the costlier. */
export const PERIOD_SAMPLE = 1000;

const everything = (choice: IndexChoice): SearchPlan => ({
  page: choice,
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

/** The plan from both samples; `pageRows` is the page size plus the one row that says "more". */
export const choosePlan = (
  range: RangeSample,
  period: PeriodSample,
  pageRows: number
): SearchPlan => {
  const fromRange = planFromRange(range);
  if (fromRange) return fromRange;
  // The whole period is fewer rows than the range sample's worth: read it.
  if (period.seen < PERIOD_SAMPLE) return everything('period');
  // Shares, smoothed so that a sample without any hit still compares.
  const f = (range.inPeriod + 0.5) / (range.seen + 1);
  const d = (period.matching + 0.5) / (period.seen + 1);
  // Every match: M / f index entries against ROW_LOOKUP_COST · M / d.
  const scan: IndexChoice = d < ROW_LOOKUP_COST * f ? 'number' : 'period';
  // A page through the period index reads about pageRows / d rows; through the number index at
  // least the RANGE_SAMPLE entries already known to be in the range.
  const page: IndexChoice =
    scan === 'period' || (pageRows * ROW_LOOKUP_COST) / d <= RANGE_SAMPLE ? 'period' : 'number';
  return { page, scan, export: 'period' };
};
