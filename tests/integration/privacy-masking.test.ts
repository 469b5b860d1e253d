import { parse } from 'csv-parse/sync';

import { PERMISSIONS, UID } from '../../server/src/constants';
import type { AuditEntry } from '../../shared/contracts/audit';
import { exportRequest } from '../helpers/export';
import { INGEST_PATH, createApiToken, makeCall, setFlags } from '../helpers/ingest';
import {
  asText,
  bearer,
  createAdminUser,
  createRole,
  startTestApp,
  type TestApp,
} from '../helpers/strapi';

/**
 * Masking with an audited reveal (docs/design.md#privacy): numbers are masked on every output
 * for everyone, full numbers take `calls.reveal` and a reason, and every reveal is audited
 * without the number.
 */

const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
const CALLING = '8613800138000';
const CALLING_MASKED = '861******8000';
const CALLED = '4001234567';
const CALLED_MASKED = '40****4567';
const CALLBACK = '+8613912345678';
const CALLBACK_MASKED = '+861******5678';
const FULL_NUMBERS = [CALLING, CALLED, CALLBACK];
/** Every full number's digits in a row: a number is leaked however it is written around. */
const leaks = (text: string) =>
  FULL_NUMBERS.filter((number) => text.replace(/\D/g, '').includes(number.replace(/\D/g, '')));

describe('masking and the audited reveal', () => {
  let app: TestApp;
  let agent: string;
  let exporter: string;
  let tenantAdmin: string;
  let revealOnly: string;

  const post = (token: string, route: string, body: object) =>
    app.http().post(`/call-history${route}`).set(bearer(token)).send(body);
  const reveal = (token: string, callId: string, body: object) =>
    post(token, `/calls/${callId}/reveal`, body);
  const audit = (action: AuditEntry['action']): Promise<AuditEntry[]> =>
    app.strapi
      .plugin('call-history')
      .service('audit')
      .list({ actions: [action] });
  const events = () =>
    (
      app.strapi.service('api::call-events.call-events') as unknown as {
        list(event: string): Array<{ payload: unknown }>;
      }
    ).list('call-history.call.recorded');
  const records = (text: string) =>
    parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;
  const download = async (token: string, body: object) => {
    const ticket = await post(token, '/calls/export/ticket', body).expect(200);
    return app
      .http()
      .get(ticket.body.data.url as string)
      .buffer(true)
      .parse(asText)
      .expect(200);
  };

  beforeAll(async () => {
    app = await startTestApp();
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
    const platform = await createApiToken(app, 'platform');
    await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(platform))
      .send({
        data: [
          makeCall(
            'masked-1',
            { callingNumber: CALLING, calledNumber: CALLED, callbackNumber: CALLBACK },
            2
          ),
          makeCall('masked-2', { callingNumber: '10086', calledNumber: '*100#' }),
        ],
      })
      .expect(200);
    // The Query Engine path emits its own event.
    await app.strapi.db!.query(UID.callRecord).create({
      data: {
        ...makeCall('masked-qe', { callingNumber: CALLING, calledNumber: CALLED }),
        callbackNumber: CALLBACK,
        startTime: '2026-03-01T09:00:00Z',
        endTime: '2026-03-01T09:01:00Z',
      },
    });
    await createRole(app, 'Exporter', [
      PERMISSIONS.callsRead,
      PERMISSIONS.callsDetails,
      PERMISSIONS.callsExport,
    ]);
    await createRole(app, 'Revealer without details', [
      PERMISSIONS.callsRead,
      PERMISSIONS.callsReveal,
    ]);
    agent = await createAdminUser(app, 'agent@call-history.test', ['Agent']);
    exporter = await createAdminUser(app, 'exporter@call-history.test', ['Exporter']);
    tenantAdmin = await createAdminUser(app, 'tenant@call-history.test', [
      'Tenant Space Administrator',
    ]);
    revealOnly = await createAdminUser(app, 'reveal-only@call-history.test', [
      'Revealer without details',
    ]);
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('without a reveal, every output is masked', () => {
    it('masks search rows, for an Agent and for the Super Admin alike', async () => {
      for (const token of [agent, app.admin.token]) {
        const { body } = await post(token, '/calls/search', PERIOD).expect(200);
        const row = body.results.find((call: { callId: string }) => call.callId === 'masked-1');
        expect(row).toMatchObject({
          callingNumber: CALLING_MASKED,
          calledNumber: CALLED_MASKED,
          callbackNumber: CALLBACK_MASKED,
        });
        expect(
          body.results.find((call: { callId: string }) => call.callId === 'masked-2')
        ).toMatchObject({ callingNumber: '1**86', calledNumber: '**00#' });
        expect(leaks(JSON.stringify(body))).toEqual([]);
      }
    });

    it('still finds calls by number for an Agent, answering masked rows', async () => {
      for (const callingNumber of [CALLING, '861380*', '*8000']) {
        const { body } = await post(agent, '/calls/search', { ...PERIOD, callingNumber }).expect(
          200
        );
        expect(body.results.map((call: { callId: string }) => call.callId).sort()).toEqual([
          'masked-1',
          'masked-qe',
        ]);
        expect(leaks(JSON.stringify(body.results))).toEqual([]);
      }
    });

    it('masks Call Details', async () => {
      const { body } = await app
        .http()
        .get('/call-history/calls/masked-1')
        .set(bearer(tenantAdmin))
        .expect(200);
      expect(body.data).toMatchObject({
        callingNumber: CALLING_MASKED,
        calledNumber: CALLED_MASKED,
        callbackNumber: CALLBACK_MASKED,
        flowTrace: expect.any(Array),
      });
      expect(leaks(JSON.stringify(body))).toEqual([]);
    });

    it('masks the CSV, direct and through the ticket download', async () => {
      const direct = await exportRequest(app, exporter, PERIOD).expect(200);
      const downloaded = await download(exporter, PERIOD);
      for (const text of [direct.body as string, downloaded.body as string]) {
        const row = records(text).find((record) => record.callId === 'masked-1');
        expect(row).toMatchObject({
          callingNumber: CALLING_MASKED,
          calledNumber: CALLED_MASKED,
          // A masked number with a + is no plain number: a spreadsheet would compute it.
          callbackNumber: `'${CALLBACK_MASKED}`,
        });
        expect(leaks(text)).toEqual([]);
      }
    });

    it('puts no number in the events, from the ingest and from the Query Engine', () => {
      const payloads = events().map((entry) => entry.payload);
      expect(payloads).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ source: 'batch', callIds: ['masked-1', 'masked-2'] }),
          expect.objectContaining({ source: 'query-engine', callIds: ['masked-qe'] }),
        ])
      );
      const text = JSON.stringify(payloads);
      expect(leaks(text)).toEqual([]);
      expect(text).not.toMatch(/Number/);
    });

    it('has no number in the statistics', async () => {
      const { body } = await post(agent, '/calls/stats', PERIOD).expect(200);
      expect(body.data.perAccessCode).not.toEqual([]);
      expect(leaks(JSON.stringify(body))).toEqual([]);
    });
  });

  describe('POST /calls/:callId/reveal', () => {
    it('refuses a user without calls.reveal, or without calls.details', async () => {
      await reveal(agent, 'masked-1', { reason: 'curious' }).expect(403);
      await reveal(revealOnly, 'masked-1', { reason: 'curious' }).expect(403);
    });

    it.each([
      ['no reason', {}],
      ['an empty reason', { reason: '' }],
      ['a blank reason', { reason: '   ' }],
      ['a reason of 1,001 characters', { reason: 'x'.repeat(1001) }],
      ['a reason that is not text', { reason: { why: 'x' } }],
    ])('refuses %s, naming reason', async (_label: string, body: object) => {
      const response = await reveal(tenantAdmin, 'masked-1', body).expect(400);
      expect(response.body.error.details.errors.map((e: { path: string[] }) => e.path)).toEqual([
        ['reason'],
      ]);
    });

    it('refuses a body without a reason at all, naming reason', async () => {
      const response = await app
        .http()
        .post('/call-history/calls/masked-1/reveal')
        .set(bearer(tenantAdmin))
        .expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['reason']);
    });

    it('answers 404 for an unknown call', async () => {
      await reveal(tenantAdmin, 'no-such-call', { reason: 'ticket 1' }).expect(404);
    });

    it('answers the full numbers and audits who, when, which call and why, never the number', async () => {
      const before = Date.now();
      const { body } = await reveal(tenantAdmin, 'masked-1', {
        reason: '  Ticket 4711: call back  ',
      }).expect(200);
      expect(body.data).toEqual({
        callId: 'masked-1',
        callingNumber: CALLING,
        calledNumber: CALLED,
        callbackNumber: CALLBACK,
      });
      const [entry] = await audit('calls.reveal');
      expect(entry).toMatchObject({
        action: 'calls.reveal',
        subject: { callId: 'masked-1' },
        reason: 'Ticket 4711: call back',
        user: { email: 'tenant@call-history.test' },
      });
      expect(new Date(entry.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(leaks(JSON.stringify(entry))).toEqual([]);
      // Details stay masked after a reveal: each reveal is asked for and audited.
      const details = await app
        .http()
        .get('/call-history/calls/masked-1')
        .set(bearer(tenantAdmin))
        .expect(200);
      expect(details.body.data.callingNumber).toBe(CALLING_MASKED);
    });

    it('refuses nothing to the Super Admin, who holds every action', async () => {
      await reveal(app.admin.token, 'masked-qe', { reason: 'audit check' }).expect(200);
      expect((await audit('calls.reveal'))[0]).toMatchObject({
        subject: { callId: 'masked-qe' },
        user: { email: app.admin.email },
      });
    });
  });

  describe('the CSV with full numbers', () => {
    const revealed = { ...PERIOD, callingNumber: CALLING, reveal: true };

    it('takes calls.reveal, on the export and on the ticket', async () => {
      const count = (await audit('calls.export.reveal')).length;
      await exportRequest(app, exporter, { ...revealed, reason: 'why not' }).expect(403);
      await post(exporter, '/calls/export/ticket', { ...revealed, reason: 'why not' }).expect(403);
      expect(await audit('calls.export.reveal')).toHaveLength(count);
    });

    it.each([[{}], [{ reason: ' ' }]])(
      'takes a reason: %j answers 400 naming it',
      async (extra) => {
        for (const route of ['/calls/export', '/calls/export/ticket']) {
          const response = await post(tenantAdmin, route, { ...revealed, ...extra }).expect(400);
          expect(response.body.error.details.errors[0].path).toEqual(['reason']);
        }
      }
    );

    it('refuses a reason without reveal, and a reveal that is not a boolean', async () => {
      const lone = await post(tenantAdmin, '/calls/export', { ...PERIOD, reason: 'x' }).expect(400);
      expect(lone.body.error.details.errors[0].path).toEqual(['reason']);
      const odd = await post(tenantAdmin, '/calls/export', { ...PERIOD, reveal: 'yes' }).expect(
        400
      );
      expect(odd.body.error.details.errors[0].path).toEqual(['reveal']);
    });

    it('exports the full numbers and audits the filters (number masked) and the reason', async () => {
      const response = await exportRequest(app, tenantAdmin, {
        ...revealed,
        reason: 'Data request 12',
      }).expect(200);
      const row = records(response.body as string).find((record) => record.callId === 'masked-1');
      expect(row).toMatchObject({
        callingNumber: CALLING,
        calledNumber: CALLED,
        callbackNumber: CALLBACK,
      });
      const [entry] = await audit('calls.export.reveal');
      expect(entry).toMatchObject({
        subject: null,
        reason: 'Data request 12',
        changes: { filters: { ...PERIOD, callingNumber: CALLING_MASKED } },
        user: { email: 'tenant@call-history.test' },
      });
      expect(leaks(JSON.stringify(entry))).toEqual([]);
    });

    it('carries the reveal in the ticket, audited at the download in its admin name', async () => {
      const count = (await audit('calls.export.reveal')).length;
      const response = await download(tenantAdmin, {
        ...PERIOD,
        reveal: true,
        reason: 'Data request 13',
      });
      expect(leaks(response.body as string).sort()).toEqual([...FULL_NUMBERS].sort());
      const entries = await audit('calls.export.reveal');
      expect(entries).toHaveLength(count + 1);
      expect(entries[0]).toMatchObject({
        reason: 'Data request 13',
        user: { email: 'tenant@call-history.test' },
      });
    });

    it('never upgrades a masked ticket through its link', async () => {
      const ticket = await post(tenantAdmin, '/calls/export/ticket', PERIOD).expect(200);
      const response = await app
        .http()
        .get(`${ticket.body.data.url}&reveal=true&reason=link`)
        .buffer(true)
        .parse(asText)
        .expect(200);
      expect(leaks(response.body as string)).toEqual([]);
    });

    it('refuses the download of a revealed ticket once its admin lost calls.reveal', async () => {
      await createRole(app, 'Revealing exporter', [
        PERMISSIONS.callsExport,
        PERMISSIONS.callsReveal,
      ]);
      const token = await createAdminUser(app, 'revealing@call-history.test', [
        'Revealing exporter',
      ]);
      const ticket = await post(token, '/calls/export/ticket', {
        ...PERIOD,
        reveal: true,
        reason: 'before the change',
      }).expect(200);
      const roles = app.strapi.service('admin::role') as unknown as {
        findOne(where: object): Promise<{ id: number }>;
        assignPermissions(id: number, permissions: object[]): Promise<unknown>;
      };
      const role = await roles.findOne({ name: 'Revealing exporter' });
      await roles.assignPermissions(role.id, [
        { action: PERMISSIONS.callsExport, subject: null, conditions: [], properties: {} },
      ]);
      await app
        .http()
        .get(ticket.body.data.url as string)
        .expect(403);
    });
  });
});
