import { CALL_RECORD, makeCall, setFlags, traceStep } from '../helpers/ingest';
import { bearer, startTestApp, type TestApp, SHOWN_IN_CONTENT_MANAGER } from '../helpers/strapi';

const CM_CALLS = `/content-manager/collection-types/${CALL_RECORD}`;

/**
 * The batch ingest's field validator on the Query Engine paths (docs/design.md#call-records-are-evidence: enforcement in the
 * database lifecycles): the Content Manager, the entity service and `strapi.db.query()` refuse
 * what the batch refuses, naming the field, and still take what the Content Manager sends.
 */
describe('one field validator on every write path of a call record', () => {
  let app: TestApp;
  const calls = () => app.strapi.db!.query(CALL_RECORD);
  const viaContentManager = (data: object) =>
    app.http().post(CM_CALLS).set(bearer(app.admin.token)).send(data);

  let sequence = 0;
  const aCall = (overrides: Record<string, unknown> = {}) =>
    makeCall(`qe-${++sequence}`, overrides, 2);
  const withStep = (patch: Record<string, unknown>) => [
    traceStep(0, '2026-03-01T08:30:00Z'),
    { ...traceStep(1, '2026-03-01T08:30:05Z'), ...patch },
  ];

  beforeAll(async () => {
    // Smaller than the defaults, to show both keys hold on these paths as configured.
    app = await startTestApp({
      ...SHOWN_IN_CONTENT_MANAGER,
      CALL_HISTORY_MAX_FLOW_TRACE_BYTES: String(64 * 1024),
      CALL_HISTORY_MAX_CALL_DURATION_SECONDS: String(2 * 3600),
    });
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  // [name, what the call gets wrong, the field named]
  const badCalls: Array<[string, Record<string, unknown>, string]> = [
    ['callingNumber with the search wildcard', { callingNumber: '86*138' }, 'callingNumber'],
    ['callingNumber with letters', { callingNumber: 'abc' }, 'callingNumber'],
    ['endTime before startTime', { endTime: '2026-03-01T08:29:59Z' }, 'endTime'],
    ['accessCode with a space', { accessCode: 'has space' }, 'accessCode'],
    ['flowTrace not an array of steps', { flowTrace: { hello: 1 } }, 'flowTrace'],
    [
      'a flow step without nodeName',
      { flowTrace: withStep({ nodeName: undefined }) },
      'flowTrace[1].nodeName',
    ],
    [
      'a flow step with a NUL character',
      { flowTrace: withStep({ userInput: 'a\u0000b' }) },
      'flowTrace[1].userInput',
    ],
    ['calledNumber with letters', { calledNumber: 'abc' }, 'calledNumber'],
    ['endReason with an unpaired surrogate', { endReason: 'x\ud800' }, 'endReason'],
    ['startTime without an offset', { startTime: '2026-03-01T08:30:00' }, 'startTime'],
    ['durationSeconds negative', { durationSeconds: -5 }, 'durationSeconds'],
    ['an extension string with a NUL character', { queueName: 'a\u0000' }, 'queueName'],
    ['an extension json with a NUL character', { tags: { note: 'a\u0000' } }, 'tags.note'],
    [
      'a flow trace over maxFlowTraceBytes (64 KiB here)',
      {
        flowTrace: Array.from({ length: 20 }, (_, seq) => ({
          ...traceStep(seq, '2026-03-01T08:30:00Z'),
          botReply: 'r'.repeat(4000),
        })),
      },
      'flowTrace',
    ],
    [
      'startTime in year 0026, once read as 1926',
      { startTime: '0026-03-01T08:30:00Z' },
      'startTime',
    ],
    [
      'endTime in year 0099, once read as 1999: a call ending before it started',
      { startTime: '1999-12-31T23:00:00Z', endTime: '0099-12-31T23:30:00Z' },
      'endTime',
    ],
    [
      'a call longer than maxCallDurationSeconds (2 h here)',
      { endTime: '2026-03-01T10:30:01Z' },
      'endTime',
    ],
    ['durationSeconds over maxCallDurationSeconds', { durationSeconds: 7201 }, 'durationSeconds'],
    ['callId with a C1 control character', { callId: 'qe-\u009b' }, 'callId'],
  ];

  it.each(badCalls)(
    'refuses %s through strapi.db.query().create, naming the field',
    async (_, overrides, field) => {
      const before = await calls().count();
      await expect(calls().create({ data: aCall(overrides) })).rejects.toMatchObject({
        name: 'ValidationError',
        details: { errors: [{ path: [field] }] },
      });
      expect(await calls().count()).toBe(before);
    }
  );

  it.each(badCalls)(
    'refuses %s through the Content Manager with 400, naming the field',
    async (_, overrides, field) => {
      const before = await calls().count();
      const response = await viaContentManager(aCall(overrides)).expect(400);
      expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(response.body.error.details.errors[0].path).toEqual([field]);
      expect(response.body.error.message).toContain(field);
      expect(await calls().count()).toBe(before);
    }
  );

  it('refuses a whole createMany when one call is bad, through the plugin service too', async () => {
    const before = await calls().count();
    await expect(
      calls().createMany({ data: [aCall(), aCall({ callingNumber: '86*138' })] })
    ).rejects.toMatchObject({ details: { errors: [{ path: ['callingNumber'] }] } });
    const service = app.strapi.plugin('call-history').service('calls');
    await expect(service.create(aCall({ accessCode: 'has space' }))).rejects.toMatchObject({
      name: 'ValidationError',
    });
    expect(await calls().count()).toBe(before);
  });

  it('accepts what the Content Manager form sends: plugin fields, nulls and blanks', async () => {
    const response = await viaContentManager({
      ...aCall({ callId: 'cm-form', botKind: 'COMMON_IVR', flowTrace: null }),
      calledNumber: '',
      endReason: '',
      durationSeconds: 125,
      botName: 'typed into the form',
      recordingDecision: { recordCall: true, recordFlow: true },
      queueName: '',
      csat: null,
      customerTier: null,
      tags: null,
      vip: false,
    }).expect(200);
    const stored = await calls().findOne({ where: { id: response.body.id } });
    expect(stored).toMatchObject({
      callId: 'cm-form',
      calledNumber: null,
      endReason: null,
      durationSeconds: 125,
      // Nobody owns 10086 here: no bot snapshot, whatever the form said.
      botName: null,
      flowTrace: null,
      recordingDecision: { recordCall: true, reason: 'CCIVRRECORDFLAG is ON' },
    });
    expect(stored.recordingDecision.call).toMatchObject({ flag: 'CHATRECORDFLAG' });
  });

  it('accepts the whole entry the Content Manager sends back on save, ids and dates included', async () => {
    const created = await viaContentManager(aCall({ callId: 'cm-edit' })).expect(200);
    const read = await app
      .http()
      .get(`${CM_CALLS}/${created.body.id}`)
      .set(bearer(app.admin.token))
      .expect(200);
    // The form leaves out only the creator fields (the admin's CREATOR_FIELDS).
    const entry = { ...read.body };
    delete entry.createdBy;
    delete entry.updatedBy;
    expect(Object.keys(entry)).toEqual(
      expect.arrayContaining(['id', 'createdAt', 'durationSeconds', 'botName', 'recordingDecision'])
    );
    const saved = await app
      .http()
      .put(`${CM_CALLS}/${created.body.id}`)
      .set(bearer(app.admin.token))
      .send({ ...entry, queueName: 'billing', csat: 4 })
      .expect(200);
    expect(saved.body).toMatchObject({ callId: 'cm-edit', queueName: 'billing', csat: 4 });
    expect(saved.body.recordingDecision).toEqual(read.body.recordingDecision);
  });

  it('refuses a bad extension field in an update, through the Content Manager and the Query Engine', async () => {
    const created = await calls().create({ data: aCall({ callId: 'qe-edit' }) });
    const response = await app
      .http()
      .put(`${CM_CALLS}/${created.id}`)
      .set(bearer(app.admin.token))
      .send({ csat: 9 })
      .expect(400);
    expect(response.body.error.details.errors[0].path).toEqual(['csat']);
    await expect(
      calls().update({ where: { id: created.id }, data: { customerTier: 'BRONZE' } })
    ).rejects.toMatchObject({ details: { errors: [{ path: ['customerTier'] }] } });
    expect(await calls().findOne({ where: { id: created.id } })).toMatchObject({
      csat: null,
      customerTier: null,
    });
  });

  it('takes free text as text and offsets written +08, through the Content Manager and the Query Engine', async () => {
    const endReason = 'Hang-up, "busy"\nsecond line\t用户挂机';
    const viaForm = await viaContentManager(
      aCall({ callId: 'cm-free-text', endReason, startTime: '2026-03-01T16:30:00+08' })
    ).expect(200);
    expect(viaForm.body).toMatchObject({
      endReason,
      startTime: '2026-03-01T08:30:00.000Z',
      durationSeconds: 125,
    });
    const created = await calls().create({
      data: aCall({
        flowTrace: withStep({
          nodeName: 'Menu,\n"main"',
          userInput: '您好\r\n再见',
          at: '2026-03-01T16:30:05+0800',
        }),
      }),
    });
    expect(created.flowTrace[1]).toMatchObject({
      nodeName: 'Menu,\n"main"',
      userInput: '您好\r\n再见',
      at: '2026-03-01T16:30:05+08:00',
    });
  });
});
