import { instantOf } from './instant';

/** The calling number reversed: a suffix search on it becomes a prefix (index range) search. */
export const reverseNumber = (value: string): string => [...value].reverse().join('');

/** A calling number without its one optional leading `+`. */
export const bareNumber = (value: string): string =>
  value.startsWith('+') ? value.slice(1) : value;

/**
 * The two forms under which one person's calls may be stored: the ingest keeps a number as the
 * platform sent it, with or without the leading `+`, so `+8613800138000` and `8613800138000` are
 * different rows of one caller. An erasure matches both (docs/design.md#erasure-by-number).
 */
export const callingNumberForms = (value: string): [bare: string, withPlus: string] => {
  const bare = bareNumber(value);
  return [bare, `+${bare}`];
};

/** Seconds between two instants, never negative; null when either is missing or unparsable. */
export const durationBetween = (start: unknown, end: unknown): number | null => {
  const from = instantOf(start);
  const to = instantOf(end);
  if (from === null || to === null) return null;
  return Math.max(0, Math.round((to - from) / 1000));
};
