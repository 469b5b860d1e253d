import { SEARCH_SORTS, type SearchSort } from '../../../shared/contracts/calls';

import type { SearchFilters } from './search-query';
import { openValue, sealValue } from './signed-value';

/**
 * The keyset position of the last row of a page, as an opaque cursor. It is signed with a
 * server secret over the filters it was issued for, so a cursor edited by hand, or taken from
 * another search, is refused (400) instead of silently paging through something else. It
 * carries its sort too: a position in one order means nothing in another.
 */
export interface CursorPosition {
  /**
   * The sort key of the last row: its startTime in epoch milliseconds, or its durationSeconds,
   * as the cursor's sort says.
   */
  key: number;
  id: number;
}

/** What a cursor holds: the order it was issued in, and where the page ended. */
export interface SortedPosition {
  sort: SearchSort;
  position: CursorPosition;
}

/** What a cursor is bound to: the same period and filters, whatever the page size. */
export const filtersFingerprint = (filters: SearchFilters): string =>
  JSON.stringify([
    filters.from.getTime(),
    filters.to.getTime(),
    filters.callingNumber?.match ?? null,
    filters.callingNumber?.value ?? null,
    filters.accessCode,
  ]);

export const encodeCursor = (
  { sort, position }: SortedPosition,
  fingerprint: string,
  secret: string
): string => sealValue([sort, position.key, position.id], secret, fingerprint);

const isSafeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value);

/**
 * The sort and position, or null when the cursor is malformed, tampered with or from another
 * search's filters. The caller compares the sort with the request's own.
 */
export const decodeCursor = (
  cursor: string,
  fingerprint: string,
  secret: string
): SortedPosition | null => {
  const decoded = openValue(cursor, secret, fingerprint);
  if (!Array.isArray(decoded) || decoded.length !== 3) return null;
  const [sort, key, id] = decoded as unknown[];
  if (!(SEARCH_SORTS as readonly unknown[]).includes(sort)) return null;
  if (!isSafeInteger(key) || !isSafeInteger(id)) return null;
  return { sort: sort as SearchSort, position: { key, id } };
};
