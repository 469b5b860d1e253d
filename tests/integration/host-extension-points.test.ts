import {
  CALL_RECORD,
  INGEST_PATH,
  aCall,
  createApiToken,
  makeCall,
  setFlags,
} from '../helpers/ingest';
import { bearer, startTestApp, type TestApp, SHOWN_IN_CONTENT_MANAGER } from '../helpers/strapi';

const CM_CALLS = `/content-manager/collection-types/${CALL_RECORD}`;
const BLOCKED = '8613900000000';

const recordEverything = (app: TestApp) =>
  setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });

/**
 * tests/app/src/extensions/call-history/strapi-server.js wraps the plugin's recording-policy
 * service when CALL_HISTORY_BLOCKED_NUMBERS is set (tests/app/src/call-history/blocked-numbers.js).
 */
describe('a host app wrapping the recording-policy service', () => {
  let app: TestApp;
  const calls = () => app.strapi.db!.query(CALL_RECORD);
  const service = () => app.strapi.plugin('call-history').service('calls');

  beforeAll(async () => {
    app = await startTestApp({
      ...SHOWN_IN_CONTENT_MANAGER,
      CALL_HISTORY_BLOCKED_NUMBERS: `+86 139 0000 0000, 95588`,
    });
    await recordEverything(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers through the service Strapi resolves for the plugin', async () => {
    const policy = app.strapi.plugin('call-history').service('recording-policy');
    const context = await policy.loadContext(['10086']);
    expect(policy.evaluate(aCall({ callingNumber: BLOCKED }), context)).toMatchObject({
      outcome: 'refuse',
      reason: `calling number ${BLOCKED} is blocked by the host app`,
      decision: { recordCall: false, call: { flag: 'CHATRECORDFLAG', flagValue: 'ON' } },
    });
    expect(policy.evaluate(aCall(), context)).toMatchObject({ outcome: 'record' });
  });

  it("refuses a blocked number through the plugin's service", async () => {
    const before = await calls().count();
    await expect(service().create(aCall({ callingNumber: BLOCKED }))).rejects.toMatchObject({
      name: 'ApplicationError',
      message: expect.stringContaining('is blocked by the host app'),
    });
    expect(await calls().count()).toBe(before);
  });

  it('refuses it through the Query Engine, create and createMany', async () => {
    const before = await calls().count();
    await expect(calls().create({ data: aCall({ callingNumber: '95588' }) })).rejects.toThrow(
      /calling number 95588 is blocked/
    );
    await expect(
      calls().createMany({ data: [aCall(), aCall({ callingNumber: BLOCKED })] })
    ).rejects.toThrow(/is blocked by the host app/);
    expect(await calls().count()).toBe(before);
  });

  it('refuses it through the Content Manager with a 400', async () => {
    const before = await calls().count();
    const response = await app
      .http()
      .post(CM_CALLS)
      .set(bearer(app.admin.token))
      .send(aCall({ callingNumber: BLOCKED }))
      .expect(400);
    expect(response.body.error.message).toContain(`calling number ${BLOCKED} is blocked`);
    expect(await calls().count()).toBe(before);
  });

  it('answers not_recorded with its reason in a batch, storing the other calls', async () => {
    const token = await createApiToken(app, 'blocked-numbers');
    const response = await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({
        data: [makeCall('batch-blocked', { callingNumber: BLOCKED }), makeCall('batch-allowed')],
      })
      .expect(200);
    expect(response.body.data.results).toEqual([
      {
        callId: 'batch-blocked',
        status: 'not_recorded',
        reason: `calling number ${BLOCKED} is blocked by the host app`,
      },
      { callId: 'batch-allowed', status: 'stored', flowRecorded: true },
    ]);
    expect(await calls().count({ where: { callId: 'batch-blocked' } })).toBe(0);
    expect(await calls().count({ where: { callId: 'batch-allowed' } })).toBe(1);
  });

  it('still records every other number, as the flags say', async () => {
    await service().create(aCall({ callId: 'not-blocked' }));
    expect(await service().findByCallId('not-blocked')).toMatchObject({
      recordingDecision: { recordCall: true, reason: 'FLOWRECORDFLAG is ON' },
    });
  });
});

describe('the same host app without a blocked-number list', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(SHOWN_IN_CONTENT_MANAGER);
    await recordEverything(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('leaves the policy as the plugin ships it', async () => {
    const service = app.strapi.plugin('call-history').service('calls');
    await service.create(aCall({ callId: 'was-blocked', callingNumber: BLOCKED }));
    expect(await service.findByCallId('was-blocked')).toMatchObject({ callingNumber: BLOCKED });
  });

  /** tests/app/src/index.js subscribes to the plugin's events in its bootstrap. */
  it("delivers call-history.settings.updated to the host app's listener", async () => {
    const events = app.strapi.service('api::call-events.call-events') as unknown as {
      list(event: string): Array<{ event: string; payload: Record<string, unknown> }>;
    };
    const before = events.list('call-history.settings.updated').length;
    await app
      .http()
      .put('/call-history/settings')
      .set(bearer(app.admin.token))
      .send({ CCIVRRECORDFLAG: 'BOT_LEVEL' })
      .expect(200);
    const received = events.list('call-history.settings.updated');
    expect(received).toHaveLength(before + 1);
    expect(received[received.length - 1].payload).toEqual({
      settings: {
        CHATRECORDFLAG: 'ON',
        FLOWRECORDFLAG: 'ON',
        CCIVRRECORDFLAG: 'BOT_LEVEL',
        retentionDays: null,
      },
      changes: { CCIVRRECORDFLAG: { from: 'ON', to: 'BOT_LEVEL' } },
      user: { id: expect.any(Number), email: app.admin.email },
    });
  });
  it("delivers call-history.call.recorded to the host app's listener, once per ingest batch", async () => {
    const events = app.strapi.service('api::call-events.call-events') as unknown as {
      list(event: string): Array<{ event: string; payload: Record<string, unknown> }>;
    };
    const before = events.list('call-history.call.recorded').length;
    const token = await createApiToken(app, 'host-listener');
    await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({ data: [makeCall('host-ev-1'), makeCall('host-ev-2')] })
      .expect(200);
    const received = events.list('call-history.call.recorded');
    expect(received).toHaveLength(before + 1);
    expect(received[received.length - 1].payload).toMatchObject({
      source: 'batch',
      count: 2,
      callIds: ['host-ev-1', 'host-ev-2'],
    });
  });
});
