import type { NumberFilter, SearchFilters } from './search-query';

/**
 * Legal hold as data (docs/design.md#privacy): how long a reason may be, how many calls a bulk
 * hold writes per transaction, and what its audit entry keeps of the search (never a number).
 * Pure, so the rules are tested without Strapi.
 */

export const MAX_HOLD_REASON_LENGTH = 1000;

/**
 * Calls per bulk-hold batch: one keyset read and one UPDATE of at most this many ids, in a
 * short transaction of its own, so a 31-day period of a million calls never holds the
 * database's write lock (SQLite's is the whole file) for long, and ingest keeps going.
 */
export const HOLD_BATCH = 1000;

/** Digits of a full number kept in sight: the default masking rule (first 3, last 4). */
const KEEP_FIRST = 3;
const KEEP_LAST = 4;
const FULL_NUMBER_DIGITS = 11;

/**
 * Digits as the audit may keep them: a full-length number shows its first 3 and last 4 digits
 * (`138****5678`), anything shorter, a prefix or a suffix, shows none of its digits.
 */
export const maskDigits = (digits: string): string => {
  const plus = digits.startsWith('+') ? '+' : '';
  const bare = plus ? digits.slice(1) : digits;
  if (bare.length < FULL_NUMBER_DIGITS) return plus + '*'.repeat(bare.length);
  return (
    plus +
    bare.slice(0, KEEP_FIRST) +
    '*'.repeat(bare.length - KEEP_FIRST - KEEP_LAST) +
    bare.slice(-KEEP_LAST)
  );
};

/**
 * The number filter as the audit keeps it: how it matched and its digits masked (a `*` of the
 * mask would read as the filter's own wildcard, so the match is kept apart).
 */
export const maskedNumberFilter = (filter: NumberFilter) => ({
  match: filter.match,
  digits: maskDigits(filter.value),
});

/** The filters of a bulk hold as its audit entry keeps them. */
export const auditedFilters = (filters: SearchFilters & { tz: string }) => ({
  from: filters.from.toISOString(),
  to: filters.to.toISOString(),
  tz: filters.tz,
  callingNumber: filters.callingNumber ? maskedNumberFilter(filters.callingNumber) : null,
  accessCode: filters.accessCode,
});

/** Adds one batch's access codes to the running counts. */
export const countAccessCodes = (counts: Map<string, number>, accessCodes: readonly string[]) => {
  for (const code of accessCodes) counts.set(code, (counts.get(code) ?? 0) + 1);
};

/** Counts per access code as an audit entry keeps them, in code order. */
export const sortedCounts = (counts: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
