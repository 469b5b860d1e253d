import type { SearchFilters } from './search-query';
import { openValue, sealValue } from './signed-value';

/**
 * The keyset position of the last row of a page, as an opaque cursor. It is signed with a
 * server secret over the filters it was issued for, so a cursor edited by hand, or taken from
 * another search, is refused (400) instead of silently paging through something else.
 */
export interface CursorPosition {
  /** startTime of the last row, epoch milliseconds. */
  startTime: number;
  id: number;
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
  position: CursorPosition,
  fingerprint: string,
  secret: string
): string => sealValue([position.startTime, position.id], secret, fingerprint);

const isSafeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value);

/** The position, or null when the cursor is malformed, tampered with or from another search. */
export const decodeCursor = (
  cursor: string,
  fingerprint: string,
  secret: string
): CursorPosition | null => {
  const decoded = openValue(cursor, secret, fingerprint);
  if (!Array.isArray(decoded) || decoded.length !== 2) return null;
  const [startTime, id] = decoded as unknown[];
  if (!isSafeInteger(startTime) || !isSafeInteger(id)) return null;
  return { startTime, id };
};
