import { parse } from 'csv-parse/sync';

import { UID } from '../../server/src/constants';
import { callRecordColumns } from '../../server/src/database/call-record-columns';
import { reverseNumber } from '../../server/src/domain/calling-number';
import { bucketCountsSql } from '../../server/src/repositories/call-search-sql';
import { describeOnMysql } from '../helpers/dialect';
import { asText, bearer, startTestApp, type TestApp } from '../helpers/strapi';
import { ensureDemoBots } from '../support/call-generator';

/**
 * What the reads compare and answer does not depend on the database's collation or time zone
 * (docs/design.md#databases): numbers and access codes match byte for byte and case for case,
 * and a start time reads back as it was written, in every output, whatever the server's zone.
 * The MariaDB test server runs with a default collation that folds case and full-width digits
 * (utf8mb4_unicode_ci) and with time_zone +05:30 (tests/scripts/mariadb.sh), so that a column
 * or an expression that fell back on either fails here.
 */
describe('reads that neither collation nor time zone can change', () => {
  let app: TestApp;
  const post = (route: string, body: Record<string, unknown>) =>
    app.http().post(route).send(body).set(bearer(app.admin.token));
  const knex = () => app.strapi.db!.connection;
  const table = () => app.strapi.db!.metadata.get(UID.callRecord).tableName;

  const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' };
  const ASCII = '13800001234';
  /** A full-width 1 first: a suffix *1234 rightly finds it, an exact or 138* search must not. */
  const WIDE_FIRST = '\uFF113800001234';
  /** A full-width 1 in the suffix: 138* rightly finds it, an exact or *1234 search must not. */
  const WIDE_LAST = '1380000\uFF11234';

  const call = (callId: string, fields: Record<string, unknown>) =>
    app.strapi.db!.query(UID.callRecord).create({
      data: {
        callId,
        callingNumber: ASCII,
        accessCode: '1001',
        startTime: '2026-03-02T10:00:00.000Z',
        endTime: '2026-03-02T10:01:00.000Z',
        ...fields,
      },
    });
  /** A number no write path would store (they normalise to ASCII digits), as raw SQL could. */
  const storeRawNumber = async (callId: string, number: string) => {
    await knex()(table())
      .where('call_id', callId)
      .update({ calling_number: number, calling_number_reversed: reverseNumber(number) });
  };

  const searchIds = async (filters: Record<string, unknown>) => {
    const response = await post('/call-history/calls/search', {
      ...PERIOD,
      pageSize: 100,
      ...filters,
    }).expect(200);
    return (response.body.results as Array<{ callId: string }>).map((row) => row.callId).sort();
  };
  const exportIds = async (filters: Record<string, unknown>) => {
    const response = await post('/call-history/calls/export', { ...PERIOD, ...filters })
      .buffer(true)
      .parse(asText)
      .expect(200);
    return (
      parse(response.body as string, { columns: true, bom: true }) as Array<{ callId: string }>
    )
      .map((row) => row.callId)
      .sort();
  };
  const statsTotal = async (filters: Record<string, unknown>) => {
    const response = await post('/call-history/calls/stats', { ...PERIOD, ...filters }).expect(200);
    return (response.body.data.perDay as Array<{ count: number }>).reduce(
      (sum, day) => sum + day.count,
      0
    );
  };

  beforeAll(async () => {
    app = await startTestApp();
    await app.strapi
      .plugin('call-history')
      .service('settings')
      .update({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'BOT_LEVEL', CCIVRRECORDFLAG: 'ON' });
    await ensureDemoBots(app.strapi);
    await call('ascii', {});
    await call('wide-first', {});
    await storeRawNumber('wide-first', WIDE_FIRST);
    await call('wide-last', {});
    await storeRawNumber('wide-last', WIDE_LAST);
    await call('code-lower', {
      callingNumber: '13911112222',
      accessCode: 'abc-1',
      botKind: 'COMMON_IVR',
    });
    await call('code-upper', {
      callingNumber: '13911112222',
      accessCode: 'ABC-1',
      botKind: 'COMMON_IVR',
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('numbers and access codes match byte for byte', () => {
    it.each([
      ['an exact number', { callingNumber: ASCII }, ['ascii']],
      ['a prefix', { callingNumber: '138*' }, ['ascii', 'wide-last']],
      ['a suffix', { callingNumber: '*1234' }, ['ascii', 'wide-first']],
      ['an access code', { accessCode: 'abc-1' }, ['code-lower']],
      ['an access code in the other case', { accessCode: 'ABC-1' }, ['code-upper']],
      [
        'a number and an access code',
        { callingNumber: '139*', accessCode: 'ABC-1' },
        ['code-upper'],
      ],
    ])('%s: search, export and statistics', async (_shape, filters, expected) => {
      expect(await searchIds(filters)).toEqual(expected);
      expect(await exportIds(filters)).toEqual(expected);
      expect(await statsTotal(filters)).toBe(expected.length);
    });
  });

  it('keeps a call id with a trailing space apart from the same id without it', async () => {
    // MySQL's and MariaDB's PAD SPACE collations (utf8mb4_bin among them) compare 'pad-1 ' equal
    // to 'pad-1': the second call would be refused, or taken for the first by the ingest.
    await call('pad-1', {});
    await call('pad-1 ', {});
    const stored = (await app.strapi.db!.query(UID.callRecord).findMany({
      select: ['callId'],
      where: { callId: { $in: ['pad-1', 'pad-1 '] } },
    })) as Array<{ callId: string }>;
    expect(stored.map((row) => row.callId).sort()).toEqual(['pad-1', 'pad-1 ']);
    const exact = await app.strapi.db!.query(UID.callRecord).findMany({
      where: { callId: 'pad-1' },
    });
    expect(exact).toHaveLength(1);
  });

  describe('start times read back as written', () => {
    /** Either side of midnight in India (+05:30), the MariaDB test server's own zone. */
    const LAST_OF_DAY = '2026-03-04T18:29:59.999Z';
    const FIRST_OF_DAY = '2026-03-04T18:30:00.000Z';

    beforeAll(async () => {
      await call('before-midnight', {
        callingNumber: '13722223333',
        startTime: LAST_OF_DAY,
        endTime: '2026-03-04T18:31:00.000Z',
      });
      await call('at-midnight', {
        callingNumber: '13722224444',
        startTime: FIRST_OF_DAY,
        endTime: '2026-03-04T18:31:00.000Z',
      });
    });

    it('answers the same instant in a search row, Call Details and the export', async () => {
      const response = await post('/call-history/calls/search', {
        ...PERIOD,
        callingNumber: '13722223333',
      }).expect(200);
      expect(response.body.results.map((row: { startTime: string }) => row.startTime)).toEqual([
        LAST_OF_DAY,
      ]);
      const details = await app
        .http()
        .get('/call-history/calls/at-midnight')
        .set(bearer(app.admin.token))
        .expect(200);
      expect(details.body.data.startTime).toBe(FIRST_OF_DAY);
      const queryEngine = await app.strapi.db!.query(UID.callRecord).findOne({
        select: ['startTime'],
        where: { callId: 'before-midnight' },
      });
      expect(queryEngine).toEqual({ startTime: LAST_OF_DAY });
      const csv = await post('/call-history/calls/export', {
        ...PERIOD,
        callingNumber: '137*',
        tz: 'Asia/Kolkata',
      })
        .buffer(true)
        .parse(asText)
        .expect(200);
      const rows = parse(csv.body as string, { columns: true, bom: true }) as Array<
        Record<string, string>
      >;
      expect(
        rows.map(({ callId, startTimeUtc, startTimeLocal }) => ({
          callId,
          startTimeUtc,
          startTimeLocal,
        }))
      ).toEqual([
        {
          callId: 'at-midnight',
          startTimeUtc: FIRST_OF_DAY,
          startTimeLocal: expect.stringMatching(/^2026-03-05T00:00:00\.000\+05:30$/),
        },
        {
          callId: 'before-midnight',
          startTimeUtc: LAST_OF_DAY,
          startTimeLocal: expect.stringMatching(/^2026-03-04T23:59:59\.999\+05:30$/),
        },
      ]);
    });

    it('counts each call in its own day of the viewer, from the calls and from the rollup', async () => {
      const perDay = async (filters: Record<string, unknown>) => {
        const response = await post('/call-history/calls/stats', {
          from: '2026-03-04T00:00:00+05:30',
          to: '2026-03-06T00:00:00+05:30',
          tz: 'Asia/Kolkata',
          ...filters,
        }).expect(200);
        return response.body.data.perDay;
      };
      // A number filter reads the calls; none reads whole buckets from the rollup.
      expect(await perDay({ callingNumber: '137*' })).toEqual([
        { day: '2026-03-04', count: 1 },
        { day: '2026-03-05', count: 1 },
      ]);
      expect(await perDay({})).toEqual([
        { day: '2026-03-04', count: 1 },
        { day: '2026-03-05', count: 1 },
      ]);
    });

    describeOnMysql('on MySQL/MariaDB', () => {
      it('stores the UTC wall time in DATETIME while the server runs in +05:30', async () => {
        const [[zones]] = (await knex().raw(
          'SELECT @@global.time_zone AS server, @@session.time_zone AS session'
        )) as [Array<{ server: string; session: string }>];
        expect(zones).toEqual({ server: '+05:30', session: '+05:30' });
        const [rows] = (await knex().raw('SELECT CAST(?? AS CHAR) AS stored FROM ?? WHERE ?? = ?', [
          'start_time',
          table(),
          'call_id',
          'before-midnight',
        ])) as [Array<{ stored: string }>];
        expect(rows).toEqual([{ stored: '2026-03-04 18:29:59.999000' }]);
      });

      it('answers statistics buckets as DATETIME, read in the connection zone as start times are', async () => {
        const { table: names } = callRecordColumns(app.strapi);
        const filters = {
          from: new Date('2026-03-04T00:00:00Z'),
          to: new Date('2026-03-05T00:00:00Z'),
          callingNumber: { match: 'prefix' as const, value: '137' },
          accessCode: null,
        };
        const [rows] = (await bucketCountsSql(knex(), 'mysql', names, filters, null, null)) as [
          Array<{ bucket: unknown }>,
        ];
        // A string would be parsed in the Node process's zone, whatever mysql2's `timezone` says.
        const buckets = rows.map((row) => row.bucket);
        expect(buckets.filter((bucket) => !(bucket instanceof Date))).toEqual([]);
        expect(buckets.map((bucket) => (bucket as Date).toISOString()).sort()).toEqual([
          '2026-03-04T18:15:00.000Z',
          '2026-03-04T18:30:00.000Z',
        ]);
      });
    });
  });
});
