import { bearer, createAdminUser, startTestApp, type TestApp } from '../helpers/strapi';

describe('settings routes', () => {
  let app: TestApp;
  let agentToken: string;
  let tenantAdminToken: string;

  beforeAll(async () => {
    app = await startTestApp();
    agentToken = await createAdminUser(app, 'agent@call-history.test', ['Agent']);
    tenantAdminToken = await createAdminUser(app, 'tenant@call-history.test', [
      'Tenant Space Administrator',
    ]);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const getSettings = (token = app.admin.token) =>
    app.http().get('/call-history/settings').set(bearer(token));
  const putSettings = (body: unknown, token = app.admin.token) =>
    app
      .http()
      .put('/call-history/settings')
      .set(bearer(token))
      .send(body as object);

  it('starts with every flag OFF and calls kept forever', async () => {
    const response = await getSettings().expect(200);
    expect(response.body).toEqual({
      data: {
        CHATRECORDFLAG: 'OFF',
        FLOWRECORDFLAG: 'OFF',
        CCIVRRECORDFLAG: 'OFF',
        retentionDays: null,
      },
    });
  });

  it('updates any subset of the flags and answers the whole set', async () => {
    const response = await putSettings({
      CHATRECORDFLAG: 'ON',
      CCIVRRECORDFLAG: 'BOT_LEVEL',
    }).expect(200);
    expect(response.body.data).toEqual({
      CHATRECORDFLAG: 'ON',
      FLOWRECORDFLAG: 'OFF',
      CCIVRRECORDFLAG: 'BOT_LEVEL',
      retentionDays: null,
    });
    expect((await getSettings().expect(200)).body.data).toEqual(response.body.data);
  });

  it.each([
    [{ CHATRECORDFLAG: 'MAYBE' }, 'CHATRECORDFLAG'],
    [{ FLOWRECORDFLAG: 'on' }, 'FLOWRECORDFLAG'],
    [{ CCIVRRECORDFLAG: 1 }, 'CCIVRRECORDFLAG'],
    [{ CCIVRRECORDFLAG: null }, 'CCIVRRECORDFLAG'],
  ])('refuses %j with a 400 naming %s and keeps what is stored', async (body, field) => {
    const before = (await getSettings().expect(200)).body.data;
    const response = await putSettings(body).expect(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.details.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: [field] })])
    );
    expect((await getSettings().expect(200)).body.data).toEqual(before);
  });

  it('refuses an unknown key, naming it', async () => {
    const response = await putSettings({ CHATRECORDFLAG: 'ON', chatRecordFlag: 'OFF' }).expect(400);
    expect(response.body.error.message).toMatch(/chatRecordFlag/);
  });

  it('keeps an audit trail, newest first, with who, when, old and new', async () => {
    await putSettings({ FLOWRECORDFLAG: 'BOT_LEVEL' }, tenantAdminToken).expect(200);
    await putSettings({ FLOWRECORDFLAG: 'BOT_LEVEL' }).expect(200); // no change: no entry
    const response = await app
      .http()
      .get('/call-history/settings/history')
      .set(bearer(app.admin.token))
      .expect(200);
    const [latest, previous] = response.body.data;
    expect(latest).toMatchObject({
      user: { email: 'tenant@call-history.test' },
      changes: { FLOWRECORDFLAG: { from: 'OFF', to: 'BOT_LEVEL' } },
    });
    expect(Object.keys(latest.changes)).toEqual(['FLOWRECORDFLAG']);
    expect(new Date(latest.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(previous).toMatchObject({
      user: { email: 'admin@call-history.test' },
      changes: {
        CHATRECORDFLAG: { from: 'OFF', to: 'ON' },
        CCIVRRECORDFLAG: { from: 'OFF', to: 'BOT_LEVEL' },
      },
    });
  });

  it('emits call-history.settings.updated with the changes', async () => {
    const received: unknown[] = [];
    const listener = async (payload: unknown) => {
      received.push(payload);
    };
    app.strapi.eventHub.on('call-history.settings.updated', listener);
    try {
      await putSettings({ CHATRECORDFLAG: 'BOT_LEVEL' }).expect(200);
    } finally {
      app.strapi.eventHub.off('call-history.settings.updated', listener);
    }
    expect(received).toEqual([
      expect.objectContaining({
        changes: { CHATRECORDFLAG: { from: 'ON', to: 'BOT_LEVEL' } },
        settings: expect.objectContaining({ CHATRECORDFLAG: 'BOT_LEVEL' }),
      }),
    ]);
  });

  it('validates and audits a Query Engine updateMany like any other write', async () => {
    const setting = app.strapi.db!.query('plugin::call-history.setting');
    await expect(
      setting.updateMany({ where: {}, data: { chatRecordFlag: 'MAYBE' } })
    ).rejects.toThrow(/CHATRECORDFLAG must be one of ON, OFF, BOT_LEVEL/);
    expect((await getSettings().expect(200)).body.data.CHATRECORDFLAG).toBe('BOT_LEVEL');

    const received: unknown[] = [];
    const listener = async (payload: unknown) => {
      received.push(payload);
    };
    app.strapi.eventHub.on('call-history.settings.updated', listener);
    try {
      await setting.updateMany({ where: {}, data: { chatRecordFlag: 'ON' } });
    } finally {
      app.strapi.eventHub.off('call-history.settings.updated', listener);
    }
    expect(received).toEqual([
      expect.objectContaining({ changes: { CHATRECORDFLAG: { from: 'BOT_LEVEL', to: 'ON' } } }),
    ]);
    const history = await app
      .http()
      .get('/call-history/settings/history')
      .set(bearer(app.admin.token))
      .expect(200);
    expect(history.body.data[0]).toMatchObject({
      user: null,
      changes: { CHATRECORDFLAG: { from: 'BOT_LEVEL', to: 'ON' } },
    });
  });

  it('keeps a change when a listener of its event throws, and the process keeps running', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const listener = async () => {
      throw new Error('listener failure');
    };
    app.strapi.eventHub.on('call-history.settings.updated', listener);
    try {
      await putSettings({ FLOWRECORDFLAG: 'ON' }).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      app.strapi.eventHub.off('call-history.settings.updated', listener);
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect((await getSettings().expect(200)).body.data.FLOWRECORDFLAG).toBe('ON');
  });

  it('audits each of concurrent saves: N changes leave N entries, each from the state before it', async () => {
    const values = ['ON', 'OFF', 'BOT_LEVEL'] as const;
    const start = (await getSettings().expect(200)).body.data;
    // Twelve different flag sets, none equal to the start: whatever order the saves land in,
    // each one changes something.
    const sets = values
      .flatMap((chat) =>
        values.flatMap((flow) =>
          values.map((ivr) => ({
            CHATRECORDFLAG: chat,
            FLOWRECORDFLAG: flow,
            CCIVRRECORDFLAG: ivr,
          }))
        )
      )
      .filter((set) => JSON.stringify(set) !== JSON.stringify(start))
      .slice(0, 12);
    const tokens = [app.admin.token, tenantAdminToken];
    await Promise.all(sets.map((set, index) => putSettings(set, tokens[index % 2]).expect(200)));

    const history = (
      await app
        .http()
        .get('/call-history/settings/history')
        .set(bearer(app.admin.token))
        .expect(200)
    ).body.data as Array<{ changes: Record<string, { from: string; to: string }> }>;
    const entries = history.slice(0, sets.length).reverse();
    expect(entries).toHaveLength(sets.length);
    // Replaying the entries from the start state gives, step by step, a set that was saved,
    // and ends on the state the server holds: no change was missed or read stale.
    let state: Record<string, string> = { ...start };
    const reached: string[] = [];
    for (const { changes } of entries) {
      for (const [flag, { from, to }] of Object.entries(changes)) {
        expect({ flag, from }).toEqual({ flag, from: state[flag] });
        state = { ...state, [flag]: to };
      }
      reached.push(JSON.stringify(state));
    }
    // The retention period is not among the saves: it stays as it was.
    expect(reached.sort()).toEqual(
      sets.map((set) => JSON.stringify({ ...set, retentionDays: start.retentionDays })).sort()
    );
    expect((await getSettings().expect(200)).body.data).toEqual(state);
  });

  describe('permissions', () => {
    it('answers 401 without a token, on every route', async () => {
      await app.http().get('/call-history/settings').expect(401);
      await app.http().put('/call-history/settings').send({ CHATRECORDFLAG: 'ON' }).expect(401);
      await app.http().get('/call-history/settings/history').expect(401);
      await app.http().get('/call-history/bots').expect(401);
    });

    it('lets an Agent read the settings, the history and the bots but not change settings', async () => {
      await getSettings(agentToken).expect(200);
      await app.http().get('/call-history/settings/history').set(bearer(agentToken)).expect(200);
      await app.http().get('/call-history/bots').set(bearer(agentToken)).expect(200);
      const before = (await getSettings().expect(200)).body.data;
      await putSettings({ CHATRECORDFLAG: 'OFF' }, agentToken).expect(403);
      expect((await getSettings().expect(200)).body.data).toEqual(before);
    });

    it('lets a Tenant Space Administrator change settings', async () => {
      await putSettings({ CCIVRRECORDFLAG: 'ON' }, tenantAdminToken).expect(200);
    });

    it('refuses an admin whose role holds none of the plugin actions', async () => {
      const editorToken = await createAdminUser(app, 'editor@call-history.test', ['Editor']);
      await getSettings(editorToken).expect(403);
      await app.http().get('/call-history/bots').set(bearer(editorToken)).expect(403);
    });
  });
});
