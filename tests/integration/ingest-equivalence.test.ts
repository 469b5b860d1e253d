import { FLAG_VALUES } from '../../server/src/domain/recording-decision';
import {
  CALL_RECORD,
  INGEST_PATH,
  countCalls,
  createApiToken,
  makeCall,
  setFlags,
} from '../helpers/ingest';
import { bearer, startTestApp, type TestApp } from '../helpers/strapi';

type Row = Record<string, unknown>;

/**
 * The ingest API writes through knex; every other path goes through the Query Engine and its
 * lifecycles. Both must take the same decision and store the same row for the same call, under
 * every combination of flags and bot switches; a developer's extension attributes included.
 */
describe('ingest API and Query Engine lifecycles agree', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = await createApiToken(app, 'call platform');
    const db = app.strapi.db!;
    const bots: Array<[string, string, boolean, boolean]> = [
      ['plugin::call-history.chatbot', 'robot-tt', true, true],
      ['plugin::call-history.chatbot', 'robot-tf', true, false],
      ['plugin::call-history.chatbot', 'robot-ft', false, true],
      ['plugin::call-history.ivr-flow', 'ivr-tt', true, true],
      ['plugin::call-history.ivr-flow', 'ivr-tf', true, false],
    ];
    for (const [uid, accessCode, historicalCallRecord, flowCallRecording] of bots) {
      await db.query(uid).create({
        data: { name: `Bot ${accessCode}`, accessCode, historicalCallRecord, flowCallRecording },
      });
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  const extension = {
    queueName: 'gold',
    csat: 4,
    tags: ['vip', { region: 'EU' }],
    answeredAt: '2026-03-01T08:30:02+01:00',
  };
  const cases: Array<[string, Row]> = [
    ['robot, both switches on', { accessCode: 'robot-tt', botKind: undefined }],
    ['robot, flow switch off', { accessCode: 'robot-tf', botKind: undefined }],
    ['robot, call switch off', { accessCode: 'robot-ft', botKind: undefined }],
    ['IVR, both switches on', { accessCode: 'ivr-tt', botKind: undefined }],
    ['IVR, flow switch off', { accessCode: 'ivr-tf', botKind: undefined }],
    ['no bot, robot call', { accessCode: 'nobody', botKind: 'INTELLIGENT_ROBOT' }],
    ['no bot, IVR call', { accessCode: 'nobody', botKind: 'COMMON_IVR' }],
    ['no bot and no kind', { accessCode: 'nobody', botKind: undefined }],
  ];
  const flagSets = FLAG_VALUES.flatMap((chat) =>
    FLAG_VALUES.flatMap((flow) =>
      FLAG_VALUES.map((ivr) => ({
        CHATRECORDFLAG: chat,
        FLOWRECORDFLAG: flow,
        CCIVRRECORDFLAG: ivr,
      }))
    )
  );

  /** The lifecycle path: a Query Engine create, as the Content Manager does. */
  const createThroughQueryEngine = async (data: Row) => {
    try {
      await app.strapi.db!.query(CALL_RECORD).create({ data });
      return { status: 'stored' as const };
    } catch (error) {
      const details = (
        error as { details?: { reason?: string; errors?: Array<{ path: string[] }> } }
      ).details;
      if (details?.reason) return { status: 'not_recorded' as const, reason: details.reason };
      if (details?.errors) return { status: 'invalid' as const, path: details.errors[0].path[0] };
      throw error;
    }
  };

  const comparable = (row: Row | null) => {
    if (!row) return null;
    const { id, callId, createdAt, updatedAt, ...rest } = row;
    expect(typeof id).toBe('number');
    expect(typeof callId).toBe('string');
    expect(createdAt).toEqual(expect.any(String));
    expect(updatedAt).toEqual(createdAt);
    return rest;
  };

  it.each(flagSets.map((flags) => [Object.values(flags).join('/'), flags]))(
    'flags %s',
    async (label, flags) => {
      await setFlags(app, flags);
      const tag = String(label).replace(/\//g, '-');
      const batch = cases.map(([, overrides], i) =>
        makeCall(`api-${tag}-${i}`, { ...overrides, ...extension }, 3)
      );
      const answer = await app
        .http()
        .post(INGEST_PATH)
        .set(bearer(token))
        .send({ data: batch })
        .expect(200);

      for (const [i, [name, overrides]] of cases.entries()) {
        const data = makeCall(`qe-${tag}-${i}`, { ...overrides, ...extension }, 3) as Row;
        for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
        const viaQueryEngine = await createThroughQueryEngine(data);
        const viaApi = answer.body.data.results[i];
        const context = `${name} under ${label}`;

        expect({ context, status: viaApi.status }).toEqual({
          context,
          status: viaQueryEngine.status,
        });
        if (viaQueryEngine.status === 'not_recorded')
          expect(viaApi.reason).toBe(viaQueryEngine.reason);
        if (viaQueryEngine.status === 'invalid') expect(viaApi.path).toBe(viaQueryEngine.path);
        if (viaQueryEngine.status !== 'stored') continue;

        const [apiRow, qeRow] = await Promise.all(
          [viaApi.callId, data.callId].map((callId) =>
            app.strapi.db!.query(CALL_RECORD).findOne({ where: { callId } })
          )
        );
        expect({ context, row: comparable(apiRow) }).toEqual({ context, row: comparable(qeRow) });
        expect(viaApi.flowRecorded).toBe(apiRow.recordingDecision.recordFlow);
        expect(apiRow.flowTrace === null).toBe(!viaApi.flowRecorded);
      }
    }
  );

  it('stores extension attributes with their types, and their defaults when absent', async () => {
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
    await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({ data: [makeCall('ext-1', extension), makeCall('ext-2')] })
      .expect(200);
    const [full, bare] = await Promise.all(
      ['ext-1', 'ext-2'].map((callId) =>
        app.strapi.db!.query(CALL_RECORD).findOne({ where: { callId } })
      )
    );
    expect(full).toMatchObject({
      queueName: 'gold',
      csat: 4,
      tags: ['vip', { region: 'EU' }],
      answeredAt: '2026-03-01T07:30:02.000Z',
      vip: false,
    });
    expect(bare).toMatchObject({ queueName: null, csat: null, tags: null, vip: false });
  });

  it('applies the rules of the plugin own custom fields to extension attributes', async () => {
    const before = await countCalls(app);
    const response = await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({
        data: [
          makeCall('ext-cb-1', { callbackNumber: '+86 138-0000-1234' }),
          makeCall('ext-cb-2', { callbackNumber: 'call me' }),
          makeCall('ext-cb-3', { customerTier: 'BRONZE' }),
        ],
      })
      .expect(200);
    expect(response.body.data.results).toEqual([
      expect.objectContaining({ callId: 'ext-cb-1', status: 'stored' }),
      expect.objectContaining({ callId: 'ext-cb-2', status: 'invalid', path: 'callbackNumber' }),
      expect.objectContaining({ callId: 'ext-cb-3', status: 'invalid', path: 'customerTier' }),
    ]);
    expect(await countCalls(app)).toBe(before + 1);
    const stored = await app.strapi
      .db!.query(CALL_RECORD)
      .findOne({ where: { callId: 'ext-cb-1' } });
    expect(stored.callbackNumber).toBe('+8613800001234');
  });

  it('refuses an extension attribute of the wrong type, naming it, storing nothing', async () => {
    const before = await countCalls(app);
    const response = await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({ data: [makeCall('ext-3', { csat: 9 }), makeCall('ext-4', { vip: 'yes' })] })
      .expect(200);
    expect(response.body.data.results).toEqual([
      {
        callId: 'ext-3',
        status: 'invalid',
        path: 'csat',
        reason: 'csat must be at most 5',
      },
      { callId: 'ext-4', status: 'invalid', path: 'vip', reason: 'vip must be true or false' },
    ]);
    expect(await countCalls(app)).toBe(before);
  });
});
