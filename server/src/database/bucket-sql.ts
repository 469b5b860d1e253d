import { BUCKET_MS, DAY_MS } from '../domain/day-buckets';

/**
 * The UTC day (whole days since the epoch) of a start time on SQLite, where the Query Engine
 * stores it as epoch milliseconds: the leading key of the day indexes (database/indexes.ts). An
 * index on an expression serves only a statement that writes the same expression, so both take
 * it from here, the day's length written in, not bound. `startTime` is an SQL expression, quoted.
 */
export const sqliteUtcDayOf = (startTime: string): string => `(${startTime} / ${DAY_MS})`;

/**
 * A DATETIME literal (not the TIMESTAMP type, which has no zone here either): DATE_ADD of a
 * string literal answers a string, which mysql2 hands over as text to be parsed in the Node
 * process's zone, while a DATETIME is read in the connection's `timezone`, as start times are.
 */
const EPOCH = "TIMESTAMP'1970-01-01 00:00:00'";

/**
 * The UTC bucket (15 minutes, or `bucketMs`) of a DATETIME start time on MySQL and MariaDB, as
 * a DATETIME.
 * DATETIME holds the wall time the driver wrote, with no zone: arithmetic from a fixed epoch
 * never reads the session's `time_zone` (UNIX_TIMESTAMP, FROM_UNIXTIME and CONVERT_TZ do, and
 * MariaDB's zone tables are empty by default). `startTime` is an SQL expression, quoted.
 */
export const mysqlBucketOf = (startTime: string, bucketMs: number = BUCKET_MS): string => {
  const seconds = bucketMs / 1000;
  return `DATE_ADD(${EPOCH}, INTERVAL FLOOR(TIMESTAMPDIFF(SECOND, ${EPOCH}, ${startTime}) / ${seconds}) * ${seconds} SECOND)`;
};

/**
 * The local day of a DATETIME start time on MySQL and MariaDB, for a zone whose days start
 * `shiftMs` after UTC midnight (domain/day-buckets.ts, fixedDayShift), as the DATETIME of its
 * first instant: the same arithmetic from the epoch, never the session's `time_zone`.
 */
export const mysqlLocalDayOf = (startTime: string, shiftMs: number): string => {
  const day = DAY_MS / 1000;
  const shift = shiftMs / 1000;
  return `DATE_ADD(${EPOCH}, INTERVAL FLOOR((TIMESTAMPDIFF(SECOND, ${EPOCH}, ${startTime}) - ${shift}) / ${day}) * ${day} + ${shift} SECOND)`;
};
