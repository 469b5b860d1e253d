import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';

import { UID } from '../../server/src/constants';
import { csvColumns, neutraliseFormula } from '../../server/src/domain/call-csv';
import { maskCall, type NumberMaskRule } from '../../server/src/domain/number-mask';
import { asText, bearer, startTestApp, type TestApp } from '../helpers/strapi';
import { ensureDemoBots, generateCalls } from '../support/call-generator';

const FROM = '2026-03-01T00:00:00Z';
const TO = '2026-03-15T00:00:00Z';

describe('Call Details, CSV export and statistics', () => {
  let app: TestApp;
  const auth = () => bearer(app.admin.token);
  const db = () => app.strapi.db!.query(UID.callRecord);
  const post = (route: string, body: Record<string, unknown>) =>
    app.http().post(route).send(body).set(auth());
  const exportCsv = (body: Record<string, unknown>) =>
    post('/call-history/calls/export', body).buffer(true).parse(asText);
  /** The CSV's records by header; the BOM the export starts with is not part of the first one. */
  const records = (text: string) =>
    parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;

  beforeAll(async () => {
    app = await startTestApp({ CALL_HISTORY_HOST_EXTENSION: 'off' });
    await app.strapi
      .plugin('call-history')
      .service('settings')
      .update({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'BOT_LEVEL', CCIVRRECORDFLAG: 'OFF' });
    await ensureDemoBots(app.strapi);
    await app.strapi.db!.query(UID.chatbot).create({
      data: {
        name: 'Billing, "VIP"\nline',
        accessCode: '3001',
        historicalCallRecord: true,
        flowCallRecording: true,
      },
    });
    const generated = await generateCalls(app.strapi, {
      count: 2500,
      from: FROM,
      to: TO,
      seed: 5,
      accessCodes: ['1001', '1002', '2001', '3001'],
    });
    expect(generated.stored).toBe(2500);
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('GET /call-history/calls/:callId', () => {
    const trace = [
      { seq: 1, at: '2026-04-01T10:00:00.000Z', nodeId: 'a', nodeName: 'Start', nodeType: 'start' },
      { seq: 2, at: '2026-04-01T10:00:30.000Z', nodeId: 'b', nodeName: 'Menu', nodeType: 'menu' },
      { seq: 3, at: '2026-04-01T10:01:00.500Z', nodeId: 'e', nodeName: 'Err', nodeType: 'sys_err' },
    ];

    it('answers the call, its marked trace and its recording decision', async () => {
      await db().create({
        data: {
          callId: 'details-1',
          callingNumber: '+8613800138000',
          calledNumber: '4001234567',
          accessCode: '1001',
          startTime: '2026-04-01T10:00:00.000Z',
          endTime: '2026-04-01T10:01:00.000Z',
          endReason: 'USER_HANGUP',
          flowTrace: trace,
        },
      });
      const response = await app
        .http()
        .get('/call-history/calls/details-1')
        .set(auth())
        .expect(200);
      const call = response.body.data;
      // Masked for every admin, the Super Admin included (privacy-masking.test.ts reveals).
      expect(call).toMatchObject({
        callId: 'details-1',
        callingNumber: '+861******8000',
        calledNumber: '40****4567',
        botKind: 'INTELLIGENT_ROBOT',
        botName: 'Billing assistant',
        startTime: '2026-04-01T10:00:00.000Z',
        endTime: '2026-04-01T10:01:00.000Z',
        durationSeconds: 60,
        endReason: 'USER_HANGUP',
        flowSteps: 3,
        recordingDecision: {
          recordCall: true,
          recordFlow: true,
          flow: { flag: 'FLOWRECORDFLAG', flagValue: 'BOT_LEVEL' },
        },
      });
      expect(call).not.toHaveProperty('callingNumberReversed');
      expect(
        call.flowTrace.map((step: { seq: number; afterHangup: boolean; benign: boolean }) => [
          step.seq,
          step.afterHangup,
          step.benign,
        ])
      ).toEqual([
        [1, false, false],
        [2, false, false],
        [3, true, true],
      ]);
    });

    it('marks every step by the one sys_err rule: its nodeType or its resultCode, in any case', async () => {
      await db().create({
        data: {
          callId: 'details-result-code',
          callingNumber: '+8613800138001',
          accessCode: '1001',
          startTime: '2026-04-01T10:00:00.000Z',
          endTime: '2026-04-01T10:01:00.000Z',
          flowTrace: [
            {
              seq: 1,
              at: '2026-04-01T10:00:10Z',
              nodeId: 'a',
              nodeName: 'Lookup',
              nodeType: 'service',
              resultCode: 'SYS_ERR',
            },
            // On a normal node at the hang-up: the documented quirk, benign.
            {
              seq: 2,
              at: '2026-04-01T18:01:00+08',
              nodeId: 'b',
              nodeName: 'Bye',
              nodeType: 'menu',
              resultCode: 'sys_err',
            },
            {
              seq: 3,
              at: '2026-04-01T10:01:02Z',
              nodeId: 'c',
              nodeName: 'Cleanup',
              nodeType: 'menu',
              resultCode: 'OK',
            },
          ],
        },
      });
      const call = (
        await app.http().get('/call-history/calls/details-result-code').set(auth()).expect(200)
      ).body.data;
      expect(
        call.flowTrace.map(
          (step: { seq: number; sysErr: boolean; afterHangup: boolean; benign: boolean }) => [
            step.seq,
            step.sysErr,
            step.afterHangup,
            step.benign,
          ]
        )
      ).toEqual([
        [1, true, false, false],
        [2, true, true, true],
        [3, false, true, false],
      ]);
    });

    it('says why a flow is missing', async () => {
      await db().create({
        data: {
          callId: 'details-ivr',
          callingNumber: '13800138000',
          accessCode: '2001',
          startTime: '2026-04-01T11:00:00.000Z',
          endTime: '2026-04-01T11:01:00.000Z',
          flowTrace: trace,
        },
      });
      const call = (await app.http().get('/call-history/calls/details-ivr').set(auth()).expect(200))
        .body.data;
      expect(call.flowTrace).toBeNull();
      expect(call.flowSteps).toBeNull();
      expect(call.recordingDecision).toMatchObject({
        recordFlow: false,
        reason: 'CCIVRRECORDFLAG is OFF',
      });
    });

    it('answers 404 for an unknown call', async () => {
      const response = await app
        .http()
        .get('/call-history/calls/no-such-call')
        .set(auth())
        .expect(404);
      expect(response.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    });

    it.each(['export', 'search', 'stats'])(
      'opens a call whose callId is "%s", a word the routes use',
      async (callId) => {
        await db().create({
          data: {
            callId,
            callingNumber: '13800138000',
            accessCode: '1001',
            startTime: '2026-04-03T10:00:00.000Z',
            endTime: '2026-04-03T10:01:00.000Z',
          },
        });
        const response = await app
          .http()
          .get(`/call-history/calls/${callId}`)
          .set(auth())
          .expect(200);
        expect(response.body.data).toMatchObject({ callId, accessCode: '1001' });
      }
    );
  });

  describe('POST /call-history/calls/export', () => {
    const period = { from: '2026-03-02T00:00:00+08:00', to: '2026-03-09T00:00:00+08:00' };

    it('streams the whole search as CSV, quoted, with times in UTC and in tz', async () => {
      const response = await exportCsv({ ...period, tz: 'Asia/Shanghai' }).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="call-history_20260302T0000_20260309T0000.csv"'
      );
      const rows = records(response.body as string);
      const expected = (await db().findMany({
        select: ['callId', 'startTime', 'botName', 'flowSteps', 'flowTrace'],
        where: { startTime: { $gte: new Date(period.from), $lt: new Date(period.to) } },
        orderBy: [{ startTime: 'desc' }, { id: 'desc' }],
      })) as Array<{
        callId: string;
        startTime: string;
        botName: string | null;
        flowSteps: number | null;
        flowTrace: unknown[] | null;
      }>;
      // More than one export batch (1,000 rows), no cap.
      expect(expected.length).toBeGreaterThan(1000);
      expect(rows.map((record) => record.callId)).toEqual(expected.map((row) => row.callId));
      expect(Object.keys(rows[0])).toEqual([
        'callId',
        'callingNumber',
        'calledNumber',
        'accessCode',
        'botKind',
        'botName',
        'startTimeUtc',
        'startTimeLocal',
        'endTimeUtc',
        'endTimeLocal',
        'timeZone',
        'durationSeconds',
        'endReason',
        'flowRecorded',
        'flowSteps',
        'recordingReason',
      ]);
      for (const [index, record] of rows.entries()) {
        expect(record.startTimeUtc).toBe(expected[index].startTime);
        expect(record.startTimeLocal).toBe(
          DateTime.fromISO(expected[index].startTime, { zone: 'Asia/Shanghai' }).toISO()
        );
        expect(record.botName).toBe(expected[index].botName ?? '');
        // The stored count is the trace's length (the export reads the count, not the trace).
        expect(record.flowSteps).toBe(String(expected[index].flowTrace?.length ?? ''));
        expect(record.flowSteps).toBe(String(expected[index].flowSteps ?? ''));
      }
      // The bot name with a comma, quotes and a newline survived the round trip.
      expect(rows.some((record) => record.botName === 'Billing, "VIP"\nline')).toBe(true);
      expect(rows.some((record) => record.flowRecorded === 'true')).toBe(true);
      expect(rows.some((record) => Number(record.flowSteps) > 0)).toBe(true);
    });

    it('starts with a UTF-8 byte order mark, so Excel reads Chinese names right', async () => {
      await app.strapi.db!.query(UID.chatbot).create({
        data: { name: '账单助手', accessCode: '3002', historicalCallRecord: true },
      });
      await db().create({
        data: {
          callId: 'csv-chinese',
          callingNumber: '13800138000',
          accessCode: '3002',
          startTime: '2026-04-04T10:00:00.000Z',
          endTime: '2026-04-04T10:01:00.000Z',
        },
      });
      const response = await exportCsv({
        from: '2026-04-04T00:00:00Z',
        to: '2026-04-05T00:00:00Z',
      }).expect(200);
      const text = response.body as string;
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.slice(1).startsWith('callId,')).toBe(true);
      expect(records(text)[0]).toMatchObject({ callId: 'csv-chinese', botName: '账单助手' });
    });

    it('says flowRecorded from the decision, and neutralises formulas but not numbers', async () => {
      // Kept with flow recording on (1001: Billing assistant, FLOWRECORDFLAG BOT_LEVEL, switch
      // on), no trace sent; an end reason and a custom name that a spreadsheet would run.
      await db().create({
        data: {
          callId: 'csv-formula',
          callingNumber: '+8613800138000',
          accessCode: '1001',
          startTime: '2026-04-02T10:00:00.000Z',
          endTime: '2026-04-02T10:01:00.000Z',
          endReason: '=HYPERLINK("http://evil.test","click")',
        },
      });
      await db().create({
        data: {
          callId: 'csv-no-flow',
          callingNumber: '13800138000',
          accessCode: '1002',
          startTime: '2026-04-02T11:00:00.000Z',
          endTime: '2026-04-02T11:01:00.000Z',
          endReason: '@SUM(1+1)',
        },
      });
      // Full numbers, so the plain-number rule is what is checked: a masked one is not plain.
      const response = await exportCsv({
        from: '2026-04-02T00:00:00Z',
        to: '2026-04-03T00:00:00Z',
        reveal: true,
        reason: 'check the formula rule on full numbers',
      }).expect(200);
      const byId = Object.fromEntries(
        records(response.body as string).map((record) => [record.callId, record])
      );
      expect(byId['csv-formula']).toMatchObject({
        callingNumber: '+8613800138000',
        endReason: `'=HYPERLINK("http://evil.test","click")`,
        flowRecorded: 'true',
        flowSteps: '',
      });
      expect(byId['csv-no-flow']).toMatchObject({
        endReason: "'@SUM(1+1)",
        flowRecorded: 'false',
      });
    });

    it('writes the bytes of luxon and csv-stringify: a daylight-saving day, quoted text', async () => {
      // Europe/Berlin springs forward on 2026-03-29 at 01:00 UTC (02:00 → 03:00 local).
      const texts = ['ended, "badly"\nagain', '=1+1', 'plain', 'a\rb', '  spaced  '];
      for (let i = 0; i < 40; i += 1) {
        const start = Date.parse('2026-03-28T23:05:00.000Z') + i * 7 * 60_000 + i * 13;
        await db().create({
          data: {
            callId: `csv-dst-${i}`,
            callingNumber: i % 2 ? '+8613800138000' : '13800138000',
            calledNumber: i % 3 ? '10086' : null,
            accessCode: '3001',
            startTime: new Date(start).toISOString(),
            endTime: new Date(start + 65_432).toISOString(),
            endReason: texts[i % texts.length],
          },
        });
      }
      const period = { from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00' };
      const calls = (await db().findMany({
        where: { startTime: { $gte: new Date(period.from), $lt: new Date(period.to) } },
        orderBy: [{ startTime: 'desc' }, { id: 'desc' }],
      })) as Array<Record<string, unknown>>;
      expect(calls.length).toBeGreaterThanOrEqual(40);
      const { numberMask } = app.strapi.config.get('plugin.call-history') as {
        numberMask: NumberMaskRule;
      };
      // The export as it was written before the batch writer: luxon per time, csv-stringify.
      const reference = (masked: boolean) => {
        const local = (value: unknown) =>
          DateTime.fromJSDate(new Date(value as string), { zone: 'Europe/Berlin' }).toISO({
            suppressMilliseconds: false,
          }) ?? '';
        const text = (value: unknown) =>
          value === null || value === undefined ? '' : String(value);
        const rows = calls.map((raw) => {
          const call = masked ? maskCall(raw, [], numberMask) : raw;
          const decision = call.recordingDecision as {
            reason?: string;
            recordFlow?: boolean;
          } | null;
          return [
            text(call.callId),
            text(call.callingNumber),
            text(call.calledNumber),
            text(call.accessCode),
            text(call.botKind),
            text(call.botName),
            new Date(call.startTime as string).toISOString(),
            local(call.startTime),
            new Date(call.endTime as string).toISOString(),
            local(call.endTime),
            'Europe/Berlin',
            text(call.durationSeconds),
            text(call.endReason),
            String(decision?.recordFlow ?? typeof call.flowSteps === 'number'),
            text(call.flowSteps),
            decision?.reason ?? '',
          ].map(neutraliseFormula);
        });
        return stringify(rows, { bom: true, header: true, columns: csvColumns([]) });
      };
      const masked = await exportCsv({ ...period, tz: 'Europe/Berlin' }).expect(200);
      expect(masked.body).toBe(reference(true));
      const revealed = await exportCsv({
        ...period,
        tz: 'Europe/Berlin',
        reveal: true,
        reason: 'compare the bytes',
      }).expect(200);
      expect(revealed.body).toBe(reference(false));
      expect(revealed.body).toContain('"ended, ""badly""\nagain"');
      expect(revealed.body).toContain('+01:00');
      expect(revealed.body).toContain('+02:00');
    });

    it('refuses a bad tz and a bad period, naming them', async () => {
      const response = await post('/call-history/calls/export', {
        from: period.to,
        to: period.from,
        tz: 'Asia/Nowhere',
      }).expect(400);
      expect(
        response.body.error.details.errors.map((error: { path: string[] }) => error.path[0])
      ).toEqual(['to', 'tz']);
    });
  });

  describe('period fields of export and stats', () => {
    it.each(['/call-history/calls/export', '/call-history/calls/stats'])(
      '%s refuses an offset beyond ±14:00, naming the field',
      async (route) => {
        const response = await post(route, {
          from: '2026-03-02T00:00:00+99:00',
          to: '2026-03-03T00:00:00-15:00',
        }).expect(400);
        expect(
          response.body.error.details.errors.map((error: { path: string[] }) => error.path[0])
        ).toEqual(['from', 'to']);
      }
    );

    it.each(['/call-history/calls/export', '/call-history/calls/stats'])(
      '%s accepts 31 whole local days across a daylight-saving change',
      async (route) => {
        await post(route, {
          from: '2026-10-01T00:00:00+02:00',
          to: '2026-11-01T00:00:00+01:00',
          tz: 'Europe/Berlin',
        }).expect(200);
      }
    );
  });

  describe('POST /call-history/calls/stats', () => {
    it('counts per local day across a DST change, and per access code, like the rows say', async () => {
      // America/New_York moves to summer time on 2026-03-08.
      const period = { from: '2026-03-05T00:00:00-05:00', to: '2026-03-12T00:00:00-04:00' };
      const response = await post('/call-history/calls/stats', {
        ...period,
        tz: 'America/New_York',
      }).expect(200);
      const rows = (await db().findMany({
        select: ['startTime', 'accessCode'],
        where: { startTime: { $gte: new Date(period.from), $lt: new Date(period.to) } },
      })) as Array<{ startTime: string; accessCode: string }>;
      const perDay = new Map<string, number>();
      const perCode = new Map<string, number>();
      for (const row of rows) {
        const day = DateTime.fromISO(row.startTime, { zone: 'America/New_York' }).toISODate()!;
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
        perCode.set(row.accessCode, (perCode.get(row.accessCode) ?? 0) + 1);
      }
      const { data } = response.body;
      expect(data.perDay.map((entry: { day: string }) => entry.day)).toEqual([
        '2026-03-05',
        '2026-03-06',
        '2026-03-07',
        '2026-03-08',
        '2026-03-09',
        '2026-03-10',
        '2026-03-11',
      ]);
      expect(data.perDay).toEqual(
        data.perDay.map((entry: { day: string }) => ({
          day: entry.day,
          count: perDay.get(entry.day) ?? 0,
        }))
      );
      expect(
        data.perDay.reduce((sum: number, entry: { count: number }) => sum + entry.count, 0)
      ).toBe(rows.length);
      expect(
        Object.fromEntries(
          data.perAccessCode.map((entry: { accessCode: string; count: number }) => [
            entry.accessCode,
            entry.count,
          ])
        )
      ).toEqual(Object.fromEntries(perCode));
      const counts = data.perAccessCode.map((entry: { count: number }) => entry.count);
      expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    });

    it('applies the number and access-code filters', async () => {
      const period = { from: FROM, to: TO };
      const response = await post('/call-history/calls/stats', {
        ...period,
        accessCode: '1001',
        callingNumber: '*7',
      }).expect(200);
      const expected = await db().count({
        where: {
          startTime: { $gte: new Date(FROM), $lt: new Date(TO) },
          accessCode: '1001',
          callingNumber: { $endsWith: '7' },
        },
      });
      expect(response.body.data.perAccessCode).toEqual([{ accessCode: '1001', count: expected }]);
      expect(
        response.body.data.perDay.reduce(
          (sum: number, entry: { count: number }) => sum + entry.count,
          0
        )
      ).toBe(expected);
    });
  });

  describe('POST /call-history/calls/page', () => {
    const page = (body: Record<string, unknown>) => post('/call-history/calls/page', body);

    // The page takes its total from its statistics: under the cap and over it (5), from the
    // rollup and from a number filter's capped count.
    it.each([
      ['the rollup', { accessCode: '1001' }, 10_000],
      ['the rollup, over the cap', { accessCode: '1001' }, 5],
      [
        'a number filter',
        { callingNumber: '*7', sort: 'durationSeconds:desc', pageSize: 50 },
        10_000,
      ],
      ['a number filter, over the cap', { callingNumber: '*7' }, 5],
    ])(
      'answers the search and the statistics of the same body, as the two routes do (%s)',
      async (_, fields, cap) => {
        const body = {
          from: '2026-03-05T00:00:00-05:00',
          to: '2026-03-12T00:00:00-04:00',
          tz: 'America/New_York',
          ...fields,
        };
        const { sort, pageSize, ...filters } = body as typeof body & Record<string, unknown>;
        const configured = app.strapi.config.get('plugin.call-history.totalCap');
        app.strapi.config.set('plugin.call-history.totalCap', cap);
        try {
          const [together, search, stats] = await Promise.all([
            page(body).expect(200),
            post('/call-history/calls/search', body).expect(200),
            post('/call-history/calls/stats', filters).expect(200),
          ]);
          expect(search.body.results.length).toBeGreaterThan(0);
          expect(search.body.pagination).toMatchObject({
            totalIsCapped: cap === 5,
            ...(sort === undefined ? {} : { sort }),
            ...(pageSize === undefined ? {} : { pageSize }),
          });
          expect(together.body).toEqual({ ...search.body, stats: stats.body.data });
        } finally {
          app.strapi.config.set('plugin.call-history.totalCap', configured);
        }
      }
    );

    it('validates the body as the search does, naming every wrong field', async () => {
      const response = await page({
        from: '2026-03-05T00:00:00Z',
        to: '2026-03-04T00:00:00Z',
        pageSize: 7,
        sort: 'callingNumber:asc',
        stats: true,
      }).expect(400);
      const paths = response.body.error.details.errors.map(
        (error: { path: string[] }) => error.path[0]
      );
      expect([...paths].sort()).toEqual(['pageSize', 'sort', 'stats', 'to']);
    });

    it('refuses a cursor issued for other filters, naming it', async () => {
      const period = { from: FROM, to: TO };
      const { nextCursor } = (await page(period).expect(200)).body.pagination;
      expect(nextCursor).toEqual(expect.any(String));
      const response = await page({ ...period, accessCode: '1001', cursor: nextCursor }).expect(
        400
      );
      expect(response.body.error.details.errors[0].path).toEqual(['cursor']);
    });
  });
});
