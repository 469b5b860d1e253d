import { Writable } from 'stream';

import { winston } from '@strapi/logger';

import { CALL_RECORD, aCall, setFlags } from '../helpers/ingest';
import { asText, bearer, startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Calling numbers are personal data (docs/design.md#privacy): searching, counting and exporting by number
 * must leave no trace of it in Strapi's logs, which write every request's URL at `http` level,
 * nor in the download link a browser keeps in its history.
 */
const NUMBER = '+8613912345678';
// Every form the number or its patterns could take in a log line or a URL.
const FORMS = [
  NUMBER,
  encodeURIComponent(NUMBER),
  '8613912345678',
  '13912345678',
  '139123',
  '5678',
  encodeURIComponent('*5678'),
];

describe('calling numbers in request logs and links', () => {
  let app: TestApp;
  let lines: string[];
  let transport: InstanceType<typeof winston.transports.Stream>;
  let level: string;

  beforeAll(async () => {
    app = await startTestApp({ CALL_HISTORY_HOST_EXTENSION: 'off' });
    await setFlags(app, { CHATRECORDFLAG: 'ON' });
    await app.strapi.db!.query(CALL_RECORD).create({
      data: aCall({
        callId: 'logged-1',
        callingNumber: NUMBER,
        startTime: '2026-03-01T08:00:00.000Z',
        endTime: '2026-03-01T08:01:00.000Z',
      }),
    });
    lines = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    // Everything from `http` (each request's method, URL and status) down to `debug`.
    transport = new winston.transports.Stream({ stream, level: 'debug' });
    level = app.strapi.log.level;
    app.strapi.log.level = 'debug';
    app.strapi.log.add(transport);
  });
  afterAll(async () => {
    if (app) {
      app.strapi.log.remove(transport);
      app.strapi.log.level = level;
    }
    await app?.stop();
  });

  it('never writes a searched, counted, exported or downloaded number to the logs', async () => {
    const period = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
    const auth = bearer(app.admin.token);
    const post = (route: string, body: object) =>
      app.http().post(`/call-history${route}`).send(body).set(auth);
    for (const callingNumber of [NUMBER, '+86139123*', '*5678']) {
      const body = { ...period, callingNumber };
      const found = await post('/calls/search', body).expect(200);
      expect(found.body.results.map((call: { callId: string }) => call.callId)).toEqual([
        'logged-1',
      ]);
      await post('/calls/stats', body).expect(200);
      await post('/calls/page', body).expect(200);
      // Full numbers in the answers (a reveal), so that the logs are checked against them.
      const revealed = { ...body, reveal: true, reason: 'request-log check' };
      const csv = await post('/calls/export', revealed).buffer(true).parse(asText).expect(200);
      expect(csv.body as string).toContain(NUMBER);
      const { url } = (await post('/calls/export/ticket', revealed).expect(200)).body.data;
      const downloaded = await app.http().get(url).buffer(true).parse(asText).expect(200);
      expect(downloaded.body as string).toContain(NUMBER);
      // Refusals are logged too: a used link, a bad field next to the number.
      await app.http().get(url).expect(403);
      await post('/calls/search', { ...body, tz: 'Mars/Olympus' }).expect(400);
      // A legal hold of the search, and one refused for want of a reason.
      await post('/calls/hold', { ...body, reason: 'Logged inquiry' }).expect(200);
      await post('/calls/hold', body).expect(400);
    }
    const logged = lines.join('');
    // The capture works: every request is there, with its URL.
    expect(logged).toContain('POST /call-history/calls/search');
    expect(logged).toContain('POST /call-history/calls/stats');
    expect(logged).toContain('POST /call-history/calls/page');
    expect(logged).toContain('POST /call-history/calls/export');
    expect(logged).toContain('GET /call-history/calls/export/download?ticket=');
    expect(logged).toContain('POST /call-history/calls/hold');
    for (const form of FORMS)
      expect({ form, found: logged.includes(form) }).toEqual({
        form,
        found: false,
      });
  });

  it('never writes the number when the database fails under a search, the stats, the page, an export or a hold', async () => {
    const table = app.strapi.db!.metadata.get(CALL_RECORD).tableName;
    const rename = (from: string, to: string) =>
      app.strapi.db!.connection.raw('ALTER TABLE ?? RENAME TO ??', [from, to]);
    const body = {
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-02T00:00:00Z',
      callingNumber: NUMBER,
    };
    const post = (route: string, extra: object = {}) =>
      app
        .http()
        .post(`/call-history${route}`)
        .send({ ...body, ...extra })
        .set(bearer(app.admin.token));
    lines.length = 0;
    await rename(table, `${table}_away`);
    try {
      await post('/calls/search').expect(500);
      await post('/calls/stats').expect(500);
      await post('/calls/page').expect(500);
      await post('/calls/export').expect(500);
      await post('/calls/hold', { reason: 'Inquiry' }).expect(500);
    } finally {
      await rename(`${table}_away`, table);
    }
    const logged = lines.join('');
    // The failures are logged, with what the database said.
    expect(logged).toContain('a Call History query failed');
    expect(logged).toMatch(/no such table|does not exist|doesn't exist/);
    for (const form of FORMS)
      expect({ form, found: logged.includes(form) }).toEqual({ form, found: false });
  });

  it('gives a download link that carries nothing readable', async () => {
    const { url } = (
      await app
        .http()
        .post('/call-history/calls/export/ticket')
        .send({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z', callingNumber: NUMBER })
        .set(bearer(app.admin.token))
        .expect(200)
    ).body.data as { url: string };
    const ticket = new URL(url, 'http://strapi.test').searchParams.get('ticket') ?? '';
    expect(url).toBe(`/call-history/calls/export/download?ticket=${ticket}`);
    // 256 random bits in base64url: no JSON, no period, no admin, no number.
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const decoded = Buffer.from(ticket, 'base64url').toString('latin1');
    expect(() => JSON.parse(decoded)).toThrow();
    for (const text of [url, decoded]) {
      for (const readable of [...FORMS, '2026', 'from', 'callingNumber', app.admin.email]) {
        expect({ readable, found: text.includes(readable) }).toEqual({ readable, found: false });
      }
    }
  });
});
