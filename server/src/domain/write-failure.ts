/**
 * What a failed batch write means for the call platform, from the database's error code. Pure:
 * the codes are PostgreSQL's SQLSTATE and better-sqlite3's result codes.
 *
 * - `retry`: a deadlock or serialization failure; the plugin runs the transaction again.
 * - `refused`: the database refused a value of the batch (SQLSTATE class 22, data exception,
 *   or class 23, integrity constraint violation, e.g. a CHECK or trigger a developer added;
 *   SQLite's constraint, mismatch and too-big errors). Sending the same batch again fails again.
 * - `unavailable`: anything else (connection lost, too many connections, disk full, a lock
 *   timeout): nothing was stored, and the same batch may succeed later.
 */
export type WriteFailure = 'retry' | 'refused' | 'unavailable';

const RETRYABLE = new Set(['40P01', '40001']);
const SQLSTATE_REFUSED = /^2[23][0-9A-Z]{3}$/;
const SQLITE_REFUSED = /^SQLITE_(CONSTRAINT(_[A-Z]+)?|MISMATCH|TOOBIG)$/;

/** The error's code (`code` of pg and better-sqlite3 errors), or null when it has none. */
export const errorCode = (error: unknown): string | null => {
  if (typeof error !== 'object' || error === null) return null;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? code : null;
};

export const classifyWriteFailure = (error: unknown): WriteFailure => {
  const code = errorCode(error);
  if (code === null) return 'unavailable';
  if (RETRYABLE.has(code)) return 'retry';
  if (SQLSTATE_REFUSED.test(code) || SQLITE_REFUSED.test(code)) return 'refused';
  return 'unavailable';
};

/**
 * The database's own message of a failed statement. knex puts the SQL before it, with the bound
 * values written in (` - ` between), and those values may be calling numbers: the statement is
 * left out. Cut to 300 characters.
 */
export const databaseMessage = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .slice(text.lastIndexOf(' - ') + 1)
    .replace(/^- /, '')
    .slice(0, 300);
};
