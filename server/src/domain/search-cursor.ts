import { createHmac, timingSafeEqual } from 'crypto';

import type { SearchFilters } from './search-query';

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

const SIGNATURE_LENGTH = 22; // 128 bits of HMAC-SHA256 in base64url

/** What a cursor is bound to: the same period and filters, whatever the page size. */
export const filtersFingerprint = (filters: SearchFilters): string =>
  JSON.stringify([
    filters.from.getTime(),
    filters.to.getTime(),
    filters.callingNumber?.match ?? null,
    filters.callingNumber?.value ?? null,
    filters.accessCode,
  ]);

const sign = (payload: string, fingerprint: string, secret: string) =>
  createHmac('sha256', secret)
    .update(`${payload}.${fingerprint}`)
    .digest('base64url')
    .slice(0, SIGNATURE_LENGTH);

export const encodeCursor = (
  position: CursorPosition,
  fingerprint: string,
  secret: string
): string => {
  const payload = Buffer.from(JSON.stringify([position.startTime, position.id])).toString(
    'base64url'
  );
  return `${payload}.${sign(payload, fingerprint, secret)}`;
};

const isSafeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value);

/** The position, or null when the cursor is malformed, tampered with or from another search. */
export const decodeCursor = (
  cursor: string,
  fingerprint: string,
  secret: string
): CursorPosition | null => {
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, fingerprint, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 2) return null;
    const [startTime, id] = decoded as unknown[];
    if (!isSafeInteger(startTime) || !isSafeInteger(id)) return null;
    return { startTime, id };
  } catch {
    return null;
  }
};
