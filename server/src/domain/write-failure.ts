/**
 * What a failed batch write means for the call platform, from the database's error. Pure: the
 * codes are PostgreSQL's SQLSTATE, better-sqlite3's result codes, and MySQL/MariaDB's error
 * numbers with their SQLSTATE (mysql2 gives both: `errno` and `sqlState`).
 *
 * - `retry`: a deadlock or serialization failure; the plugin runs the transaction again.
 * - `raced`: on MySQL/MariaDB, a duplicate of the call-id key (`raceKey`): the plain INSERT
 *   there met a callId that another writer stored after this transaction looked for it
 *   (docs/design.md#databases). Run again, the transaction reads it as stored.
 * - `refused`: the database refused a value of the batch (SQLSTATE class 22, data exception,
 *   or class 23, integrity constraint violation, e.g. a CHECK or trigger a developer added;
 *   SQLite's constraint, mismatch and too-big errors; MySQL's data errors that carry another
 *   SQLSTATE). Sending the same batch again fails again.
 * - `unavailable`: anything else (connection lost, too many connections, disk full, a lock
 *   timeout): nothing was stored, and the same batch may succeed later.
 */
export type WriteFailure = 'retry' | 'raced' | 'refused' | 'unavailable';

const RETRYABLE = new Set(['40P01', '40001']);
const SQLSTATE_REFUSED = /^2[23][0-9A-Z]{3}$/;
const SQLITE_REFUSED = /^SQLITE_(CONSTRAINT(_[A-Z]+)?|MISMATCH|TOOBIG)$/;

/** MySQL/MariaDB error numbers. */
export const MYSQL = {
  duplicateKey: 1062,
  deadlock: 1213,
  /** MariaDB with innodb_snapshot_isolation: a row changed since the transaction read it. */
  recordChanged: 1020,
  /**
   * "Failed to read auto-increment value": what InnoDB answers when the wait for a table's
   * AUTO-INC lock ends in a deadlock (the transaction is rolled back, as for 1213).
   */
  autoIncrementLock: 1467,
} as const;
/**
 * MySQL data errors whose SQLSTATE is not of class 22 or 23: 1265 data truncated (01000, an
 * error in strict mode, a warning otherwise), 1366 incorrect value (HY000 on MySQL 8, 22007 on
 * MariaDB), 3819 a CHECK constraint (HY000 on MySQL 8; MariaDB's 4025 is 23000). A trigger's
 * SIGNAL is classed by the SQLSTATE it raises, as on PostgreSQL.
 */
const MYSQL_REFUSED = new Set([1265, 1366, 3819]);

interface MysqlError {
  errno: number;
  sqlState: string;
  message: string;
}

/** A server error answered through mysql2: it carries the error number and the SQLSTATE. */
const mysqlError = (error: unknown): MysqlError | null => {
  if (typeof error !== 'object' || error === null) return null;
  const { errno, sqlState } = error as { errno?: unknown; sqlState?: unknown };
  if (typeof errno !== 'number' || typeof sqlState !== 'string' || sqlState === '') return null;
  return { errno, sqlState, message: error instanceof Error ? error.message : '' };
};

/**
 * The error's code: PostgreSQL's SQLSTATE or SQLite's code (`code` of pg and better-sqlite3
 * errors); MySQL/MariaDB's error number, as text (mysql2's `code` names a number by MySQL's
 * list, which misnames MariaDB's own numbers: its 4025, a CHECK, reads as an InnoDB option).
 * Null when it has none.
 */
export const errorCode = (error: unknown): string | null => {
  const mysql = mysqlError(error);
  if (mysql) return String(mysql.errno);
  if (typeof error !== 'object' || error === null) return null;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? code : null;
};

/**
 * The key a MySQL/MariaDB duplicate-key error names: `Duplicate entry '…' for key 'name'`
 * (MariaDB, MySQL before 8.0.19) or `'table.name'` (MySQL 8.0.19 and later).
 */
export const duplicateKeyName = (message: string): string | null => {
  const match = /for key '([^']*)'$/.exec(message);
  if (!match) return null;
  return match[1].slice(match[1].lastIndexOf('.') + 1);
};

const classifyMysql = (error: MysqlError, raceKey: string | undefined): WriteFailure => {
  if (
    error.errno === MYSQL.deadlock ||
    error.errno === MYSQL.recordChanged ||
    error.errno === MYSQL.autoIncrementLock
  ) {
    return 'retry';
  }
  if (error.errno === MYSQL.duplicateKey) {
    // A duplicate on any other unique key is the data's, as PostgreSQL's 23505 is.
    return raceKey !== undefined && duplicateKeyName(error.message) === raceKey
      ? 'raced'
      : 'refused';
  }
  if (SQLSTATE_REFUSED.test(error.sqlState) || MYSQL_REFUSED.has(error.errno)) return 'refused';
  return 'unavailable';
};

export const classifyWriteFailure = (
  error: unknown,
  { raceKey }: { raceKey?: string } = {}
): WriteFailure => {
  const mysql = mysqlError(error);
  if (mysql) return classifyMysql(mysql, raceKey);
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
