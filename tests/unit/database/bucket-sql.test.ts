import { mysqlBucketOf, mysqlLocalDayOf } from '../../../server/src/database/bucket-sql';
import { localDayOf } from '../../../server/src/database/call-rollup';

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

describe('localDayOf', () => {
  const SHIFT = (18 * 60 + 15) * 60 * 1000; // Kathmandu's days start at 18:15 UTC

  it('groups epoch milliseconds on SQLite by days shifted to the zone', () => {
    expect(localDayOf('sqlite', '`start_time`', SHIFT)).toBe(
      `((\`start_time\` - ${SHIFT}) / 86400000) * 86400000 + ${SHIFT}`
    );
  });

  it('truncates the shifted timestamp to its day on PostgreSQL', () => {
    expect(localDayOf('postgres', '"start_time"', SHIFT)).toBe(
      `date_trunc('day', "start_time" - interval '65700 seconds') + interval '65700 seconds'`
    );
  });

  it('adds whole shifted days to the DATETIME epoch on MySQL, never through the session zone', () => {
    const sql = localDayOf('mysql', '`start_time`', SHIFT);
    expect(sql).toBe(mysqlLocalDayOf('`start_time`', SHIFT));
    expect(sql).toContain('`start_time`) - 65700) / 86400) * 86400 + 65700 SECOND)');
    expect(sql).not.toMatch(/NOW\(|UNIX_TIMESTAMP|FROM_UNIXTIME|CONVERT_TZ/i);
  });

  it('refuses a shift that is not whole seconds within a day', () => {
    for (const shift of [1.5, -1000, 86_400_000, 500]) {
      expect(() => localDayOf('sqlite', 'start_time', shift)).toThrow(/day shift/);
    }
  });
});
