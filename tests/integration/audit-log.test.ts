import { parse } from 'csv-parse/sync';

import type { AuditEntry } from '../../shared/contracts/audit';
import { setFlags } from '../helpers/ingest';
import { indexNames } from '../helpers/reboot';
import {
  SHOWN_IN_CONTENT_MANAGER,
  asText,
  bearer,
  createAdminUser,
  startTestApp,
  type TestApp,
} from '../helpers/strapi';

const AUDIT_ENTRY = 'plugin::call-history.audit-entry';
const CM_PATH = `/content-manager/collection-types/${AUDIT_ENTRY}`;

type Query = Record<string, string | number | string[]>;

interface AuditService {
  record(
    entry: { action: string; subject?: object | null; changes: object; reason?: string | null },
    user?: { id: number; email: string | null } | null
  ): Promise<void>;
}

const AUDITOR = { id: 4242, email: 'auditor@call-history.test' };
// Cycled through while seeding: every kind the filters are checked on, some by the auditor.
const SEEDED_ACTIONS = ['bot.update', 'calls.reveal', 'calls.hold', 'calls.purge', 'calls.erase'];
const SEEDED = 250;

describe('the audit log: GET /audit and its CSV export', () => {
  let app: TestApp;
  let agentToken: string;
  let tenantToken: string;
  const entries = () => app.strapi.db!.query(AUDIT_ENTRY);

  const getAudit = (query: Query, token = tenantToken) =>
    app.http().get('/call-history/audit').query(query).set(bearer(token));

  /** Every entry the filters match, page after page; fails on a repeated id. */
  const walk = async (query: Query, pageSize: number) => {
    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await getAudit({
        ...query,
        pageSize,
        ...(cursor ? { cursor } : {}),
      }).expect(200);
      const body = response.body as {
        data: AuditEntry[];
        pagination: { pageSize: number; nextCursor: string | null };
      };
      expect(body.pagination.pageSize).toBe(pageSize);
      expect(body.data.length).toBeLessThanOrEqual(pageSize);
      seen.push(...body.data);
      cursor = body.pagination.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    const ids = seen.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    return seen;
  };

  const storedIds = async (where: object) =>
    ((await entries().findMany({ where, orderBy: { id: 'desc' } })) as Array<{ id: number }>).map(
      (row) => row.id
    );

  beforeAll(async () => {
    app = await startTestApp(SHOWN_IN_CONTENT_MANAGER);
    agentToken = await createAdminUser(app, 'agent@call-history.test', ['Agent']);
    tenantToken = await createAdminUser(app, 'tenant@call-history.test', [
      'Tenant Space Administrator',
    ]);
    // Real entries from real paths: a flag change and a robot.
    await setFlags(app, { CHATRECORDFLAG: 'ON' });
    await app
      .http()
      .post('/call-history/bots')
      .set(bearer(tenantToken))
      .send({ kind: 'INTELLIGENT_ROBOT', name: 'Billing robot', accessCode: '10086' })
      .expect(201);
    // A row from before actions existed: no action, read as a settings change.
    await entries().create({
      data: { action: null, changes: { CCIVRRECORDFLAG: { from: 'OFF', to: 'ON' } } },
    });
    const audit = app.strapi.plugin('call-history').service('audit') as AuditService;
    for (let index = 0; index < SEEDED; index += 1) {
      await audit.record(
        {
          action: SEEDED_ACTIONS[index % SEEDED_ACTIONS.length],
          subject: { seq: index },
          changes: { seq: { from: null, to: index } },
          reason: index % 2 === 0 ? `reason ${index}` : null,
        },
        index % 3 === 0 ? AUDITOR : null
      );
    }
    // Two entries of last year, for the period filter.
    for (const createdAt of ['2025-06-01T10:00:00.000Z', '2025-06-15T10:00:00.000Z']) {
      await entries().create({
        data: { action: 'calls.purge', changes: { deleted: 1 }, userId: null, createdAt },
      });
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('is read with audit.read: Agent 403, Tenant Space Administrator 200', async () => {
    await getAudit({}, agentToken).expect(403);
    await app.http().get('/call-history/audit/export').set(bearer(agentToken)).expect(403);
    const response = await getAudit({}).expect(200);
    expect(response.body.pagination).toEqual({ pageSize: 100, nextCursor: expect.any(String) });
    expect(response.body.data).toHaveLength(100);
  });

  it('has the indexes of the kind and user filters, newest first', async () => {
    expect(await indexNames(app.strapi, 'call_history_setting_changes')).toEqual(
      expect.arrayContaining(['call_history_audit_action_idx', 'call_history_audit_user_idx'])
    );
  });

  it('pages through every entry, newest first, without a skip or a repeat', async () => {
    for (const pageSize of [100, 37]) {
      const seen = await walk({}, pageSize);
      expect(seen.map((entry) => entry.id)).toEqual(await storedIds({}));
    }
  });

  it('filters by kind, one or several, legacy rows as settings changes', async () => {
    const reveals = await walk({ action: 'calls.reveal' }, 20);
    expect(reveals).toHaveLength(SEEDED / SEEDED_ACTIONS.length);
    expect(new Set(reveals.map((entry) => entry.action))).toEqual(new Set(['calls.reveal']));

    const several = await walk({ action: ['calls.hold', 'bot.create'] }, 20);
    expect(new Set(several.map((entry) => entry.action))).toEqual(
      new Set(['calls.hold', 'bot.create'])
    );
    expect(several.map((entry) => entry.id)).toEqual(
      await storedIds({ action: { $in: ['calls.hold', 'bot.create'] } })
    );
    const comma = await walk({ action: 'calls.hold,bot.create' }, 100);
    expect(comma).toEqual(several);

    const settings = await walk({ action: 'settings.update' }, 100);
    expect(settings.map((entry) => entry.action)).toEqual(['settings.update', 'settings.update']);
    expect(settings[0].changes).toEqual({ CCIVRRECORDFLAG: { from: 'OFF', to: 'ON' } });
    expect(settings[1].user).toMatchObject({ email: app.admin.email });
  });

  it('filters by user, by id or by email in any case', async () => {
    const byId = await walk({ user: String(AUDITOR.id) }, 30);
    expect(byId).toHaveLength(Math.ceil(SEEDED / 3));
    expect(byId.every((entry) => entry.user?.email === AUDITOR.email)).toBe(true);
    expect(await walk({ user: 'Auditor@Call-History.TEST' }, 100)).toEqual(byId);

    const tenant = await walk({ user: 'tenant@call-history.test' }, 100);
    expect(tenant.map((entry) => entry.action)).toEqual(['bot.create']);
  });

  it('filters by period, the end excluded, a + left unencoded read as the offset', async () => {
    const june = await walk({ from: '2025-06-01T18:00:00+08:00', to: '2025-06-15T10:00:00Z' }, 10);
    expect(june.map((entry) => entry.at)).toEqual(['2025-06-01T10:00:00.000Z']);
    const unencoded = await app
      .http()
      .get('/call-history/audit?from=2025-06-01T18:00:00+08:00&to=2025-07-01T00:00:00Z')
      .set(bearer(tenantToken))
      .expect(200);
    expect(unencoded.body.data).toHaveLength(2);
    // No cap on the period's length: years at once.
    const all = await walk({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }, 100);
    expect(all.map((entry) => entry.id)).toEqual(await storedIds({}));
    // Every filter at once, paged.
    const combined = await walk(
      { action: ['calls.reveal', 'calls.erase'], user: 'auditor@call-history.test' },
      7
    );
    expect(combined.map((entry) => entry.id)).toEqual(
      await storedIds({ action: { $in: ['calls.reveal', 'calls.erase'] }, userId: AUDITOR.id })
    );
  });

  it('refuses bad parameters with a 400 naming each', async () => {
    const named = async (query: Query) =>
      (
        (await getAudit(query).expect(400)).body.error.details.errors as Array<{ path: string[] }>
      ).map((error) => error.path[0]);
    expect(await named({ action: 'calls.teleport' })).toEqual(['action']);
    expect(await named({ user: 'not an email' })).toEqual(['user']);
    expect(await named({ from: '2026-01-01' })).toEqual(['from']);
    expect(await named({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual([
      'to',
    ]);
    expect(await named({ pageSize: 0 })).toEqual(['pageSize']);
    expect(await named({ pageSize: 101 })).toEqual(['pageSize']);
    expect(await named({ limit: 5 })).toEqual(['limit']);
  });

  it('refuses a tampered cursor, or one issued for other filters, naming cursor', async () => {
    const first = await getAudit({ action: 'calls.purge', pageSize: 5 }).expect(200);
    const cursor = first.body.pagination.nextCursor as string;
    const [payload, signature] = cursor.split('.');
    const forged = `${Buffer.from(JSON.stringify([999999])).toString('base64url')}.${signature}`;
    for (const [query, bad] of [
      [{ action: 'calls.purge' }, forged],
      [
        { action: 'calls.purge' },
        `${payload}.${signature.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`,
      ],
      [{ action: 'calls.hold' }, cursor],
      [{}, cursor],
    ] as Array<[Query, string]>) {
      const response = await getAudit({ ...query, pageSize: 5, cursor: bad }).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['cursor']);
    }
    // The same filters with another page size accept it.
    await getAudit({ action: 'calls.purge', pageSize: 50, cursor }).expect(200);
  });

  it('exports the filtered log as CSV: BOM, header, one row per entry, JSON compact', async () => {
    const exportCsv = (query: Query, token = tenantToken) =>
      app
        .http()
        .get('/call-history/audit/export')
        .query(query)
        .set(bearer(token))
        .buffer(true)
        .parse(asText);
    const response = await exportCsv({ action: 'calls.erase', user: String(AUDITOR.id) }).expect(
      200
    );
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
    const text = response.body as string;
    expect(text.startsWith('\uFEFFat,action,user,subject,changes,reason\n')).toBe(true);
    const rows = parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;
    const expected = await walk({ action: 'calls.erase', user: String(AUDITOR.id) }, 100);
    expect(rows).toEqual(
      expected.map((entry) => ({
        at: entry.at,
        action: 'calls.erase',
        user: AUDITOR.email,
        subject: JSON.stringify(entry.subject),
        changes: JSON.stringify(entry.changes),
        reason: entry.reason ?? '',
      }))
    );

    // The whole log crosses the export's batches in order.
    const all = parse((await exportCsv({}).expect(200)).body as string, {
      columns: true,
      bom: true,
    }) as Array<Record<string, string>>;
    expect(all).toHaveLength(await entries().count());

    const refused = await exportCsv({ pageSize: 5 }).expect(400);
    expect(JSON.parse(refused.body as string).error.details.errors[0].path).toEqual(['pageSize']);
  });

  it('cannot be changed or deleted on any path, the Content Manager included', async () => {
    const before = await entries().count();
    const [latest] = (await entries().findMany({ orderBy: { id: 'desc' }, limit: 1 })) as Array<{
      id: number;
    }>;
    const stored = await entries().findOne({ where: { id: latest.id } });
    const entityService = app.strapi.entityService as unknown as {
      update(uid: string, id: number, params: object): Promise<unknown>;
      delete(uid: string, id: number): Promise<unknown>;
    };

    // The Content Manager never lists the trail (403), and would meet the lifecycles (400).
    const REFUSED = [400, 403];
    const admin = bearer(app.admin.token);
    const put = await app
      .http()
      .put(`${CM_PATH}/${latest.id}`)
      .set(admin)
      .send({ reason: 'edited' });
    expect(REFUSED).toContain(put.status);
    const remove = await app.http().delete(`${CM_PATH}/${latest.id}`).set(admin);
    expect(REFUSED).toContain(remove.status);
    const bulk = await app
      .http()
      .post(`${CM_PATH}/actions/bulkDelete`)
      .set(admin)
      .send({ ids: [latest.id] });
    expect(REFUSED).toContain(bulk.status);

    await expect(
      entityService.update(AUDIT_ENTRY, latest.id, { data: { reason: 'edited' } })
    ).rejects.toThrow(/only grows/);
    await expect(entityService.delete(AUDIT_ENTRY, latest.id)).rejects.toThrow(/only grows/);
    await expect(
      entries().update({ where: { id: latest.id }, data: { reason: 'edited' } })
    ).rejects.toThrow(/only grows/);
    await expect(
      entries().updateMany({ where: {}, data: { userEmail: 'someone@else.test' } })
    ).rejects.toThrow(/only grows/);
    await expect(entries().delete({ where: { id: latest.id } })).rejects.toThrow(/only grows/);
    await expect(entries().deleteMany({ where: {} })).rejects.toThrow(/only grows/);

    expect(await entries().count()).toBe(before);
    expect(await entries().findOne({ where: { id: latest.id } })).toEqual(stored);
  });

  it('keeps the settings history on the same trail, behind settings.read', async () => {
    const response = await app
      .http()
      .get('/call-history/settings/history')
      .set(bearer(agentToken))
      .expect(200);
    expect(response.body.data.map((entry: { changes: object }) => entry.changes)).toEqual([
      { CCIVRRECORDFLAG: { from: 'OFF', to: 'ON' } },
      expect.objectContaining({ CHATRECORDFLAG: { from: 'OFF', to: 'ON' } }),
    ]);
  });
});
