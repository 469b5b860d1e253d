import { parse } from 'csv-parse/sync';

import { UID } from '../../server/src/constants';
import { callRecordColumns } from '../../server/src/database/call-record-columns';
import { callRecordsRepository } from '../../server/src/repositories/call-records';
import { dayBucketCountsSql } from '../../server/src/repositories/call-search-sql';
import { describeOnMysql, describeOnPostgres, describeOnSqlite } from '../helpers/dialect';
import { explainSearch } from '../helpers/search-explain';
import {
  asText,
  bearer,
  createAdminUser,
  createRole,
  startTestApp,
  type TestApp,
} from '../helpers/strapi';
import { ensureDemoBots, generateCalls } from '../support/call-generator';

/** Search over HTTP against an oracle: the same filter through Strapi's own Query Engine. */

const CAP = 50;
const FROM = '2026-03-01T00:00:00Z';
const TO = '2026-03-11T00:00:00Z';

interface Call {
  id: number;
  callId: string;
  callingNumber: string;
  startTime: string;
  [key: string]: unknown;
}
interface Page {
  results: Call[];
  pagination: {
    pageSize: number;
    nextCursor: string | null;
    total: number;
    totalIsCapped: boolean;
  };
}

describe('POST /call-history/calls/search', () => {
  let app: TestApp;
  let token: string;
  let numbers: string[];

  const get = (body: Record<string, unknown>, jwt = token) =>
    app.http().post('/call-history/calls/search').send(body).set(bearer(jwt));
  const stats = (body: Record<string, unknown>, jwt = token) =>
    app.http().post('/call-history/calls/stats').send(body).set(bearer(jwt));
  const firstPage = (body: Record<string, unknown>, jwt = token) =>
    app.http().post('/call-history/calls/page').send(body).set(bearer(jwt));
  const exportCsv = (body: Record<string, unknown>, jwt = token) =>
    app.http().post('/call-history/calls/export').send(body).set(bearer(jwt));

  /** Every page of a search, following nextCursor. */
  const all = async (query: Record<string, string>) => {
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (await get(cursor ? { ...query, cursor } : query).expect(200)).body;
      pages.push(page);
      cursor = page.pagination.nextCursor;
    } while (cursor && pages.length < 500);
    return { pages, ids: pages.flatMap((page) => page.results.map((call) => call.id)) };
  };

  const oracle = async (where: Record<string, unknown>) => {
    const rows = (await app.strapi.db!.query(UID.callRecord).findMany({
      select: ['id'],
      where,
      orderBy: [{ startTime: 'desc' }, { id: 'desc' }],
    })) as Array<{ id: number }>;
    return rows.map((row) => row.id);
  };

  beforeAll(async () => {
    // On SQLite with the day indexes (plugin config sqliteDayIndexes): every shape is read as
    // with them, and the newest matches a day at a time below.
    app = await startTestApp({
      CALL_HISTORY_TOTAL_CAP: String(CAP),
      CALL_HISTORY_SQLITE_DAY_INDEXES: 'true',
    });
    token = app.admin.token;
    await app.strapi
      .plugin('call-history')
      .service('settings')
      .update({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'BOT_LEVEL', CCIVRRECORDFLAG: 'ON' });
    await ensureDemoBots(app.strapi);
    const generated = await generateCalls(app.strapi, {
      count: 3000,
      from: FROM,
      to: TO,
      seed: 11,
      numberPool: 150,
    });
    numbers = generated.numbers;
    expect(generated.stored).toBe(3000);
    // And 12,000 calls in two days: "1*" matches thousands, read through the period index on
    // SQLite; the oracle does not care which index served.
    await generateCalls(app.strapi, {
      count: 12_000,
      from: '2026-04-01T00:00:00Z',
      to: '2026-04-03T00:00:00Z',
      seed: 12,
      callIdPrefix: 'dense',
      deferIndexes: false,
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const period = { from: '2026-03-02T00:00:00+08:00', to: '2026-03-05T00:00:00+08:00' };
  const periodWhere = {
    startTime: { $gte: new Date(period.from), $lt: new Date(period.to) },
  };

  it('answers newest first, with the pagination block and Query-Engine-shaped calls', async () => {
    const response = await get(period).expect(200);
    const body = response.body as Page;
    expect(body.results).toHaveLength(20);
    expect(body.pagination).toEqual({
      pageSize: 20,
      sort: 'startTime:desc',
      nextCursor: expect.any(String),
      total: CAP,
      totalIsCapped: true,
    });
    const [first] = body.results;
    expect(first).toEqual(
      expect.objectContaining({
        id: expect.any(Number),
        callId: expect.any(String),
        startTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        recordingDecision: expect.objectContaining({ recordCall: true }),
        flowRecorded: expect.any(Boolean),
      })
    );
    expect(first).toHaveProperty('flowSteps');
    expect(first).not.toHaveProperty('callingNumberReversed');
    expect(first).not.toHaveProperty('flowTrace');
    const times = body.results.map((call) => Date.parse(call.startTime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('pages through a period exactly like the Query Engine orders it', async () => {
    const { ids } = await all({ ...period, pageSize: '100' });
    expect(ids).toEqual(await oracle(periodWhere));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['an exact number', () => numbers[0], (n: string) => ({ callingNumber: { $eq: n } })],
    ['a prefix', () => '138*', () => ({ callingNumber: { $startsWith: '138' } })],
    ['a +86 prefix', () => '+86139*', () => ({ callingNumber: { $startsWith: '+86139' } })],
    [
      'a suffix',
      () => `*${numbers[1].slice(-3)}`,
      (n: string) => ({ callingNumber: { $endsWith: n.slice(1) } }),
    ],
    // Ranges of thousands of entries over every month, read through the period index.
    ['a broad prefix', () => '1*', () => ({ callingNumber: { $startsWith: '1' } })],
    ['a broad suffix', () => '*8', () => ({ callingNumber: { $endsWith: '8' } })],
  ])('filters by %s', async (_label, pattern, where) => {
    const callingNumber = pattern();
    const expected = await oracle({ ...periodWhere, ...where(callingNumber) });
    expect(expected.length).toBeGreaterThan(0);
    const { ids, pages } = await all({ ...period, callingNumber, pageSize: '20' });
    expect(ids).toEqual(expected);
    expect(pages[0].pagination.total).toBe(Math.min(expected.length, CAP));
    expect(pages[0].pagination.totalIsCapped).toBe(expected.length > CAP);
  });

  // The statistics of a number filter count the newest `totalCap` matches when more match. On
  // SQLite the two-day broad prefix reads them through the period index, in one pass of cap + 1
  // that also tells whether the cap is reached; the others count cap + 1 in the number index's
  // order first, then the newest cap.
  it.each([
    ['two days + a broad prefix', '2026-04-01T00:00:00Z', '2026-04-03T00:00:00Z', '1*'],
    ['one day + a broad suffix', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z', '*8'],
    ['ten days + 138*', FROM, TO, '138*'],
  ])('charts exactly the newest calls up to the cap: %s', async (_label, from, to, number) => {
    const where = {
      startTime: { $gte: new Date(from), $lt: new Date(to) },
      callingNumber: number.startsWith('*')
        ? { $endsWith: number.slice(1) }
        : { $startsWith: number.slice(0, -1) },
    };
    const matches = (await app.strapi.db!.query(UID.callRecord).findMany({
      select: ['startTime', 'accessCode'],
      where,
      orderBy: [{ startTime: 'desc' }, { id: 'desc' }],
    })) as Array<{ startTime: string; accessCode: string }>;
    expect(matches.length).toBeGreaterThan(3);
    const counted = (calls: typeof matches) => {
      const perDay = new Map<string, number>();
      const perCode = new Map<string, number>();
      for (const call of calls) {
        const day = call.startTime.slice(0, 10);
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
        perCode.set(call.accessCode, (perCode.get(call.accessCode) ?? 0) + 1);
      }
      return { perDay, perCode };
    };
    try {
      for (const cap of [3, matches.length - 1, matches.length, CAP]) {
        app.strapi.config.set('plugin.call-history.totalCap', cap);
        const answer = (await stats({ from, to, callingNumber: number, tz: 'UTC' }).expect(200))
          .body.data as {
          perDay: Array<{ day: string; count: number }>;
          perAccessCode: Array<{ accessCode: string; count: number }>;
          isCapped: boolean;
        };
        const want = counted(matches.slice(0, cap));
        expect({
          cap,
          isCapped: answer.isCapped,
          perDay: new Map(
            answer.perDay.filter((day) => day.count > 0).map((day) => [day.day, day.count])
          ),
          perCode: new Map(answer.perAccessCode.map((row) => [row.accessCode, row.count])),
        }).toEqual({ cap, isCapped: matches.length > cap, ...want });
      }
    } finally {
      app.strapi.config.set('plugin.call-history.totalCap', CAP);
    }
  });

  // SQLite's day indexes: the newest matches read a UTC day at a time (domain/search-plan.ts)
  // are the ones the period index reads newest first, whatever the cap, the zone's grouping,
  // prefix or suffix. Forced here: the test data is too small for the plan to need them.
  describeOnSqlite('the newest matches a day at a time (SQLite)', () => {
    const repository = () => callRecordsRepository(app.strapi as never);
    const SHANGHAI_DAY_SHIFT = 16 * 60 * 60 * 1000;

    it.each([
      ['two days + 1*', '2026-04-01T00:00:00Z', '2026-04-03T00:00:00Z', 'prefix', '1'],
      ['two days + *8, local days', '2026-03-31T16:00:00Z', '2026-04-02T16:00:00Z', 'suffix', '8'],
      [
        'ten days + 138*, mid-day edges',
        '2026-03-01T05:30:00Z',
        '2026-03-10T19:15:00Z',
        'prefix',
        '138',
      ],
    ] as const)(
      'counts what the period index counts: %s',
      async (_label, from, to, match, value) => {
        const filters = {
          from: new Date(from),
          to: new Date(to),
          callingNumber: { match, value },
          accessCode: null,
        };
        const planned = await repository().plan(filters, 1);
        const plan = planned ?? {
          page: 'period',
          scan: 'period',
          export: 'period',
          newest: 'period',
        };
        const groups = async (newest: 'day' | 'period', rows: number, shift: number | null) =>
          (await repository().newestBucketCounts(filters, { ...plan, newest }, rows, shift))
            .map((group) => `${group.start} ${group.accessCode} ${group.count} ${group.oldest}`)
            .sort();
        const everything = await repository().newestBucketCounts(
          filters,
          { ...plan, newest: 'period' },
          1_000_000,
          null
        );
        const matches = everything.reduce((sum, group) => sum + group.count, 0);
        expect(matches).toBeGreaterThan(10);
        for (const rows of [1, 7, Math.floor(matches / 2), matches - 1, matches, matches + 5]) {
          for (const shift of [null, 0, SHANGHAI_DAY_SHIFT]) {
            expect({ rows, shift, groups: await groups('day', rows, shift) }).toEqual({
              rows,
              shift,
              groups: await groups('period', rows, shift),
            });
          }
        }
      }
    );

    it('reads a day through its day index: the day, then the number range, index only', async () => {
      const knex = app.strapi.db!.connection;
      const { table } = callRecordColumns(app.strapi as never);
      for (const [match, value, index] of [
        ['prefix', '138', 'call_history_call_records_day_number_code_idx'],
        ['suffix', '8', 'call_history_call_records_day_reversed_number_code_idx'],
      ] as const) {
        const filters = {
          from: new Date(FROM),
          to: new Date(TO),
          callingNumber: { match, value },
          accessCode: null,
        };
        for (const newest of [null, 20]) {
          const { sql, bindings } = dayBucketCountsSql(
            knex,
            table,
            filters,
            20_513,
            newest,
            null
          ).toSQL();
          const plan = (await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings)) as Array<{
            detail: string;
          }>;
          expect(plan.map((row) => row.detail)).toContainEqual(
            expect.stringMatching(
              new RegExp(
                `^SEARCH call_history_call_records USING COVERING INDEX ${index} \\(<expr>=\\? AND`
              )
            )
          );
        }
      }
    });
  });

  it('filters by access code, alone and with a number', async () => {
    const expected = await oracle({ ...periodWhere, accessCode: '2001' });
    expect(expected.length).toBeGreaterThan(CAP);
    expect((await all({ ...period, accessCode: '2001', pageSize: '100' })).ids).toEqual(expected);
    const both = await oracle({
      ...periodWhere,
      accessCode: '2001',
      callingNumber: { $startsWith: '13' },
    });
    expect(
      (await all({ ...period, accessCode: '2001', callingNumber: '13*', pageSize: '100' })).ids
    ).toEqual(both);
  });

  it('finds nothing, with a null cursor, for an unknown access code', async () => {
    const body = (await get({ ...period, accessCode: 'NOPE' }).expect(200)).body as Page;
    expect(body).toEqual({
      results: [],
      pagination: {
        pageSize: 20,
        sort: 'startTime:desc',
        nextCursor: null,
        total: 0,
        totalIsCapped: false,
      },
    });
  });

  it('returns each of many calls sharing one startTime exactly once', async () => {
    const startTime = '2026-03-20T10:00:00.000Z';
    const created: number[] = [];
    for (let i = 0; i < 45; i += 1) {
      const call = (await app.strapi.db!.query(UID.callRecord).create({
        data: {
          callId: `tie-${i}`,
          callingNumber: '13900000000',
          accessCode: '1001',
          startTime,
          endTime: '2026-03-20T10:01:00.000Z',
        },
      })) as { id: number };
      created.push(call.id);
    }
    const query = { from: '2026-03-20T00:00:00Z', to: '2026-03-21T00:00:00Z', pageSize: '20' };
    const { ids, pages } = await all(query);
    expect(pages).toHaveLength(3);
    expect(ids).toEqual([...created].sort((a, b) => b - a));
    expect(pages[pages.length - 1].pagination.nextCursor).toBeNull();
    expect(pages[0].pagination).toMatchObject({ total: 45, totalIsCapped: false });
  });

  it('counts exactly up to the cap', async () => {
    const under = { from: '2026-03-20T00:00:00Z', to: '2026-03-21T00:00:00Z' };
    expect((await get(under).expect(200)).body.pagination).toMatchObject({
      total: 45,
      totalIsCapped: false,
    });
    const ties = await app.strapi.db!.query(UID.callRecord).count({
      where: { callId: { $startsWith: 'tie-' } },
    });
    expect(ties).toBe(45);
    for (let i = 45; i < CAP; i += 1) {
      await app.strapi.db!.query(UID.callRecord).create({
        data: {
          callId: `tie-${i}`,
          callingNumber: '13900000000',
          accessCode: '1001',
          startTime: '2026-03-20T11:00:00.000Z',
          endTime: '2026-03-20T11:01:00.000Z',
        },
      });
    }
    expect((await get(under).expect(200)).body.pagination).toMatchObject({
      total: CAP,
      totalIsCapped: false,
    });
    await app.strapi.db!.query(UID.callRecord).create({
      data: {
        callId: `tie-${CAP}`,
        callingNumber: '13900000000',
        accessCode: '1001',
        startTime: '2026-03-20T12:00:00.000Z',
        endTime: '2026-03-20T12:01:00.000Z',
      },
    });
    expect((await get(under).expect(200)).body.pagination).toMatchObject({
      total: CAP,
      totalIsCapped: true,
    });
  });

  describe('bad input: 400 naming the field, never a 500', () => {
    const cursorOf = async (query: Record<string, string>) =>
      ((await get({ ...query, pageSize: '20' }).expect(200)).body as Page).pagination
        .nextCursor as string;

    it.each<[string, Record<string, string>, string]>([
      ['no from', { to: period.to }, 'from'],
      ['no to', { from: period.from }, 'to'],
      ['from without offset', { ...period, from: '2026-03-02T00:00:00' }, 'from'],
      ['from not a date', { ...period, from: 'last week' }, 'from'],
      ['impossible to', { ...period, to: '2026-02-30T00:00:00Z' }, 'to'],
      ['reversed period', { from: period.to, to: period.from }, 'to'],
      ['period of 32 days', { from: '2026-01-01T00:00:00Z', to: '2026-02-02T00:00:00Z' }, 'to'],
      ['SQL in callingNumber', { ...period, callingNumber: "1' OR 1=1 --" }, 'callingNumber'],
      ['LIKE wildcard in callingNumber', { ...period, callingNumber: '%5678' }, 'callingNumber'],
      ['star on both ends', { ...period, callingNumber: '*56*' }, 'callingNumber'],
      ['SQL in accessCode', { ...period, accessCode: "x'; DROP TABLE users; --" }, 'accessCode'],
      ['pageSize 0', { ...period, pageSize: '0' }, 'pageSize'],
      ['pageSize 10: not one of 20, 50, 100', { ...period, pageSize: '10' }, 'pageSize'],
      ['pageSize 30', { ...period, pageSize: '30' }, 'pageSize'],
      ['unknown sort', { ...period, sort: 'callingNumber:asc' }, 'sort'],
      ['sort without a direction', { ...period, sort: 'startTime' }, 'sort'],
      ['pageSize 1000', { ...period, pageSize: '1000' }, 'pageSize'],
      ['pageSize -5', { ...period, pageSize: '-5' }, 'pageSize'],
      ['garbage cursor', { ...period, cursor: 'not-a-cursor' }, 'cursor'],
      ['cursor with spaces', { ...period, cursor: "' OR 1=1" }, 'cursor'],
      ['unknown tz', { ...period, tz: 'Moon/Base' }, 'tz'],
      ['impossible offset in from', { ...period, from: '2026-03-02T00:00:00+99:00' }, 'from'],
      ['offset beyond -14:00 in to', { ...period, to: '2026-03-05T00:00:00-14:30' }, 'to'],
      ['unknown field', { ...period, orderBy: 'startTime' }, 'orderBy'],
    ])('%s', async (_label, query, path) => {
      const response = await get(query).expect(400);
      expect(response.body).toMatchObject({
        data: null,
        error: { status: 400, name: 'ValidationError' },
      });
      expect(
        response.body.error.details.errors.map((error: { path: string[] }) => error.path[0])
      ).toContain(path);
    });

    it('31 days across a daylight-saving change: whole local days of tz, 24-hour days without', async () => {
      // What the admin sends for 1–31 October in Europe/Berlin: 745 hours.
      const october = { from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00' };
      await get({ ...october, tz: 'Europe/Berlin' }).expect(200);
      const response = await get(october).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['to']);
      const longer = await get({
        ...october,
        to: '2026-11-02T00:00:00+01:00',
        tz: 'Europe/Berlin',
      }).expect(400);
      expect(longer.body.error.details.errors[0].path).toEqual(['to']);
    });

    it('a field given twice, as an array', async () => {
      const response = await get({ ...period, from: [period.from, period.from] }).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['from']);
    });

    it('pageSize as a JSON integer, and fields of the wrong JSON type', async () => {
      const page = (await get({ ...period, pageSize: 50 }).expect(200)).body as Page;
      expect(page.results).toHaveLength(50);
      const response = await get({
        ...period,
        pageSize: 3.5,
        callingNumber: 13800138000,
        accessCode: { $ne: '' },
      }).expect(400);
      expect(
        response.body.error.details.errors.map((error: { path: string[] }) => error.path[0])
      ).toEqual(['callingNumber', 'accessCode', 'pageSize']);
    });

    it('a body that is not an object of fields', async () => {
      const response = await app
        .http()
        .post('/call-history/calls/search')
        .set(bearer(token))
        .send([period])
        .expect(400);
      expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    });

    it('a tampered cursor', async () => {
      const cursor = await cursorOf(period);
      const [payload, signature] = cursor.split('.');
      const [sort, key, id] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [
        string,
        number,
        number,
      ];
      const forged = Buffer.from(JSON.stringify([sort, key, id + 1])).toString('base64url');
      const response = await get({ ...period, cursor: `${forged}.${signature}` }).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['cursor']);
    });

    it('a cursor from another search', async () => {
      const cursor = await cursorOf({ ...period, accessCode: '2001' });
      const response = await get({ ...period, accessCode: '1001', cursor }).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['cursor']);
      // The same cursor with its own filters, and another page size, is fine.
      await get({ ...period, accessCode: '2001', cursor, pageSize: '50' }).expect(200);
    });
  });

  describe('permissions', () => {
    it('refuses an anonymous request', async () => {
      await app.http().post('/call-history/calls/search').send(period).expect(401);
      await app.http().post('/call-history/calls/stats').send(period).expect(401);
      await app.http().post('/call-history/calls/export').send(period).expect(401);
    });

    it('no longer answers the GET forms that took the filters in the URL', async () => {
      // /calls now opens nothing, /stats is gone, /calls/export is the call called "export".
      await app.http().get('/call-history/calls').query(period).set(bearer(token)).expect(404);
      await app.http().get('/call-history/stats').query(period).set(bearer(token)).expect(404);
      const exported = await app
        .http()
        .get('/call-history/calls/export')
        .query(period)
        .set(bearer(token))
        .expect(404);
      expect(exported.body.error).toMatchObject({ name: 'NotFoundError' });
    });

    it('lets an Agent search and read details, not export', async () => {
      const agent = await createAdminUser(app, 'agent@call-history.test', ['Agent']);
      await get(period, agent).expect(200);
      const call = ((await get(period, agent).expect(200)).body as Page).results[0];
      await app.http().get(`/call-history/calls/${call.callId}`).set(bearer(agent)).expect(200);
      await stats(period, agent).expect(200);
      await firstPage(period, agent).expect(200);
      await exportCsv(period, agent).expect(403);
      await app
        .http()
        .post('/call-history/calls/export/ticket')
        .send(period)
        .set(bearer(agent))
        .expect(403);
    });

    it('refuses search, details, stats and export without calls.* actions', async () => {
      await createRole(app, 'Settings reader', ['plugin::call-history.settings.read']);
      const reader = await createAdminUser(app, 'reader@call-history.test', ['Settings reader']);
      await get(period, reader).expect(403);
      await app.http().get('/call-history/calls/tie-1').set(bearer(reader)).expect(403);
      await stats(period, reader).expect(403);
      await firstPage(period, reader).expect(403);
      await exportCsv(period, reader).expect(403);
    });
  });

  it('pages a broad prefix (dense matches) exactly like a narrow one', async () => {
    const dense = { from: '2026-04-01T00:00:00Z', to: '2026-04-03T00:00:00Z' };
    const expected = await oracle({
      startTime: { $gte: new Date(dense.from), $lt: new Date(dense.to) },
      callingNumber: { $startsWith: '1' },
    });
    expect(expected.length).toBeGreaterThan(5000);
    const first: Page = (await get({ ...dense, callingNumber: '1*', pageSize: '100' }).expect(200))
      .body;
    expect(first.results.map((call) => call.id)).toEqual(expected.slice(0, 100));
    expect(first.pagination).toMatchObject({ total: CAP, totalIsCapped: true });
    const second: Page = (
      await get({
        ...dense,
        callingNumber: '1*',
        pageSize: '100',
        cursor: first.pagination.nextCursor as string,
      }).expect(200)
    ).body;
    expect(second.results.map((call) => call.id)).toEqual(expected.slice(100, 200));
  });

  /** The search shapes whose plans are checked, in SearchFilters form. */
  const filters = {
    from: new Date(period.from),
    to: new Date(period.to),
    callingNumber: null,
    accessCode: null,
  };
  const day = { from: new Date('2026-03-03T00:00:00Z'), to: new Date('2026-03-04T00:00:00Z') };
  const emptyDay = {
    from: new Date('2026-05-03T00:00:00Z'),
    to: new Date('2026-05-04T00:00:00Z'),
  };
  const broadDay = { ...day, callingNumber: { match: 'prefix', value: '1' }, accessCode: null };
  const denseDays = {
    from: new Date('2026-04-01T00:00:00Z'),
    to: new Date('2026-04-03T00:00:00Z'),
    callingNumber: { match: 'prefix', value: '1' },
    accessCode: null,
  };
  /** A function: `numbers` is known once the calls are generated. */
  const searchShapes = () => ({
    'period only': filters,
    '+ exact': { ...filters, callingNumber: { match: 'exact', value: numbers[0] } },
    '+ prefix': { ...filters, callingNumber: { match: 'prefix', value: '138' } },
    '+ broad prefix, dense matches': denseDays,
    '1 day + broad prefix': broadDay,
    '1 day + broad suffix': { ...broadDay, callingNumber: { match: 'suffix', value: '8' } },
    'empty day + broad prefix': { ...broadDay, ...emptyDay },
    '+ suffix': { ...filters, callingNumber: { match: 'suffix', value: '5678' } },
    '+ access code': { ...filters, accessCode: '2001' },
    '+ access code and suffix': {
      ...filters,
      accessCode: '2001',
      callingNumber: { match: 'suffix', value: '5678' },
    },
  });
  const SHAPE_CURSOR = { startTime: Date.parse('2026-03-03T00:00:00Z'), id: 1500 };

  // The plans are SQLite's (EXPLAIN QUERY PLAN); PostgreSQL's planner chooses on its own.
  describeOnSqlite(
    'the index of a prefix or suffix search (SQLite: no SCAN of the call table)',
    () => {
      const explain = (filters: object, after?: { startTime: number; id: number } | null) =>
        explainSearch(app.strapi, filters, after);
      const PERIOD_IDX = 'call_history_call_records_period_number_code_idx';
      const NUMBER_IDX = 'call_history_call_records_number_period_code_idx';
      const REVERSED_IDX = 'call_history_call_records_reversed_number_period_code_idx';
      const SEARCH_INDEXES = [
        PERIOD_IDX,
        NUMBER_IDX,
        REVERSED_IDX,
        'call_history_call_records_access_code_period_idx',
      ];
      /**
       * A plan line read through exactly one of these indexes: the whole name, so a longer name
       * that starts with it does not count. `kind`: COVERING or not, or either.
       */
      const usingIndex = (names: string[], kind = '(COVERING )?') =>
        new RegExp(`USING ${kind}INDEX (${names.join('|')})( |$)`, 'm');
      /** The plan lines of the page (first statement) and of the capped count (second). */
      const pageAndCount = (plan: string[]) => {
        const count = plan.indexOf('CO-ROUTINE capped');
        return { page: plan.slice(0, count).join('\n'), count: plan[count + 1] };
      };
      it('serves every search shape from an index', async () => {
        for (const [shape, shapeFilters] of Object.entries(searchShapes())) {
          for (const after of [null, SHAPE_CURSOR]) {
            const plan = await explain(shapeFilters, after);
            expect({ shape, after, plan }).toEqual({
              shape,
              after,
              plan: expect.arrayContaining([
                expect.stringMatching(
                  new RegExp(
                    `^SEARCH call_history_call_records ${usingIndex(SEARCH_INDEXES).source}`
                  )
                ),
              ]),
            });
            expect(plan.filter((line) => /SCAN call_history_call_records\b/.test(line))).toEqual(
              []
            );
          }
        }
      });

      it('reads few matches in a small number range through the number index', async () => {
        const suffix = pageAndCount(
          await explain({ ...filters, callingNumber: { match: 'suffix', value: '5678' } })
        );
        expect(suffix.page).toMatch(usingIndex([REVERSED_IDX]));
        expect(suffix.count).toMatch(usingIndex([REVERSED_IDX]));
        const prefix = pageAndCount(
          await explain({ ...filters, callingNumber: { match: 'prefix', value: '138' } })
        );
        expect(prefix.page).toMatch(usingIndex([NUMBER_IDX]));
        expect(prefix.count).toMatch(usingIndex([NUMBER_IDX]));
      });

      it('finds a page of dense matches through the period index', async () => {
        const { page } = pageAndCount(await explain(denseDays));
        expect(page).toMatch(usingIndex([PERIOD_IDX]));
      });

      it('reads a short period through the period index when the number range spans every month', async () => {
        // "1*" is thousands of index entries over March and April; one day is a few hundred calls.
        const range = await app.strapi.db!.query(UID.callRecord).count({
          where: { callingNumber: { $startsWith: '1' } },
        });
        expect(range).toBeGreaterThan(5000);
        for (const shape of [broadDay, { ...broadDay, ...emptyDay }]) {
          const { page, count } = pageAndCount(await explain(shape));
          expect({ shape, page, count }).toEqual({
            shape,
            page: expect.stringMatching(usingIndex([PERIOD_IDX], '')),
            count: expect.stringMatching(usingIndex([PERIOD_IDX])),
          });
        }
      });
    }
  );

  // PostgreSQL plans with its own statistics, but misjudges broad number filters; where the
  // plugin's samples choose the period index, the number is checked on the number that index
  // carries, in a form no index serves alone (repositories/search-index-plan.ts).
  describeOnPostgres('the index of a broad number search of one day (PostgreSQL)', () => {
    /** EXPLAIN's lines per statement: each statement's plan starts at its unindented root. */
    const statements = (plan: string[]) =>
      plan.reduce<string[][]>((groups, line) => {
        if (!line.startsWith(' ')) groups.push([]);
        groups[groups.length - 1]!.push(line);
        return groups;
      }, []);
    const period = {
      page: 'period',
      newest: 'period',
      scan: 'period',
      export: 'period',
    } as const;

    it.each([
      {
        match: 'suffix',
        value: '8',
        numberIndex: 'call_history_call_records_reversed_number_period_code_idx',
        check: /\(calling_number\)::text ~~ '%8'::text/,
      },
      {
        match: 'prefix',
        value: '1',
        numberIndex: 'call_history_call_records_number_period_code_idx',
        check: /\(\(calling_number\)::text ~~ '1%'::text\) IS TRUE/,
      },
    ])(
      'checks a $match on the number, off its number index, in the page and the count',
      async ({ match, value, numberIndex, check }) => {
        // The plan is given: which index the plugin's samples choose on this small data is
        // unit-tested (tests/unit/repositories/search-index-plan.test.ts).
        const shape = { ...broadDay, callingNumber: { match, value } };
        // The page, the capped count, then the plugin's two samples (which read the number range).
        const [page, count, ...samples] = statements(
          await explainSearch(app.strapi, shape, null, 'startTime:desc', period)
        );
        for (const plan of [page!.join('\n'), count!.join('\n')]) {
          expect(plan).not.toContain(numberIndex);
          expect(plan).toMatch(check);
        }
        expect(samples).toHaveLength(2);
      }
    );

    // On this small data the plugin's own samples find the range short: they choose it.
    it("reads a day's broad suffix through the reversed-number range where the samples choose it", async () => {
      const shape = { ...broadDay, callingNumber: { match: 'suffix', value: '8' } };
      const [own] = statements(await explainSearch(app.strapi, shape));
      expect(own!.join('\n')).toContain(
        'call_history_call_records_reversed_number_period_code_idx'
      );
    });
  });

  // MySQL and MariaDB choose with their own range estimates (repositories/search-index-plan.ts):
  // EXPLAIN shows one row per table read, `table access-type index extra`.
  describeOnMysql('the index of every search shape (MySQL/MariaDB: the planner chooses)', () => {
    const TABLE = 'call_history_call_records';
    const SEARCH_INDEXES = [
      'call_history_call_records_period_number_code_idx',
      'call_history_call_records_number_period_code_idx',
      'call_history_call_records_reversed_number_period_code_idx',
      'call_history_call_records_access_code_period_idx',
    ];
    const throughIndex = (names: string[]) =>
      new RegExp(`^${TABLE} (range|ref) (${names.join('|')})( |$)`);
    /** The plan rows of the page (first statement) and of the capped count's inner read. */
    const pageAndCount = (plan: string[]) => {
      const count = plan.findIndex((line) => line.startsWith('<derived'));
      return { page: plan.slice(0, count), count: plan.slice(count + 1) };
    };

    it('serves every search shape from a search index, never a full scan', async () => {
      for (const [shape, shapeFilters] of Object.entries(searchShapes())) {
        for (const after of [null, SHAPE_CURSOR]) {
          const plan = await explainSearch(app.strapi, shapeFilters, after);
          const reads = plan.filter((line) => line.startsWith(`${TABLE} `));
          // A cursor before the period leaves nothing to read: MySQL sees that without a table.
          const nothingToRead = plan.filter((line) => /Impossible WHERE/.test(line));
          expect({ shape, after, reads, statements: reads.length + nothingToRead.length }).toEqual({
            shape,
            after,
            reads: reads.map(() => expect.stringMatching(throughIndex(SEARCH_INDEXES))),
            statements: 2,
          });
        }
      }
    });

    it('reads a small suffix range through the reversed number index, dense matches through the period index', async () => {
      const suffix = pageAndCount(
        await explainSearch(app.strapi, {
          ...filters,
          callingNumber: { match: 'suffix', value: '5678' },
        })
      );
      const reversed = throughIndex(['call_history_call_records_reversed_number_period_code_idx']);
      expect(suffix).toEqual({
        page: [expect.stringMatching(reversed)],
        count: [expect.stringMatching(reversed)],
      });
      const dense = pageAndCount(await explainSearch(app.strapi, denseDays));
      expect(dense.page).toEqual([
        expect.stringMatching(throughIndex(['call_history_call_records_period_number_code_idx'])),
      ]);
    });

    it('reads a duration sort from the period index only, then the page rows by id', async () => {
      for (const sort of ['durationSeconds:desc', 'durationSeconds:asc'] as const) {
        const plan = await explainSearch(app.strapi, filters, { key: 120, id: 1500 }, sort);
        expect(plan).toEqual(
          expect.arrayContaining([
            expect.stringMatching(
              new RegExp(
                `^${TABLE} range call_history_call_records_period_number_code_idx .*Using index`
              )
            ),
            expect.stringMatching(new RegExp(`^${TABLE} eq_ref PRIMARY`)),
          ])
        );
      }
    });
  });

  it('pages and counts one day of a broad prefix, and an empty day, like the Query Engine', async () => {
    for (const day of [
      { from: '2026-03-03T00:00:00+08:00', to: '2026-03-04T00:00:00+08:00' },
      { from: '2026-05-03T00:00:00+08:00', to: '2026-05-04T00:00:00+08:00' },
    ]) {
      const expected = await oracle({
        startTime: { $gte: new Date(day.from), $lt: new Date(day.to) },
        callingNumber: { $startsWith: '1' },
      });
      const { ids, pages } = await all({ ...day, callingNumber: '1*', pageSize: '50' });
      expect(ids).toEqual(expected);
      expect(pages[0].pagination.total).toBe(Math.min(expected.length, CAP));
    }
  });

  describe('sorts: start time or duration, either way, keyset-paged', () => {
    type Sort = 'startTime:desc' | 'startTime:asc' | 'durationSeconds:desc' | 'durationSeconds:asc';
    const SORTS: Sort[] = [
      'startTime:desc',
      'startTime:asc',
      'durationSeconds:desc',
      'durationSeconds:asc',
    ];
    const sorted = async (where: Record<string, unknown>, sort: Sort) => {
      const [attribute, direction] = sort.split(':');
      const rows = (await app.strapi.db!.query(UID.callRecord).findMany({
        select: ['id'],
        where,
        orderBy: [{ [attribute]: direction }, { id: direction }],
      })) as Array<{ id: number }>;
      return rows.map((row) => row.id);
    };

    it.each(SORTS)('%s: every page in the order of the Query Engine, ties by id', async (sort) => {
      const expected = await sorted(periodWhere, sort);
      // Durations repeat (a generator's calls last whole seconds): ties are many.
      const { ids, pages } = await all({ ...period, sort, pageSize: '100' });
      expect(ids).toEqual(expected);
      expect(pages[0].pagination).toMatchObject({ sort, pageSize: 100 });
      expect(pages[pages.length - 1].pagination.nextCursor).toBeNull();
    });

    it.each(SORTS)('%s with a number and an access code', async (sort) => {
      const where = { ...periodWhere, callingNumber: { $startsWith: '13' }, accessCode: '2001' };
      const expected = await sorted(where, sort);
      expect(expected.length).toBeGreaterThan(0);
      const { ids } = await all({
        ...period,
        callingNumber: '13*',
        accessCode: '2001',
        sort,
        pageSize: '20',
      });
      expect(ids).toEqual(expected);
    });

    it('orders by duration within the period only', async () => {
      const page = (await get({ ...period, sort: 'durationSeconds:desc' }).expect(200))
        .body as Page;
      const durations = page.results.map((call) => call.durationSeconds as number);
      expect([...durations].sort((a, b) => b - a)).toEqual(durations);
      for (const call of page.results) {
        expect(Date.parse(call.startTime)).toBeGreaterThanOrEqual(Date.parse(period.from));
        expect(Date.parse(call.startTime)).toBeLessThan(Date.parse(period.to));
      }
    });

    it('refuses a cursor issued for another sort, naming cursor', async () => {
      const first = (await get({ ...period, sort: 'durationSeconds:desc' }).expect(200))
        .body as Page;
      const cursor = first.pagination.nextCursor as string;
      for (const sort of ['durationSeconds:asc', 'startTime:desc']) {
        const response = await get({ ...period, sort, cursor }).expect(400);
        expect(response.body.error.details.errors[0].path).toEqual(['cursor']);
        expect(response.body.error.message).toMatch(/sort durationSeconds:desc/);
      }
      // Without a sort, the default (newest first) is asked: still another sort.
      await get({ ...period, cursor }).expect(400);
      await get({ ...period, sort: 'durationSeconds:desc', cursor }).expect(200);
    });

    it('exports in the chosen sort', async () => {
      for (const sort of ['durationSeconds:asc', 'startTime:asc'] as Sort[]) {
        const response = await exportCsv({ ...period, sort })
          .buffer(true)
          .parse(asText)
          .expect(200);
        const rows = parse(response.body as string, { columns: true, bom: true }) as Array<{
          callId: string;
        }>;
        const callIds = rows.map((row) => row.callId);
        const expected = (await app.strapi.db!.query(UID.callRecord).findMany({
          select: ['callId'],
          where: periodWhere,
          orderBy: [{ [sort.split(':')[0]]: 'asc' }, { id: 'asc' }],
        })) as Array<{ callId: string }>;
        expect(callIds).toEqual(expected.map((row) => row.callId));
      }
      // The download link keeps the sort it was issued with.
      const ticket = await app
        .http()
        .post('/call-history/calls/export/ticket')
        .set(bearer(token))
        .send({ ...period, sort: 'durationSeconds:desc' })
        .expect(200);
      const downloaded = await app
        .http()
        .get(ticket.body.data.url as string)
        .buffer(true)
        .parse(asText)
        .expect(200);
      const longestFirst = (await app.strapi.db!.query(UID.callRecord).findMany({
        select: ['callId'],
        where: periodWhere,
        orderBy: [{ durationSeconds: 'desc' }, { id: 'desc' }],
      })) as Array<{ callId: string }>;
      expect(
        (
          parse(downloaded.body as string, { columns: true, bom: true }) as Array<{
            callId: string;
          }>
        ).map((row) => row.callId)
      ).toEqual(longestFirst.map((row) => row.callId));
      const refused = await exportCsv({ ...period, sort: 'id:asc' }).expect(400);
      expect(refused.body.error.details.errors[0].path).toEqual(['sort']);
    });

    describeOnSqlite('the index of a sort (SQLite)', () => {
      const PERIOD_IDX = 'call_history_call_records_period_number_code_idx';
      const filters = {
        from: new Date(period.from),
        to: new Date(period.to),
        callingNumber: null,
        accessCode: null,
      };
      const pageOf = (plan: string[]) =>
        plan.slice(0, plan.indexOf('CO-ROUTINE capped')).join('\n');

      it('reads a duration sort from the period index only, sorting its (duration, id) entries', async () => {
        for (const sort of ['durationSeconds:desc', 'durationSeconds:asc'] as Sort[]) {
          for (const after of [null, { key: 120, id: 1500 }]) {
            const plan = await explainSearch(app.strapi, filters, after, sort);
            expect(pageOf(plan)).toMatch(
              new RegExp(`USING COVERING INDEX ${PERIOD_IDX}( |$)`, 'm')
            );
            expect(plan.filter((line) => /SCAN call_history_call_records\b/.test(line))).toEqual(
              []
            );
          }
        }
      });

      it('reads a time sort in the period index order, either way: no sort step', async () => {
        for (const sort of ['startTime:desc', 'startTime:asc'] as Sort[]) {
          for (const after of [null, { key: Date.parse('2026-03-03T00:00:00Z'), id: 1500 }]) {
            const page = pageOf(await explainSearch(app.strapi, filters, after, sort));
            expect(page).toMatch(new RegExp(`USING INDEX ${PERIOD_IDX}( |$)`, 'm'));
            expect(page).not.toMatch(/TEMP B-TREE/);
          }
        }
      });
    });
  });
});
