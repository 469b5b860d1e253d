import { DateTime } from 'luxon';

/**
 * Instants as luxon's `toISO()` writes them in a zone (`2026-03-02T00:30:00.000+08:00`), at the
 * cost of a Date's `toISOString()`: an export writes two per row, and a luxon DateTime per value
 * was most of the export's time. Luxon itself still decides every offset and suffix: once per
 * UTC hour, from that hour's first and last millisecond. An hour whose two ends disagree (a
 * transition inside it), whose offset is not whole minutes (local mean time) or whose local
 * year has not four digits is left to luxon value by value, so the text never differs from it.
 */

const HOUR_MS = 3_600_000;
/** `YYYY-MM-DDTHH:mm:ss.sss`: what toISOString and luxon both write before the offset. */
const LOCAL_LENGTH = 23;
/** Hours remembered; an export spans a bounded period, this only bounds a misuse. */
const MAX_HOURS = 100_000;

interface HourOffset {
  /** The zone's offset in this hour, in milliseconds. */
  offsetMs: number;
  /** What luxon writes after the local time: `Z`, `+08:00`, `-03:30`. */
  suffix: string;
}

const luxonIso = (ms: number, zone: string): string =>
  DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: false }) ?? '';

const hourOffset = (hourStart: number, zone: string): HourOffset | null => {
  const first = DateTime.fromMillis(hourStart, { zone });
  const last = DateTime.fromMillis(hourStart + HOUR_MS - 1, { zone });
  if (!first.isValid || first.offset !== last.offset || !Number.isInteger(first.offset)) {
    return null;
  }
  const iso = first.toISO({ suppressMilliseconds: false }) ?? '';
  const local = new Date(hourStart + first.offset * 60_000).toISOString();
  // Years outside 0000–9999 are written with six digits and a sign, differently by each.
  if (local.length !== LOCAL_LENGTH + 1 || iso.slice(0, LOCAL_LENGTH) !== local.slice(0, -1)) {
    return null;
  }
  return { offsetMs: first.offset * 60_000, suffix: iso.slice(LOCAL_LENGTH) };
};

/** A writer of instants (epoch milliseconds) in `zone`, with its own cache of hours. */
export const zonedIsoWriter = (zone: string): ((ms: number) => string) => {
  const hours = new Map<number, HourOffset | null>();
  return (ms) => {
    const hourStart = Math.floor(ms / HOUR_MS) * HOUR_MS;
    let hour = hours.get(hourStart);
    if (hour === undefined) {
      if (hours.size >= MAX_HOURS) hours.clear();
      hour = hourOffset(hourStart, zone);
      hours.set(hourStart, hour);
    }
    if (hour === null) return luxonIso(ms, zone);
    const local = new Date(ms + hour.offsetMs).toISOString();
    if (local.length !== LOCAL_LENGTH + 1) return luxonIso(ms, zone);
    return local.slice(0, LOCAL_LENGTH) + hour.suffix;
  };
};
