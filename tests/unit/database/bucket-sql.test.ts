import { mysqlBucketOf } from '../../../server/src/database/bucket-sql';

describe('mysqlBucketOf', () => {
  it('adds whole 15-minute steps to a DATETIME epoch, so the bucket is a DATETIME too', () => {
    const epoch = "TIMESTAMP'1970-01-01 00:00:00'";
    expect(mysqlBucketOf('`start_time`')).toBe(
      `DATE_ADD(${epoch}, INTERVAL FLOOR(TIMESTAMPDIFF(SECOND, ${epoch}, \`start_time\`) / 900) * 900 SECOND)`
    );
  });

  it("makes hour buckets the same way, for the rollup's hour level", () => {
    expect(mysqlBucketOf('`start_time`', 3_600_000)).toContain(
      '`start_time`) / 3600) * 3600 SECOND)'
    );
  });

  it("never reads the session's time zone", () => {
    expect(mysqlBucketOf('`start_time`')).not.toMatch(
      /NOW\(|UNIX_TIMESTAMP|FROM_UNIXTIME|CONVERT_TZ/i
    );
  });
});
