import type { Strapi } from '@strapi/types';

import { CALL_RECORD, makeCall, setFlags, traceStep } from '../helpers/ingest';
import { sharedDatabase } from '../helpers/reboot';
import {
  SHOWN_IN_CONTENT_MANAGER,
  bearer,
  createAdminUser,
  startTestApp,
  type TestApp,
} from '../helpers/strapi';

const CHATBOT = 'plugin::call-history.chatbot';
const IVR_FLOW = 'plugin::call-history.ivr-flow';
const SETTING = 'plugin::call-history.setting';
const AUDIT_ENTRY = 'plugin::call-history.audit-entry';
const EXPORT_TICKET = 'plugin::call-history.export-ticket';
const PLUGIN_TYPES = [CALL_RECORD, CHATBOT, IVR_FLOW, SETTING, AUDIT_ENTRY, EXPORT_TICKET];
const cmPath = (uid: string) =>
  `/content-manager/${uid === SETTING ? 'single-types' : 'collection-types'}/${uid}`;

interface Route {
  method: string;
  path: string;
}

/** Every admin route the plugin declares, its parameters filled with real ids. */
const pluginAdminRoutes = (strapi: Strapi, ids: Record<string, string>): Route[] => {
  const routes = (strapi.plugin('call-history').routes as unknown as { admin: { routes: Route[] } })
    .admin.routes;
  return routes.map(({ method, path }) => ({
    method,
    path: `/call-history${path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? '1')}`,
  }));
};

const send = (app: TestApp, route: Route, token: string) => {
  const agent = app.http();
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  return agent[method](route.path).set(bearer(token)).send({});
};

const storeCall = async (app: TestApp, callId: string, overrides: Record<string, unknown> = {}) =>
  (await app.strapi.db!.query(CALL_RECORD).create({ data: makeCall(callId, overrides, 2) })) as {
    id: number;
  };

describe('a fresh app, the plugin present at its first boot: Editor and Author reach nothing of it', () => {
  let app: TestApp;
  let callId: number;
  let botId: number;

  beforeAll(async () => {
    // startTestApp boots on an empty database: Strapi creates Editor and Author in this boot,
    // with the plugin's types already registered.
    app = await startTestApp();
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
    botId = (
      (await app.strapi.db!.query(CHATBOT).create({
        data: { name: 'Billing robot', accessCode: '10086' },
      })) as { id: number }
    ).id;
    callId = (await storeCall(app, 'evidence-1')).id;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('hides every type of the plugin from the Content Manager', async () => {
    const response = await app
      .http()
      .get('/content-manager/content-types')
      .set(bearer(app.admin.token))
      .expect(200);
    const types = response.body.data as Array<{ uid: string; isDisplayed: boolean }>;
    for (const uid of PLUGIN_TYPES) {
      expect(types.find((type) => type.uid === uid)).toMatchObject({ isDisplayed: false });
    }
  });

  it.each(['Editor', 'Author'])(
    'gives %s no permission on any of its types or actions',
    async (role) => {
      const token = await createAdminUser(app, `${role.toLowerCase()}@call-history.test`, [role]);
      const response = await app
        .http()
        .get('/admin/users/me/permissions')
        .set(bearer(token))
        .expect(200);
      const permissions = response.body.data as Array<{ action: string; subject: string | null }>;
      expect(permissions.length).toBeGreaterThan(0); // the role holds its usual permissions
      expect(
        permissions.filter(
          ({ action, subject }) =>
            action.startsWith('plugin::call-history.') ||
            subject?.startsWith('plugin::call-history.')
        )
      ).toEqual([]);

      for (const uid of PLUGIN_TYPES) {
        await app.http().get(cmPath(uid)).set(bearer(token)).expect(403);
      }
      await app
        .http()
        .get(`${cmPath(CALL_RECORD)}/${callId}`)
        .set(bearer(token))
        .expect(403);
      await app
        .http()
        .put(`${cmPath(CALL_RECORD)}/${callId}`)
        .set(bearer(token))
        .send({ callingNumber: '8613900000000' })
        .expect(403);
      await app
        .http()
        .delete(`${cmPath(CALL_RECORD)}/${callId}`)
        .set(bearer(token))
        .expect(403);
      await app
        .http()
        .put(`${cmPath(CHATBOT)}/${botId}`)
        .set(bearer(token))
        .send({ historicalCallRecord: false })
        .expect(403);

      const routes = pluginAdminRoutes(app.strapi, {
        callId: 'evidence-1',
        kind: 'INTELLIGENT_ROBOT',
        id: String(botId),
      });
      expect(routes.length).toBeGreaterThan(8);
      for (const route of routes) {
        const answer = await send(app, route, token);
        expect({ route, status: answer.status }).toEqual({ route, status: 403 });
      }

      const stored = await app.strapi.db!.query(CALL_RECORD).findOne({ where: { id: callId } });
      expect(stored).toMatchObject({ callingNumber: '8613800138000' });
      const bot = await app.strapi.db!.query(CHATBOT).findOne({ where: { id: botId } });
      expect(bot).toMatchObject({ historicalCallRecord: true });
    }
  );
});

describe('a stored call is evidence, on every write path, even shown in the Content Manager', () => {
  let app: TestApp;
  const calls = () => app.strapi.db!.query(CALL_RECORD);
  const entityService = () =>
    app.strapi.entityService as unknown as {
      update(uid: string, id: number, params: object): Promise<unknown>;
      delete(uid: string, id: number): Promise<unknown>;
    };
  const audit = async () =>
    (await app.http().get('/call-history/audit').set(bearer(app.admin.token)).expect(200)).body
      .data as Array<Record<string, unknown>>;

  beforeAll(async () => {
    app = await startTestApp(SHOWN_IN_CONTENT_MANAGER);
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  // Each contract field, and a value different from the stored one.
  const changes: Array<[string, unknown]> = [
    ['callId', 'rewritten'],
    ['callingNumber', '8613900000000'],
    ['calledNumber', '10010'],
    ['accessCode', '95555'],
    ['botKind', 'COMMON_IVR'],
    ['botName', 'Another robot'],
    ['startTime', '2026-03-01T08:00:00.000Z'],
    ['endTime', '2026-03-01T09:00:00.000Z'],
    ['durationSeconds', 1],
    ['endReason', 'TRANSFER'],
    ['flowTrace', [traceStep(0, '2026-03-01T08:30:00Z')]],
    ['recordingDecision', { recordCall: true, recordFlow: false }],
  ];

  describe.each(changes)('%s', (field, value) => {
    let stored: Record<string, unknown> & { id: number };
    beforeAll(async () => {
      stored = (await storeCall(app, `contract-${field}`)) as typeof stored;
      stored = await calls().findOne({ where: { id: stored.id } });
    });
    afterEach(async () => {
      expect(await calls().findOne({ where: { id: stored.id } })).toEqual(stored);
    });

    it('is refused through the Content Manager with a 400 naming it', async () => {
      const response = await app
        .http()
        .put(`${cmPath(CALL_RECORD)}/${stored.id}`)
        .set(bearer(app.admin.token))
        .send({ [field]: value })
        .expect(400);
      expect(response.body.error.details.errors[0].path).toEqual([field]);
      expect(response.body.error.message).toMatch(/cannot be changed/);
    });

    it('is refused through the entity service, the Query Engine and updateMany', async () => {
      const named = { details: { errors: [{ path: [field] }] } };
      await expect(
        entityService().update(CALL_RECORD, stored.id, { data: { [field]: value } })
      ).rejects.toMatchObject(named);
      await expect(
        calls().update({ where: { id: stored.id }, data: { [field]: value } })
      ).rejects.toMatchObject(named);
      await expect(
        calls().updateMany({ where: { id: stored.id }, data: { [field]: value } })
      ).rejects.toMatchObject(named);
    });
  });

  it('keeps extension attributes editable on every path, the whole form sent back included', async () => {
    const { id } = await storeCall(app, 'extension-edit');
    const read = await app
      .http()
      .get(`${cmPath(CALL_RECORD)}/${id}`)
      .set(bearer(app.admin.token))
      .expect(200);
    const form = { ...read.body, csat: 5, tags: { survey: 'done' } };
    delete form.createdBy;
    delete form.updatedBy;
    await app
      .http()
      .put(`${cmPath(CALL_RECORD)}/${id}`)
      .set(bearer(app.admin.token))
      .send(form)
      .expect(200);
    await entityService().update(CALL_RECORD, id, { data: { queueName: 'billing' } });
    await calls().update({ where: { id }, data: { customerTier: 'GOLD' } });
    await calls().updateMany({ where: { id }, data: { vip: true } });
    const after = await calls().findOne({ where: { id } });
    expect(after).toMatchObject({
      csat: 5,
      tags: { survey: 'done' },
      queueName: 'billing',
      customerTier: 'GOLD',
      vip: true,
      callingNumber: read.body.callingNumber,
      recordingDecision: read.body.recordingDecision,
      flowTrace: read.body.flowTrace,
    });
  });

  it('refuses every delete but the deletion service, which audits it without a number', async () => {
    const first = await storeCall(app, 'delete-1');
    const second = await storeCall(app, 'delete-2', { accessCode: '95555', botKind: 'COMMON_IVR' });
    const before = await calls().count();

    const cm = await app
      .http()
      .delete(`${cmPath(CALL_RECORD)}/${first.id}`)
      .set(bearer(app.admin.token))
      .expect(400);
    expect(cm.body.error.message).toMatch(/deletion service/);
    await app
      .http()
      .post(`${cmPath(CALL_RECORD)}/actions/bulkDelete`)
      .set(bearer(app.admin.token))
      .send({ ids: [first.id, second.id] })
      .expect(400);
    await expect(entityService().delete(CALL_RECORD, first.id)).rejects.toThrow(/deletion service/);
    await expect(calls().delete({ where: { id: first.id } })).rejects.toThrow(/deletion service/);
    await expect(calls().deleteMany({ where: {} })).rejects.toThrow(/deletion service/);
    expect(await calls().count()).toBe(before);

    const deletion = app.strapi.plugin('call-history').service('call-deletion') as {
      deleteCalls(request: object): Promise<unknown>;
    };
    await expect(
      deletion.deleteCalls({ callIds: ['delete-1'], reason: ' ' })
    ).rejects.toMatchObject({ details: { errors: [{ path: ['reason'] }] } });
    expect(
      await deletion.deleteCalls({
        callIds: ['delete-1', 'delete-2', 'never-stored'],
        reason: 'Test data entered by mistake',
      })
    ).toEqual({ deleted: 2, perAccessCode: { '10086': 1, '95555': 1 } });
    expect(await calls().count()).toBe(before - 2);

    const [entry] = await audit();
    expect(entry).toMatchObject({
      action: 'calls.delete',
      reason: 'Test data entered by mistake',
      changes: { deleted: 2, perAccessCode: { '10086': 1, '95555': 1 } },
    });
    expect(JSON.stringify(entry)).not.toMatch(/8613800138000|10086,|delete-1/);
  });

  it('audits robot and IVR-flow changes from every path: who, when, old and new', async () => {
    const token = app.admin.token;
    const created = await app
      .http()
      .post(`${cmPath(CHATBOT)}`)
      .set(bearer(token))
      .send({ name: 'Sales robot', accessCode: '20001', historicalCallRecord: true })
      .expect(200);
    await app
      .http()
      .put(`${cmPath(CHATBOT)}/${created.body.id}`)
      .set(bearer(token))
      .send({ historicalCallRecord: false, accessCode: '20002' })
      .expect(200);
    const viaRoute = await app
      .http()
      .post('/call-history/bots')
      .set(bearer(token))
      .send({ kind: 'COMMON_IVR', name: 'Night IVR', accessCode: '30001' })
      .expect(201);
    await app
      .http()
      .put(`/call-history/bots/COMMON_IVR/${viaRoute.body.data.id}`)
      .set(bearer(token))
      .send({ flowCallRecording: false })
      .expect(200);
    await app.strapi.db!.query(IVR_FLOW).update({
      where: { id: viaRoute.body.data.id },
      data: { name: 'Night IVR (old)' },
    });
    await app
      .http()
      .delete(`/call-history/bots/COMMON_IVR/${viaRoute.body.data.id}`)
      .set(bearer(token))
      .expect(200);
    await app
      .http()
      .delete(`${cmPath(CHATBOT)}/${created.body.id}`)
      .set(bearer(token))
      .expect(200);

    const entries = (await audit()).filter((entry) => String(entry.action).startsWith('bot.'));
    const admin = { email: app.admin.email };
    expect(entries.reverse()).toEqual([
      expect.objectContaining({
        action: 'bot.create',
        user: expect.objectContaining(admin),
        subject: {
          kind: 'INTELLIGENT_ROBOT',
          id: created.body.id,
          name: 'Sales robot',
          accessCode: '20001',
        },
        changes: expect.objectContaining({
          name: { from: null, to: 'Sales robot' },
          historicalCallRecord: { from: null, to: true },
        }),
      }),
      expect.objectContaining({
        action: 'bot.update',
        user: expect.objectContaining(admin),
        changes: {
          accessCode: { from: '20001', to: '20002' },
          historicalCallRecord: { from: true, to: false },
        },
      }),
      expect.objectContaining({
        action: 'bot.create',
        subject: expect.objectContaining({ kind: 'COMMON_IVR' }),
      }),
      expect.objectContaining({
        action: 'bot.update',
        changes: { flowCallRecording: { from: true, to: false } },
      }),
      expect.objectContaining({
        action: 'bot.update',
        user: null,
        changes: { name: { from: 'Night IVR', to: 'Night IVR (old)' } },
      }),
      expect.objectContaining({
        action: 'bot.delete',
        user: expect.objectContaining(admin),
        changes: expect.objectContaining({ accessCode: { from: '30001', to: null } }),
      }),
      expect.objectContaining({
        action: 'bot.delete',
        subject: expect.objectContaining({ accessCode: '20002' }),
      }),
    ]);
    for (const entry of entries) expect(Date.parse(String(entry.at))).not.toBeNaN();
  });

  it('keeps the audit trail append-only', async () => {
    const entries = app.strapi.db!.query(AUDIT_ENTRY);
    const [latest] = (await entries.findMany({ limit: 1 })) as Array<{ id: number }>;
    await expect(
      entries.update({ where: { id: latest.id }, data: { reason: 'edited' } })
    ).rejects.toThrow(/only grows/);
    await expect(entries.deleteMany({ where: {} })).rejects.toThrow(/only grows/);
    expect(await entries.findOne({ where: { id: latest.id } })).toMatchObject({ id: latest.id });
  });
});

describe('an install upgraded from a version that showed its types in the Content Manager', () => {
  it('loses the Content Manager permissions Strapi gave Editor and Author on them', async () => {
    const database = await sharedDatabase();
    const pluginPermissions = async (strapi: Strapi) =>
      (await strapi.db!.query('admin::permission').findMany({
        where: { subject: { $startsWith: 'plugin::call-history.' } },
        populate: ['role'],
      })) as Array<{ role: { code: string } | null }>;
    try {
      // The first boot, as the earlier version did it: Editor and Author get the types.
      let strapi = await database.boot(SHOWN_IN_CONTENT_MANAGER);
      const roles = (await pluginPermissions(strapi)).map((permission) => permission.role?.code);
      expect(roles).toEqual(expect.arrayContaining(['strapi-editor', 'strapi-author']));
      await strapi.destroy();

      strapi = await database.boot({});
      const left = (await pluginPermissions(strapi)).filter(
        (permission) => permission.role?.code !== 'strapi-super-admin'
      );
      await strapi.destroy();
      expect(left).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});
