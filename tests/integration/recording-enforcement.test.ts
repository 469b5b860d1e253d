import type { RecordingFlags } from '../../server/src/domain/recording-decision';
import { createStandardBots } from '../helpers/fixtures';
import { bearer, startTestApp, type TestApp, SHOWN_IN_CONTENT_MANAGER } from '../helpers/strapi';

const CALL_RECORD = 'plugin::call-history.call-record';
const CM_CALLS = `/content-manager/collection-types/${CALL_RECORD}`;

const trace = [
  { seq: 1, at: '2026-03-01T10:00:01Z', nodeId: 'n1', nodeName: 'Welcome', nodeType: 'start' },
  {
    seq: 2,
    at: '2026-03-01T10:00:09Z',
    nodeId: 'n2',
    nodeName: 'Menu',
    nodeType: 'menu',
    userInput: '1',
  },
];

let sequence = 0;
const aCall = (overrides: Record<string, unknown> = {}) => ({
  callId: `call-${++sequence}`,
  callingNumber: '8613800001234',
  accessCode: '10086',
  startTime: '2026-03-01T10:00:00.000Z',
  endTime: '2026-03-01T10:02:30.000Z',
  endReason: 'USER_HANGUP',
  flowTrace: trace,
  ...overrides,
});

describe('the recording decision on every write path', () => {
  let app: TestApp;

  const setFlags = (flags: Partial<RecordingFlags>) =>
    app.http().put('/call-history/settings').set(bearer(app.admin.token)).send(flags).expect(200);
  const calls = () => app.strapi.db!.query(CALL_RECORD);
  const service = () => app.strapi.plugin('call-history').service('calls');
  const storedCount = () => calls().count();
  const viaContentManager = (data: object) =>
    app.http().post(CM_CALLS).set(bearer(app.admin.token)).send(data);

  beforeAll(async () => {
    app = await startTestApp(SHOWN_IN_CONTENT_MANAGER);
    await createStandardBots(app.strapi);
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('CHATRECORDFLAG OFF', () => {
    beforeAll(() =>
      setFlags({ CHATRECORDFLAG: 'OFF', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' })
    );

    it('refuses the call through the plugin service, naming the flag', async () => {
      const before = await storedCount();
      await expect(service().create(aCall())).rejects.toMatchObject({
        name: 'ApplicationError',
        message: expect.stringContaining('CHATRECORDFLAG is OFF'),
      });
      expect(await storedCount()).toBe(before);
    });

    it('refuses the call through the Content Manager, naming the flag', async () => {
      const before = await storedCount();
      const response = await viaContentManager(aCall()).expect(400);
      expect(response.body.error.message).toContain('CHATRECORDFLAG is OFF');
      expect(await storedCount()).toBe(before);
    });

    it('refuses the whole createMany of the Query Engine', async () => {
      const before = await storedCount();
      await expect(calls().createMany({ data: [aCall(), aCall()] })).rejects.toThrow(
        /CHATRECORDFLAG is OFF/
      );
      expect(await storedCount()).toBe(before);
    });
  });

  describe('CHATRECORDFLAG ON, FLOWRECORDFLAG OFF', () => {
    beforeAll(() =>
      setFlags({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'OFF', CCIVRRECORDFLAG: 'ON' })
    );

    it('stores a robot call without its flow trace, through the service', async () => {
      const created = await service().create(aCall({ callId: 'svc-robot' }));
      const stored = await calls().findOne({ where: { id: created.id } });
      expect(stored).toMatchObject({
        callId: 'svc-robot',
        botKind: 'INTELLIGENT_ROBOT',
        botName: 'Billing robot',
        flowTrace: null,
        durationSeconds: 150,
        callingNumberReversed: '4321000083168',
      });
      expect(stored.recordingDecision).toMatchObject({
        recordCall: true,
        recordFlow: false,
        call: { flag: 'CHATRECORDFLAG', flagValue: 'ON', botSwitch: null },
        flow: { flag: 'FLOWRECORDFLAG', flagValue: 'OFF', reason: 'FLOWRECORDFLAG is OFF' },
        bot: { kind: 'INTELLIGENT_ROBOT', name: 'Billing robot', accessCode: '10086' },
      });
    });

    it('stores the same through the Content Manager', async () => {
      const response = await viaContentManager(aCall({ callId: 'cm-robot' })).expect(200);
      expect(response.body).toMatchObject({ callId: 'cm-robot', flowTrace: null });
      const stored = await calls().findOne({ where: { callId: 'cm-robot' } });
      expect(stored.recordingDecision).toMatchObject({
        recordFlow: false,
        reason: 'FLOWRECORDFLAG is OFF',
      });
    });

    it('keeps its search helper column out of the Content Manager edit view', async () => {
      const response = await app
        .http()
        .get(`/content-manager/content-types/${CALL_RECORD}/configuration`)
        .set(bearer(app.admin.token))
        .expect(200);
      const editFields = JSON.stringify(response.body.data.contentType.layouts.edit);
      expect(editFields).toContain('callingNumber');
      expect(editFields).not.toContain('callingNumberReversed');
    });

    it('keeps the flow of an IVR call, since CCIVRRECORDFLAG is ON', async () => {
      await service().create(aCall({ callId: 'svc-ivr', accessCode: '95555' }));
      const stored = await calls().findOne({ where: { callId: 'svc-ivr' } });
      expect(stored).toMatchObject({ botKind: 'COMMON_IVR', flowTrace: trace });
      expect(stored.recordingDecision).toMatchObject({
        recordFlow: true,
        flow: { flag: 'CCIVRRECORDFLAG' },
      });
    });

    it('takes the kind from the owner of the access code, not from the call', async () => {
      await service().create(
        aCall({ callId: 'svc-kind', accessCode: '95555', botKind: 'INTELLIGENT_ROBOT' })
      );
      expect(await calls().findOne({ where: { callId: 'svc-kind' } })).toMatchObject({
        botKind: 'COMMON_IVR',
      });
    });

    it('requires botKind for an access code nobody owns, naming the field', async () => {
      const before = await storedCount();
      const response = await viaContentManager(aCall({ accessCode: '777' })).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['botKind']);
      await expect(service().create(aCall({ accessCode: '777' }))).rejects.toMatchObject({
        name: 'ValidationError',
      });
      expect(await storedCount()).toBe(before);
      await service().create(
        aCall({ callId: 'svc-unknown', accessCode: '777', botKind: 'COMMON_IVR' })
      );
      expect(await calls().findOne({ where: { callId: 'svc-unknown' } })).toMatchObject({
        flowTrace: trace,
        botName: null,
      });
    });

    it.each([
      ['flowTrace', { flowTrace: trace }],
      ['recordingDecision', { recordingDecision: { recordFlow: true } }],
    ])(
      'never lets an update add a flow trace the flags refused, nor rewrite the snapshot: %s',
      async (field, change) => {
        const stored = await calls().findOne({ where: { callId: 'cm-robot' } });
        const response = await app
          .http()
          .put(`${CM_CALLS}/${stored.id}`)
          .set(bearer(app.admin.token))
          .send(change)
          .expect(400);
        expect(response.body.error.details.errors[0].path).toEqual([field]);
        const after = await calls().findOne({ where: { id: stored.id } });
        expect(after.recordingDecision).toEqual(stored.recordingDecision);
        expect(after.flowTrace).toBeNull();
      }
    );
  });

  describe('Bot-level control', () => {
    beforeAll(() =>
      setFlags({
        CHATRECORDFLAG: 'BOT_LEVEL',
        FLOWRECORDFLAG: 'BOT_LEVEL',
        CCIVRRECORDFLAG: 'BOT_LEVEL',
      })
    );

    it('follows the robot switches and records which one decided', async () => {
      await service().create(aCall({ callId: 'bot-level-robot' }));
      const stored = await calls().findOne({ where: { callId: 'bot-level-robot' } });
      expect(stored.flowTrace).toBeNull();
      expect(stored.recordingDecision).toMatchObject({
        call: { botSwitch: { name: 'historicalCallRecord', value: true } },
        flow: { botSwitch: { name: 'flowCallRecording', value: false } },
        reason: 'robot 10086 has flowCallRecording off',
      });
    });

    it('refuses an IVR call whose historicalCallRecord is off, naming the switch', async () => {
      const response = await viaContentManager(aCall({ accessCode: '95555' })).expect(400);
      expect(response.body.error.message).toContain('IVR flow 95555 has historicalCallRecord off');
    });

    it('refuses a call whose access code nobody owns', async () => {
      await expect(
        service().create(aCall({ accessCode: '404', botKind: 'COMMON_IVR' }))
      ).rejects.toThrow(/no robot or IVR flow has access code 404/);
    });

    it('never rewrites history when a flag changes later', async () => {
      const before = await calls().findOne({ where: { callId: 'bot-level-robot' } });
      await setFlags({ CHATRECORDFLAG: 'OFF' });
      const after = await calls().findOne({ where: { callId: 'bot-level-robot' } });
      expect(after).toEqual(before);
    });
  });
});
