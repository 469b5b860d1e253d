import type { CallStats } from '../../../shared/contracts/calls';

/** A search's `total` and whether it stopped at the cap (docs/design.md#search-contract). */
export interface SearchTotal {
  total: number;
  totalIsCapped: boolean;
}

/** `counted`: the matches counted, up to the cap + 1 at least. */
export const cappedTotal = (counted: number, cap: number): SearchTotal => ({
  total: Math.min(counted, cap),
  totalIsCapped: counted > cap,
});

/**
 * The same total from the statistics of the same filters, which count every match in the
 * period: all of them from the rollup, or, for a number filter, up to the cap + 1 (`isCapped`
 * when more than the cap match). A page asked with its statistics needs no count of its own.
 */
export const totalFromStats = (stats: CallStats, cap: number): SearchTotal =>
  stats.isCapped
    ? { total: cap, totalIsCapped: true }
    : cappedTotal(
        stats.perDay.reduce((sum, day) => sum + day.count, 0),
        cap
      );
