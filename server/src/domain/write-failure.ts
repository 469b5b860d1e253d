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
