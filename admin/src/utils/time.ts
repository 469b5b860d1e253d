import { DateTime } from 'luxon';

import type { SearchFilters } from '../api/types';

/** The browser's IANA time zone, named next to every time the pages show. */
export const browserTimeZone = (): string =>
  Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Today as a local calendar day (YYYY-MM-DD). */
export const today = (): string => DateTime.local().toISODate() ?? '';

export const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;

/** A Date (as the date picker gives it) to a local calendar day. */
export const dateToDay = (date: Date): string => DateTime.fromJSDate(date).toISODate() ?? '';

/**
 * A calendar day as the design system's DatePicker reads `selectedDate`: it takes the Date's UTC
 * calendar day (while its onChange answers local midnight), so UTC midnight shows the right day
 * in every zone.
 */
export const dayToDate = (day: string): Date =>
  DateTime.fromISO(day, { zone: 'utc' }).startOf('day').toJSDate();

/**
 * The period of whole local days [from, to] as the API wants it: ISO 8601 with the offsets of
 * `zone` (the browser's), `to` exclusive at the start of the following day, and `zone` itself as
 * `tz`, so that the server counts maxPeriodDays in the same calendar days: 31 days across a
 * daylight-saving change are 743 or 745 hours.
 */
export const periodToApi = (
  filters: Pick<SearchFilters, 'from' | 'to'>,
  zone: string = browserTimeZone()
) => ({
  from:
    DateTime.fromISO(filters.from, { zone }).startOf('day').toISO({ suppressMilliseconds: true }) ??
    '',
  to:
    DateTime.fromISO(filters.to, { zone }).plus({ days: 1 }).startOf('day').toISO({
      suppressMilliseconds: true,
    }) ?? '',
  tz: zone,
});

/** Whole seconds as h:mm:ss or m:ss. */
export const formatDuration = (seconds: number | null | undefined): string => {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
};
