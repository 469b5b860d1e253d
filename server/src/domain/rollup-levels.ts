import { BUCKET_MS, type LocalDays, type Period } from './day-buckets';

/**
 * The statistics rollup's two levels (docs/design.md#statistics-rollup): calls per 15-minute
 * and per one-hour UTC bucket. A long period is read mostly at the hour level, up to four
 * times fewer rows; the quarter level answers what an hour cannot: the period's fringes before
 * its first and after its last whole hour, and, for the chart, every hour that a local midnight
 * of the viewer's zone cuts in two (+05:45, +05:30, -03:30, …), so that no bucket straddles a
 * day.
 */
export type RollupLevel = 'quarter' | 'hour';

/** The order every writer locks the levels' rows in: quarter keys, then hour keys. */
export const ROLLUP_LEVELS: readonly RollupLevel[] = ['quarter', 'hour'];

export const HOUR_MS = 60 * 60 * 1000;

export const LEVEL_MS: Record<RollupLevel, number> = { quarter: BUCKET_MS, hour: HOUR_MS };

/** What a period of whole quarter buckets is read from, at each level. */
export interface RollupReads {
  /** Whole hours [from, to), read at the hour level, but for `exceptHours`; null for none. */
  hours: Period | null;
  /** Hours inside `hours` cut by a local midnight, by their start, left to the quarter level. */
  exceptHours: Date[];
  /** Quarter buckets read at the quarter level, by their start, in order. */
  quarters: Date[];
}

const toDate = (millis: number) => new Date(millis);

const quarterStarts = (from: number, to: number): number[] => {
  const starts: number[] = [];
  for (let start = from; start < to; start += BUCKET_MS) starts.push(start);
  return starts;
};

/** The hours in [firstHour, lastHour) that a local midnight of `days` falls strictly inside. */
const hoursCutByMidnight = (firstHour: number, lastHour: number, days: LocalDays): number[] =>
  days.starts
    .filter((midnight) => midnight > firstHour && midnight < lastHour && midnight % HOUR_MS !== 0)
    .map((midnight) => Math.floor(midnight / HOUR_MS) * HOUR_MS);

/**
 * How to read `whole`, a period of whole quarter buckets (day-buckets.ts splitIntoBuckets), from
 * the two levels. With the local `days` of the chart (day-buckets.ts localDaysOf, covering
 * `whole`), no bucket read straddles one of their midnights, so foldBucketsIntoDays folds the
 * mixed sizes exactly; without (sums per access code, which have no days), every whole hour is
 * read at the hour level.
 */
export const rollupReadsOf = (whole: Period, days: LocalDays | null): RollupReads => {
  const from = whole.from.getTime();
  const to = whole.to.getTime();
  const firstHour = Math.ceil(from / HOUR_MS) * HOUR_MS;
  const lastHour = Math.floor(to / HOUR_MS) * HOUR_MS;
  if (firstHour >= lastHour) {
    return { hours: null, exceptHours: [], quarters: quarterStarts(from, to).map(toDate) };
  }
  const exceptHours = days === null ? [] : hoursCutByMidnight(firstHour, lastHour, days);
  const quarters = [
    ...quarterStarts(from, firstHour),
    ...exceptHours.flatMap((hour) => quarterStarts(hour, hour + HOUR_MS)),
    ...quarterStarts(lastHour, to),
  ];
  return {
    hours: { from: new Date(firstHour), to: new Date(lastHour) },
    exceptHours: exceptHours.map(toDate),
    quarters: quarters.map(toDate),
  };
};
