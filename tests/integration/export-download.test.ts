import { UID } from '../../server/src/constants';
import { encodeExportTicket } from '../../server/src/domain/export-ticket';
import { signingSecret } from '../../server/src/utils/strapi';
import { asText, bearer, createAdminUser, startTestApp, type TestApp } from '../helpers/strapi';
import { ensureDemoBots, generateCalls } from '../support/call-generator';

const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z', tz: 'Asia/Shanghai' };

/** The Export CSV button: a signed one-minute link, so the browser streams the file to disk. */
describe('export through a download ticket', () => {
  let app: TestApp;
  let tenantAdmin: string;
  let agent: string;

  const ticketFor = (token: string, body: object) =>
    app.http().post('/call-history/calls/export/ticket').set(bearer(token)).send(body);
  const download = (url: string) => app.http().get(url).buffer(true).parse(asText);

  beforeAll(async () => {
    app = await startTestApp({ CALL_HISTORY_HOST_EXTENSION: 'off' });
    await app.strapi.plugin('call-history').service('settings').update({ CHATRECORDFLAG: 'ON' });
    await ensureDemoBots(app.strapi);
    await generateCalls(app.strapi, { count: 300, from: PERIOD.from, to: PERIOD.to, seed: 9 });
    tenantAdmin = await createAdminUser(app, 'tenant@call-history.test', [
      'Tenant Space Administrator',
    ]);
    agent = await createAdminUser(app, 'agent@call-history.test', ['Agent']);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers a link that downloads, without a JWT, what the export route answers', async () => {
    const ticket = await ticketFor(app.admin.token, PERIOD).expect(200);
    expect(ticket.body.data.url).toMatch(/^\/call-history\/calls\/export\/download\?ticket=/);
    expect(Date.parse(ticket.body.data.expiresAt)).toBeGreaterThan(Date.now());

    const viaLink = await download(ticket.body.data.url).expect(200);
    const viaRoute = await app
      .http()
      .get('/call-history/calls/export')
      .query(PERIOD)
      .set(bearer(app.admin.token))
      .buffer(true)
      .parse(asText)
      .expect(200);
    expect(viaLink.headers['content-disposition']).toBe(viaRoute.headers['content-disposition']);
    expect(viaLink.headers['content-type']).toMatch(/^text\/csv/);
    expect(viaLink.body).toBe(viaRoute.body);
    expect((viaLink.body as string).trim().split('\n')).toHaveLength(
      1 + (await app.strapi.db!.query(UID.callRecord).count())
    );
  });

  it('refuses bad filters when the link is asked for, naming the field', async () => {
    const response = await ticketFor(app.admin.token, { ...PERIOD, tz: 'Mars/Olympus' }).expect(
      400
    );
    expect(response.body.error.details.errors[0].path).toEqual(['tz']);
    const noPeriod = await ticketFor(app.admin.token, { tz: 'UTC' }).expect(400);
    expect(noPeriod.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toEqual([
      'from',
      'to',
    ]);
  });

  it('gives links only to admins holding calls.export', async () => {
    await app.http().post('/call-history/calls/export/ticket').send(PERIOD).expect(401);
    await ticketFor(agent, PERIOD).expect(403);
  });

  it('refuses an altered, foreign or expired ticket', async () => {
    const { url } = (await ticketFor(app.admin.token, PERIOD).expect(200)).body.data as {
      url: string;
    };
    const ticket = new URL(url, 'http://x').searchParams.get('ticket') ?? '';
    const [payload, signature] = ticket.split('.');
    const forged = Buffer.from(
      JSON.stringify([1, { ...PERIOD, from: '2026-01-01T00:00:00Z' }, Date.now() + 60_000])
    ).toString('base64url');
    const expired = encodeExportTicket(
      { userId: 1, query: PERIOD, expiresAt: Date.now() - 1 },
      signingSecret(app.strapi, 'export')
    );
    const cursorSigned = encodeExportTicket(
      { userId: 1, query: PERIOD, expiresAt: Date.now() + 60_000 },
      signingSecret(app.strapi, 'cursor')
    );
    for (const bad of [
      `${forged}.${signature}`,
      `${payload}.x${signature}`,
      expired,
      cursorSigned,
    ]) {
      await app
        .http()
        .get('/call-history/calls/export/download')
        .query({ ticket: bad })
        .expect(403);
    }
    await app.http().get('/call-history/calls/export/download').expect(403);
  });

  it('refuses the link of an admin who lost calls.export after asking for it', async () => {
    const { url } = (await ticketFor(tenantAdmin, PERIOD).expect(200)).body.data as {
      url: string;
    };
    await download(url).expect(200);
    const users = app.strapi.service('admin::user') as unknown as {
      findOneByEmail(email: string): Promise<{ id: number }>;
      updateById(id: number, attributes: object): Promise<unknown>;
    };
    const roles = app.strapi.service('admin::role') as unknown as {
      findOne(params: object): Promise<{ id: number }>;
    };
    const user = await users.findOneByEmail('tenant@call-history.test');
    await users.updateById(user.id, { roles: [(await roles.findOne({ name: 'Agent' })).id] });
    // Each refusal is a plain 403: Strapi's router answers every policy refusal the same way.
    await download(url).expect(403);
  });
});
