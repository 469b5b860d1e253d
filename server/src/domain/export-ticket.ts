import { openValue, sealValue } from './signed-value';

/**
 * A short-lived, signed ticket for one CSV download. The admin JWT travels in a header, which a
 * plain link cannot send; without a ticket the panel would have to fetch the whole file into
 * memory before saving it. With one, the browser downloads the stream itself (to disk, with its
 * own progress bar). The ticket names the admin it was issued to, so the download route checks
 * that admin's permission again, and the filters, so it cannot be turned into another export.
 */

export const EXPORT_TICKET_TTL_MS = 60_000;

export interface ExportTicket {
  userId: number;
  /** The export's query parameters, exactly as validated when the ticket was issued. */
  query: Record<string, string>;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export const encodeExportTicket = (ticket: ExportTicket, secret: string): string =>
  sealValue([ticket.userId, ticket.query, ticket.expiresAt], secret);

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((entry) => typeof entry === 'string');

/** The ticket, or null when it is malformed, signed with another secret, or expired at `now`. */
export const decodeExportTicket = (
  text: string,
  secret: string,
  now: number
): ExportTicket | null => {
  const decoded = openValue(text, secret);
  if (!Array.isArray(decoded) || decoded.length !== 3) return null;
  const [userId, query, expiresAt] = decoded as unknown[];
  if (!Number.isSafeInteger(userId) || !isStringRecord(query)) return null;
  if (typeof expiresAt !== 'number' || expiresAt <= now) return null;
  return { userId: userId as number, query, expiresAt };
};
