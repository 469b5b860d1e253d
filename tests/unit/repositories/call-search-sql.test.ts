import type { Knex } from 'knex';

import { mysqlBucketOf } from '../../../server/src/database/bucket-sql';
import type { SearchFilters } from '../../../server/src/domain/search-query';
import {
  NEWEST_FIRST as NEWEST,
  bucketCountsSql,
  countSql,
  dayBucketCountsSql,
  pageSql,
  type Keyset,
} from '../../../server/src/repositories/call-search-sql';
import {
  CALL_TABLE as TABLE,
  DIALECTS as dialects,
  FROM as from,
  PREFIX_SEARCH as prefix,
  TO as to,
} from '../../helpers/sql-compilers';

/** The statements as each dialect's knex compiles them, without a database. */

const period: SearchFilters = { from, to, callingNumber: null, accessCode: null };
const SELECT = 'SELECT "id", "call_id", "start_time" FROM "calls" WHERE';
const NEWEST_FIRST = 'ORDER BY "start_time" DESC, "id" DESC LIMIT ?';
const TOP: Keyset = { order: NEWEST, after: null };
const AFTER: Keyset = { order: NEWEST, after: { key: 5000, id: 7 } };

describe.each(dialects)('the search statements on %s', (_name, knex, quote, dialect) => {
  /** The expected SQL is written with PostgreSQL's quotes; SQLite's knex quotes with backticks. */
  const expectSql = (statement: Knex.Raw, sql: string, bindings: unknown[]) =>
    expect(statement.toSQL()).toMatchObject({ sql: sql.replace(/"/g, quote), bindings });

  it('pages a period newest first, the period half-open', () => {
    expectSql(
      pageSql(knex, dialect, TABLE, period, TOP, 21, null),
      `${SELECT} "start_time" >= ? AND "start_time" < ? ${NEWEST_FIRST}`,
      [from, to, 21]
    );
  });

  it('seeks from the cursor: the period ends at its start time, ties broken by id', () => {
    expectSql(
      pageSql(knex, dialect, TABLE, period, AFTER, 21, null),
      `${SELECT} "start_time" >= ? AND "start_time" <= ? AND ("start_time", "id") < (?, ?) ${NEWEST_FIRST}`,
      [from, new Date(5000), new Date(5000), 7, 21]
    );
  });

  it('reads an exact number and an access code by equality', () => {
    expectSql(
      pageSql(
        knex,
        dialect,
        TABLE,
        {
          ...period,
          callingNumber: { match: 'exact', value: '8613800001234' },
          accessCode: '2001',
        },
        TOP,
        21,
        null
      ),
      `${SELECT} "start_time" >= ? AND "start_time" < ? AND "calling_number" = ? AND "access_code" = ? ${NEWEST_FIRST}`,
      [from, to, '8613800001234', '2001', 21]
    );
  });

  it('reads a prefix as an index range, kept exact by LIKE', () => {
    expectSql(
      pageSql(knex, dialect, TABLE, prefix, TOP, 21, null),
      `${SELECT} "start_time" >= ? AND "start_time" < ? AND "calling_number" >= ? AND "calling_number" < ? AND "calling_number" LIKE ? ${NEWEST_FIRST}`,
      [from, to, '138', '139', '138%', 21]
    );
  });

  it('leaves out the upper bound of a prefix that has none', () => {
    expectSql(
      pageSql(
        knex,
        dialect,
        TABLE,
        { ...period, callingNumber: { match: 'prefix', value: '99' } },
        TOP,
        21,
        null
      ),
      `${SELECT} "start_time" >= ? AND "start_time" < ? AND "calling_number" >= ? AND "calling_number" LIKE ? ${NEWEST_FIRST}`,
      [from, to, '99', '99%', 21]
    );
  });

  const suffix: SearchFilters = { ...period, callingNumber: { match: 'suffix', value: '5678' } };

  it('reads a suffix as a prefix of the reversed number', () => {
    expectSql(
      pageSql(knex, dialect, TABLE, suffix, TOP, 21, null),
      `${SELECT} "start_time" >= ? AND "start_time" < ? AND "calling_number_reversed" >= ? AND "calling_number_reversed" < ? AND "calling_number_reversed" LIKE ? ${NEWEST_FIRST}`,
      [from, to, '8765', '8766', '8765%', 21]
    );
  });

  /** The terms no index serves: SQLite's unary plus; the other planners choose alone. */
  const unindexed =
    dialect === 'sqlite'
      ? { start: '+"start_time"', number: '+"calling_number"' }
      : { start: '"start_time"', number: '"calling_number"' };
  /**
   * The prefix `138` checked through the period index: on PostgreSQL a boolean test around the
   * LIKE, which no index matches and the planner estimates as the LIKE; elsewhere the range on
   * the unindexed term.
   */
  const prefixOffItsIndex =
    dialect === 'postgres'
      ? { sql: '("calling_number" LIKE ?) IS TRUE', bindings: ['138%'] }
      : {
          sql: `${unindexed.number} >= ? AND ${unindexed.number} < ? AND ${unindexed.number} LIKE ?`,
          bindings: ['138', '139', '138%'],
        };

  it('keeps the period terms off the index for the number index, and the number terms for the period index', () => {
    const { start } = unindexed;
    expectSql(
      pageSql(knex, dialect, TABLE, prefix, TOP, 21, 'number'),
      `${SELECT} ${start} >= ? AND ${start} < ? AND "calling_number" >= ? AND "calling_number" < ? AND "calling_number" LIKE ? ${NEWEST_FIRST}`,
      [from, to, '138', '139', '138%', 21]
    );
    const keyset = `"start_time" >= ? AND "start_time" <= ? AND ("start_time", "id") < (?, ?)`;
    expectSql(
      pageSql(knex, dialect, TABLE, prefix, AFTER, 21, 'period'),
      `${SELECT} ${keyset} AND ${prefixOffItsIndex.sql} ${NEWEST_FIRST}`,
      [from, new Date(5000), new Date(5000), 7, ...prefixOffItsIndex.bindings, 21]
    );
  });

  it('checks a suffix on the number itself through the period index, which carries the number and not its reverse', () => {
    expectSql(
      pageSql(knex, dialect, TABLE, suffix, TOP, 21, 'period'),
      `${SELECT} "start_time" >= ? AND "start_time" < ? AND ${unindexed.number} LIKE ? ${NEWEST_FIRST}`,
      [from, to, '%5678', 21]
    );
  });

  it('pages oldest first from the cursor: the period starts at its start time', () => {
    const oldest: Keyset = {
      order: { attribute: 'startTime', descending: false },
      after: { key: 5000, id: 7 },
    };
    expectSql(
      pageSql(knex, dialect, TABLE, period, oldest, 21, null),
      `${SELECT} "start_time" >= ? AND "start_time" < ? AND ("start_time", "id") > (?, ?) ORDER BY "start_time" ASC, "id" ASC LIMIT ?`,
      [new Date(5000), to, new Date(5000), 7, 21]
    );
  });

  it('sorts by duration over the whole period, reading whole rows for the page only (a derived table: MySQL refuses LIMIT in IN)', () => {
    const longest: Keyset = {
      order: { attribute: 'durationSeconds', descending: true },
      after: { key: 300, id: 7 },
    };
    const order = 'ORDER BY "duration_seconds" DESC, "id" DESC';
    expectSql(
      pageSql(knex, dialect, TABLE, period, longest, 21, null),
      `${SELECT} "id" IN (SELECT "id" FROM (SELECT "id" FROM "calls" WHERE "start_time" >= ? AND "start_time" < ? AND ("duration_seconds", "id") < (?, ?) ${order} LIMIT ?) page) ${order}`,
      [from, to, 300, 7, 21]
    );
    const shortest: Keyset = {
      order: { attribute: 'durationSeconds', descending: false },
      after: null,
    };
    expectSql(
      pageSql(knex, dialect, TABLE, period, shortest, 21, null),
      `${SELECT} "id" IN (SELECT "id" FROM (SELECT "id" FROM "calls" WHERE "start_time" >= ? AND "start_time" < ? ORDER BY "duration_seconds" ASC, "id" ASC LIMIT ?) page) ORDER BY "duration_seconds" ASC, "id" ASC`,
      [from, to, 21]
    );
  });

  it('counts at most cap + 1 matches', () => {
    expectSql(
      countSql(knex, dialect, TABLE, prefix, 50, null),
      'SELECT COUNT(*) AS total FROM (SELECT 1 FROM "calls" WHERE "start_time" >= ? AND "start_time" < ? AND "calling_number" >= ? AND "calling_number" < ? AND "calling_number" LIKE ? LIMIT ?) capped',
      [from, to, '138', '139', '138%', 51]
    );
  });
});

describe('the 15-minute buckets of the statistics', () => {
  const [[, pg], [, sqlite], [, mysql]] = dialects;

  it('rounds the epoch milliseconds SQLite stores down to the quarter hour', () => {
    expect(bucketCountsSql(sqlite, 'sqlite', TABLE, period, null, null).toSQL()).toMatchObject({
      sql: 'SELECT (`start_time` / 900000) * 900000 AS bucket, `access_code` AS code, COUNT(*) AS total FROM (SELECT `start_time`, `access_code` FROM `calls` WHERE `start_time` >= ? AND `start_time` < ?) matching GROUP BY 1, 2',
      bindings: [from, to],
    });
  });

  it('truncates the timestamp on PostgreSQL', () => {
    expect(bucketCountsSql(pg, 'postgres', TABLE, period, null, null).toSQL()).toMatchObject({
      sql: `SELECT date_trunc('hour', "start_time") + floor(extract(minute from "start_time") / 15) * interval '15 minutes' AS bucket, "access_code" AS code, COUNT(*) AS total FROM (SELECT "start_time", "access_code" FROM "calls" WHERE "start_time" >= ? AND "start_time" < ?) matching GROUP BY 1, 2`,
      bindings: [from, to],
    });
  });

  it('groups by a DATETIME bucket on MySQL, never through the session zone', () => {
    const { sql, bindings } = bucketCountsSql(mysql, 'mysql', TABLE, period, null, null).toSQL();
    expect({ sql, bindings }).toEqual({
      sql: `SELECT ${mysqlBucketOf('`start_time`')} AS bucket, \`access_code\` AS code, COUNT(*) AS total FROM (SELECT \`start_time\`, \`access_code\` FROM \`calls\` WHERE \`start_time\` >= ? AND \`start_time\` < ?) matching GROUP BY 1, 2`,
      bindings: [from, to],
    });
    expect(sql).not.toMatch(/NOW\(|UNIX_TIMESTAMP|FROM_UNIXTIME|CONVERT_TZ/i);
  });

  it('groups by local day instead where the zone keeps one offset over the period', () => {
    const shift = 16 * 60 * 60 * 1000;
    expect(
      bucketCountsSql(sqlite, 'sqlite', TABLE, period, null, null, shift).toSQL()
    ).toMatchObject({
      sql: `SELECT ((\`start_time\` - ${shift}) / 86400000) * 86400000 + ${shift} AS bucket, \`access_code\` AS code, COUNT(*) AS total FROM (SELECT \`start_time\`, \`access_code\` FROM \`calls\` WHERE \`start_time\` >= ? AND \`start_time\` < ?) matching GROUP BY 1, 2`,
      bindings: [from, to],
    });
    expect(
      bucketCountsSql(
        pg,
        'postgres',
        TABLE,
        period,
        null,
        { rows: 100, newest: true },
        shift
      ).toSQL()
    ).toMatchObject({
      sql: expect.stringMatching(
        /^SELECT date_trunc\('day', "start_time" - interval '57600 seconds'\) \+ interval '57600 seconds' AS bucket/
      ),
      bindings: [from, to, 100],
    });
  });

  it('counts only the newest matches when capped', () => {
    expect(
      bucketCountsSql(pg, 'postgres', TABLE, period, null, { rows: 100, newest: true }).toSQL()
    ).toMatchObject({
      sql: expect.stringContaining(
        'FROM "calls" WHERE "start_time" >= ? AND "start_time" < ? ORDER BY "start_time" DESC, "id" DESC LIMIT ?) matching'
      ),
      bindings: [from, to, 100],
    });
  });

  it('counts up to a number of matches in index order, to tell whether more than a cap match', () => {
    expect(
      bucketCountsSql(sqlite, 'sqlite', TABLE, period, null, { rows: 101, newest: false }).toSQL()
    ).toMatchObject({
      sql: expect.stringContaining(
        'FROM `calls` WHERE `start_time` >= ? AND `start_time` < ? LIMIT ?) matching GROUP BY 1, 2'
      ),
      bindings: [from, to, 101],
    });
  });
});

describe("SQLite's day statements", () => {
  const [, [, sqlite]] = dialects;
  const GROUPS =
    'SELECT (`start_time` / 900000) * 900000 AS bucket, `access_code` AS code, COUNT(*) AS total, MIN(`start_time`) AS oldest FROM';
  const DAY_RANGE = (column: string) =>
    `WHERE (\`start_time\` / 86400000) = ? AND \`${column}\` >= ? AND \`${column}\` < ? AND \`${column}\` LIKE ? AND +\`start_time\` >= ? AND +\`start_time\` < ?`;

  it("counts a day's matches through the day, then the number range, the period checked on each", () => {
    expect(dayBucketCountsSql(sqlite, TABLE, prefix, 20_500, null, null).toSQL()).toMatchObject({
      sql: `${GROUPS} (SELECT \`start_time\`, \`access_code\` FROM \`calls\` ${DAY_RANGE('calling_number')}) matching GROUP BY 1, 2`,
      bindings: [20_500, '138', '139', '138%', from, to],
    });
  });

  it("takes a day's newest matches only, and a suffix's range on the reversed number", () => {
    const suffix: SearchFilters = { ...prefix, callingNumber: { match: 'suffix', value: '78' } };
    expect(dayBucketCountsSql(sqlite, TABLE, suffix, 20_500, 42, null).toSQL()).toMatchObject({
      sql: `${GROUPS} (SELECT \`start_time\`, \`access_code\` FROM \`calls\` ${DAY_RANGE('calling_number_reversed')} ORDER BY \`start_time\` DESC, \`id\` DESC LIMIT ?) matching GROUP BY 1, 2`,
      bindings: [20_500, '87', '88', '87%', from, to, 42],
    });
  });

  it('keeps an access code exact, should a plan ever read one by day', () => {
    const coded: SearchFilters = { ...prefix, accessCode: '1001' };
    expect(dayBucketCountsSql(sqlite, TABLE, coded, 20_500, null, null).toSQL()).toMatchObject({
      sql: `${GROUPS} (SELECT \`start_time\`, \`access_code\` FROM \`calls\` ${DAY_RANGE('calling_number')} AND \`access_code\` = ?) matching GROUP BY 1, 2`,
      bindings: [20_500, '138', '139', '138%', from, to, '1001'],
    });
  });

  it('needs a prefix or suffix filter', () => {
    expect(() => dayBucketCountsSql(sqlite, TABLE, period, 20_500, null, null)).toThrow(
      /prefix or suffix/
    );
  });
});
