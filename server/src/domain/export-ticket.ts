import { createHash, randomBytes } from 'crypto';

/**
 * A short-lived, single-use ticket for one CSV download. The admin JWT travels in a header, which
 * a plain link cannot send; without a ticket the panel would have to fetch the whole file into
 * memory before saving it. With one, the browser downloads the stream itself (to disk, with its
 * own progress bar).
 *
 * The link carries only a random id: nothing in it can be read (a link ends up in browser
 * history, proxy and server logs), and nothing in it can be forged. The filters, the admin and
 * the expiry stay in the database (services/export-tickets.ts), under a SHA-256 of the id, so
 * every node accepts the link and a database dump cannot be replayed as links.
 */

export const EXPORT_TICKET_TTL_MS = 60_000;

/** 256 random bits: far beyond guessing (at least 128 are needed). */
const ID_BYTES = 32;

/** What a ticket id looks like: ID_BYTES in base64url, nothing else reaches the database. */
export const TICKET_ID = /^[A-Za-z0-9_-]{43}$/;

export const newTicketId = (): string => randomBytes(ID_BYTES).toString('base64url');

/** What the database keeps of the id. */
export const ticketHash = (id: string): string => createHash('sha256').update(id).digest('hex');
