import { instantOf } from './instant';

/** The calling number reversed: a suffix search on it becomes a prefix (index range) search. */
export const reverseNumber = (value: string): string => [...value].reverse().join('');

/** Seconds between two instants, never negative; null when either is missing or unparsable. */
export const durationBetween = (start: unknown, end: unknown): number | null => {
  const from = instantOf(start);
  const to = instantOf(end);
  if (from === null || to === null) return null;
  return Math.max(0, Math.round((to - from) / 1000));
};
