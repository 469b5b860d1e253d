import { BUCKET_MS } from '../domain/day-buckets';

const BUCKET_SECONDS = BUCKET_MS / 1000;
/** A DATETIME literal, not a string: the expression is then a DATETIME the driver reads as it reads start times. */
const EPOCH = "TIMESTAMP'1970-01-01 00:00:00'";

/**
 * The 15-minute UTC bucket of a DATETIME start time on MySQL and MariaDB, as a DATETIME.
 * DATETIME holds the UTC wall time the driver wrote, with no zone: arithmetic from a fixed epoch
 * never reads the session's `time_zone` (UNIX_TIMESTAMP, FROM_UNIXTIME and CONVERT_TZ do, and
 * MariaDB's zone tables are empty by default). `startTime` is an SQL expression, quoted.
 */
export const mysqlBucketOf = (startTime: string): string =>
  `DATE_ADD(${EPOCH}, INTERVAL FLOOR(TIMESTAMPDIFF(SECOND, ${EPOCH}, ${startTime}) / ${BUCKET_SECONDS}) * ${BUCKET_SECONDS} SECOND)`;
