/** The calling number reversed: a suffix search on it becomes a prefix (index range) search. */
export const reverseNumber = (value: string): string => [...value].reverse().join('');

/** Seconds between two instants, never negative; null when either is missing or unparsable. */
export const durationBetween = (start: unknown, end: unknown): number | null => {
  const from = toMillis(start);
  const to = toMillis(end);
  if (from === null || to === null) return null;
  return Math.max(0, Math.round((to - from) / 1000));
};

const toMillis = (value: unknown): number | null => {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const millis = new Date(value).getTime();
  return Number.isNaN(millis) ? null : millis;
};
