import { UID } from '../../server/src/constants';
import { ticketHash } from '../../server/src/domain/export-ticket';
import { exportRequest } from '../helpers/export';
import { asText, bearer, createAdminUser, startTestApp, type TestApp } from '../helpers/strapi';
import { ensureDemoBots, generateCalls } from '../support/call-generator';

const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z', tz: 'Asia/Shanghai' };
const TICKET_URL = /^\/call-history\/calls\/export\/download\?ticket=([A-Za-z0-9_-]{43})$/;

/** The Export CSV button: a one-minute, single-use link, so the browser streams the file to disk. */
describe('export through a download ticket', () => {
  let app: TestApp;
  let tenantAdmin: string;
  let agent: string;

  const ticketFor = (token: string, body: object) =>
    app.http().post('/call-history/calls/export/ticket').set(bearer(token)).send(body);
  const urlFor = async (token: string, body: object = PERIOD) =>
    (await ticketFor(token, body).expect(200)).body.data.url as string;
  const download = (url: string) => app.http().get(url).buffer(true).parse(asText);
  const tickets = () => app.strapi.db!.query(UID.exportTicket);
  const idOf = (url: string) => TICKET_URL.exec(url)?.[1] ?? '';

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
    expect(ticket.body.data.url).toMatch(TICKET_URL);
    const expiresAt = Date.parse(ticket.body.data.expiresAt);
    expect(expiresAt).toBeGreaterThan(Date.now());
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 60_000);

    const viaLink = await download(ticket.body.data.url).expect(200);
    const viaRoute = await exportRequest(app, app.admin.token, PERIOD).expect(200);
    expect(viaLink.headers['content-disposition']).toBe(viaRoute.headers['content-disposition']);
    expect(viaLink.headers['content-type']).toMatch(/^text\/csv/);
    expect(viaLink.body).toBe(viaRoute.body);
    expect((viaLink.body as string).trim().split('\n')).toHaveLength(
      1 + (await app.strapi.db!.query(UID.callRecord).count())
    );
  });

  it('keeps a hash of the link id with the admin, the filters and the expiry, never the id', async () => {
    const url = await urlFor(app.admin.token, { ...PERIOD, callingNumber: '*5678' });
    const id = idOf(url);
    const row = (await tickets().findOne({ where: { tokenHash: ticketHash(id) } })) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      adminId: expect.any(Number),
      filters: { ...PERIOD, callingNumber: '*5678' },
      usedAt: null,
    });
    const table = app.strapi.db!.metadata.get(UID.exportTicket).tableName;
    const everything = JSON.stringify(await app.strapi.db!.connection(table).select('*'));
    expect(everything).not.toContain(id);
  });

  it('downloads once: the same link again is refused', async () => {
    const url = await urlFor(app.admin.token);
    await download(url).expect(200);
    await download(url).expect(403);
  });

  it('lets exactly one of three simultaneous downloads of one link through', async () => {
    const url = await urlFor(app.admin.token);
    const statuses = (await Promise.all([download(url), download(url), download(url)])).map(
      (response) => response.status
    );
    expect(statuses.sort()).toEqual([200, 403, 403]);
  });

  it('refuses a link after its minute, and sweeps expired links when issuing', async () => {
    const url = await urlFor(app.admin.token);
    const tokenHash = ticketHash(idOf(url));
    await tickets().update({
      where: { tokenHash },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await download(url).expect(403);
    expect(await tickets().count({ where: { tokenHash } })).toBe(1);
    await urlFor(app.admin.token);
    expect(await tickets().count({ where: { tokenHash } })).toBe(0);
    expect(await tickets().count({ where: { expiresAt: { $lte: new Date() } } })).toBe(0);
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

  it('refuses an altered, unknown or missing ticket', async () => {
    const id = idOf(await urlFor(app.admin.token));
    const altered = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [altered, `${id}x`, id.slice(1), "' OR 1=1 --", '']) {
      await app
        .http()
        .get('/call-history/calls/export/download')
        .query({ ticket: bad })
        .expect(403);
    }
    await app.http().get('/call-history/calls/export/download').expect(403);
    // None of these used the real link up.
    await download(`/call-history/calls/export/download?ticket=${id}`).expect(200);
  });

  it('refuses the link of an admin who lost calls.export after asking for it', async () => {
    await download(await urlFor(tenantAdmin)).expect(200);
    const url = await urlFor(tenantAdmin);
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

  it('refuses the link of an admin deactivated after asking for it', async () => {
    const exporter = await createAdminUser(app, 'exporter@call-history.test', [
      'Tenant Space Administrator',
    ]);
    const url = await urlFor(exporter);
    const users = app.strapi.service('admin::user') as unknown as {
      findOneByEmail(email: string): Promise<{ id: number }>;
      updateById(id: number, attributes: object): Promise<unknown>;
    };
    const user = await users.findOneByEmail('exporter@call-history.test');
    await users.updateById(user.id, { isActive: false });
    await download(url).expect(403);
  });
});
