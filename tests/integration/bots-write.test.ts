import { bearer, createAdminUser, startTestApp, type TestApp } from '../helpers/strapi';

interface ErrorBody {
  error: { status: number; name: string; details: { errors?: Array<{ path: string[] }> } };
}

const paths = (body: ErrorBody) => (body.error.details.errors ?? []).map((e) => e.path.join('.'));

describe('POST /call-history/bots and PUT /call-history/bots/:kind/:id', () => {
  let app: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.admin.token);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('creates a robot and answers it with its effective recording state', async () => {
    const response = await app
      .http()
      .post('/call-history/bots')
      .set(admin)
      .send({
        kind: 'INTELLIGENT_ROBOT',
        name: 'Sales bot',
        accessCode: ' 1001 ',
        historicalCallRecord: true,
        flowCallRecording: false,
      })
      .expect(201);
    expect(response.body.data).toMatchObject({
      kind: 'INTELLIGENT_ROBOT',
      name: 'Sales bot',
      accessCode: '1001',
      historicalCallRecord: true,
      flowCallRecording: false,
      effective: { call: false, flow: false, reason: 'CHATRECORDFLAG is OFF' },
    });
    const stored = await app.strapi.db
      ?.query('plugin::call-history.chatbot')
      .findOne({ where: { accessCode: '1001' } });
    expect(stored).toMatchObject({ name: 'Sales bot', flowCallRecording: false });
  });

  it('refuses an access code already used by the other kind, naming accessCode', async () => {
    const response = await app
      .http()
      .post('/call-history/bots')
      .set(admin)
      .send({ kind: 'COMMON_IVR', name: 'Main IVR', accessCode: '1001' })
      .expect(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(paths(response.body)).toEqual(['accessCode']);
    expect(response.body.error.message).toContain('Sales bot');
  });

  it('names every bad field of a create body', async () => {
    const response = await app
      .http()
      .post('/call-history/bots')
      .set(admin)
      .send({ kind: 'ROBOT', name: '', historicalCallRecord: 'maybe', extra: 1 })
      .expect(400);
    expect(paths(response.body)).toEqual(
      expect.arrayContaining(['kind', 'name', 'accessCode', 'historicalCallRecord'])
    );
  });

  it('refuses an access code the lifecycle rejects (spaces), at the field', async () => {
    const response = await app
      .http()
      .post('/call-history/bots')
      .set(admin)
      .send({ kind: 'COMMON_IVR', name: 'Bad', accessCode: '12 34' })
      .expect(400);
    expect(paths(response.body)).toEqual(['accessCode']);
  });

  it('edits an IVR flow, keeps its own code and refuses a taken one', async () => {
    const created = await app
      .http()
      .post('/call-history/bots')
      .set(admin)
      .send({ kind: 'COMMON_IVR', name: 'Main IVR', accessCode: '2001' })
      .expect(201);
    const id = created.body.data.id as number;

    const renamed = await app
      .http()
      .put(`/call-history/bots/COMMON_IVR/${id}`)
      .set(admin)
      .send({ name: 'Main menu', accessCode: '2001', flowCallRecording: false })
      .expect(200);
    expect(renamed.body.data).toMatchObject({ id, name: 'Main menu', flowCallRecording: false });

    const clash = await app
      .http()
      .put(`/call-history/bots/COMMON_IVR/${id}`)
      .set(admin)
      .send({ accessCode: '1001' })
      .expect(400);
    expect(paths(clash.body)).toEqual(['accessCode']);
  });

  it('answers 404 for an unknown bot and 400 for a bad kind or id', async () => {
    await app
      .http()
      .put('/call-history/bots/COMMON_IVR/999999')
      .set(admin)
      .send({ name: 'x' })
      .expect(404);
    const badKind = await app
      .http()
      .put('/call-history/bots/FAX/abc')
      .set(admin)
      .send({ name: 'x' })
      .expect(400);
    expect(paths(badKind.body)).toEqual(expect.arrayContaining(['kind', 'id']));
  });

  it('lets an Agent read the bots but not write them', async () => {
    const agent = bearer(await createAdminUser(app, 'agent@call-history.test', ['Agent']));
    const list = await app.http().get('/call-history/bots').set(agent).expect(200);
    expect(list.body.data.map((bot: { accessCode: string }) => bot.accessCode).sort()).toEqual([
      '1001',
      '2001',
    ]);
    await app
      .http()
      .post('/call-history/bots')
      .set(agent)
      .send({ kind: 'COMMON_IVR', name: 'Nope', accessCode: '3001' })
      .expect(403);
    await app
      .http()
      .put('/call-history/bots/INTELLIGENT_ROBOT/1')
      .set(agent)
      .send({ name: 'Nope' })
      .expect(403);
  });
});
