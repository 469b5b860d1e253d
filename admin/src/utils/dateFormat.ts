/**
 * The one way the admin pages write days and times (docs/design.md#admin-pages): the admin's
 * locale, the admin user's time zone, a day written as the design system's DatePicker writes it
 * (2-digit day and month, 4-digit year: 12/02/2026 in English, 2026/12/02 in Chinese) and a time
 * on the 24-hour clock with seconds. Pure: the hook useDateFormat gives it the locale and zone.
 */

/** The picker's own day options (DatePicker in @strapi/design-system 1.x). */
const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const TIME: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

export interface DateFormat {
  /** The zone every time is written in. */
  zone: string;
  /** The calendar day of an instant, in the zone. */
  day(instant: string | Date): string;
  /** The clock time of an instant, in the zone. */
  time(instant: string | Date): string;
  /** Day and time of an instant, in the zone. */
  dateTime(instant: string | Date): string;
  /** A calendar day given as YYYY-MM-DD (a stats bucket, a filter), written as `day` writes one. */
  calendarDay(day: string): string;
}

const toDate = (instant: string | Date) => (instant instanceof Date ? instant : new Date(instant));

const formatter = (locale: string, options: Intl.DateTimeFormatOptions) => {
  const intl = new Intl.DateTimeFormat(locale, options);
  return (instant: string | Date): string => {
    const date = toDate(instant);
    // An unreadable value is shown as it came rather than as "Invalid Date".
    return Number.isNaN(date.getTime()) ? String(instant) : intl.format(date);
  };
};

export const createDateFormat = (locale: string, zone: string): DateFormat => {
  const day = formatter(locale, { ...DAY, timeZone: zone });
  const time = formatter(locale, { ...TIME, timeZone: zone });
  const dateTime = formatter(locale, { ...DAY, ...TIME, timeZone: zone });
  // A bucket day has no zone of its own: read at UTC midnight and written in UTC, never shifted.
  const utcDay = formatter(locale, { ...DAY, timeZone: 'UTC' });
  return {
    zone,
    day,
    time,
    dateTime,
    calendarDay: (value) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value) ? utcDay(`${value}T00:00:00Z`) : value,
  };
};
