import {
  ALREADY_STORED,
  decideBatch,
  screenBatch,
  settleBatch,
} from '../../../server/src/domain/batch-ingest';
import {
  evaluateCall,
  storedFields,
  type PolicyContext,
} from '../../../server/src/domain/call-storage';
import type { BotSnapshot } from '../../../server/src/domain/recording-decision';

const call = (callId: string, overrides: Record<string, unknown> = {}) => ({
  callId,
  callingNumber: '8613800138000',
  accessCode: '10086',
  botKind: 'INTELLIGENT_ROBOT',
  startTime: '2026-03-01T08:30:00Z',
  endTime: '2026-03-01T08:31:00Z',
  flowTrace: [
    { seq: 0, at: '2026-03-01T08:30:00Z', nodeId: 'n0', nodeName: 'Start', nodeType: 'START' },
  ],
  ...overrides,
});

const bot: BotSnapshot = {
  kind: 'COMMON_IVR',
  id: 3,
  name: 'Main menu',
  accessCode: 'ivr-1',
  historicalCallRecord: false,
  flowCallRecording: true,
};

const context = (flags: Partial<PolicyContext['flags']> = {}): PolicyContext => ({
  flags: { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'OFF', CCIVRRECORDFLAG: 'ON', ...flags },
  owners: new Map([[bot.accessCode, bot]]),
});

const run = (
  calls: unknown[],
  policy: PolicyContext,
  existing: string[] = [],
  lostRaces: string[] = []
) => {
  const screened = screenBatch(calls, {});
  const intents = decideBatch(screened.valid, (c) => evaluateCall(c, policy), storedFields);
  const existingSet = new Set(existing);
  const inserted = new Set(
    intents
      .filter((intent) => intent.kind === 'write' && !existingSet.has(intent.callId))
      .map((intent) => intent.callId)
      .filter((callId) => !lostRaces.includes(callId))
  );
  return { intents, answer: settleBatch(screened, intents, existingSet, inserted) };
};

describe('one batch, without a database', () => {
  it('answers each call in order with the counts', () => {
    const { answer } = run(
      [
        call('a'),
        call('b', { accessCode: 'ivr-1', botKind: undefined }),
        call('c', { startTime: 'never' }),
        call('d', { accessCode: 'orphan', botKind: undefined }),
      ],
      context({ CHATRECORDFLAG: 'BOT_LEVEL' })
    );
    expect(answer).toEqual({
      results: [
        {
          callId: 'a',
          status: 'not_recorded',
          reason: 'CHATRECORDFLAG is BOT_LEVEL and no robot or IVR flow has access code 10086',
        },
        {
          callId: 'b',
          status: 'not_recorded',
          reason: 'IVR flow ivr-1 has historicalCallRecord off',
        },
        {
          callId: 'c',
          status: 'invalid',
          path: 'startTime',
          reason: expect.stringContaining('startTime'),
        },
        {
          callId: 'd',
          status: 'not_recorded',
          reason: 'CHATRECORDFLAG is BOT_LEVEL and no robot or IVR flow has access code orphan',
        },
      ],
      counts: { stored: 0, notRecorded: 3, duplicate: 0, invalid: 1 },
    });
  });

  it('writes the row the lifecycles would: snapshot, bot, stripped trace, search helpers', () => {
    const raw = call('a', { callingNumber: '13800138000' });
    const { intents } = run([raw], context());
    expect(intents).toHaveLength(1);
    const [intent] = intents;
    if (intent.kind !== 'write') throw new Error('expected a write');
    // The lifecycle's beforeCreate does Object.assign(call, storedFields(call, decision)).
    const lifecycleRow = { ...raw };
    const evaluation = evaluateCall(lifecycleRow, context());
    if (evaluation.outcome !== 'record') throw new Error('expected record');
    Object.assign(lifecycleRow, storedFields(lifecycleRow, evaluation.decision));
    expect(intent.data).toEqual(lifecycleRow);
    expect(intent.data).toMatchObject({
      flowTrace: null,
      callingNumberReversed: '00083100831',
      durationSeconds: 60,
      recordingDecision: { recordCall: true, recordFlow: false, reason: 'FLOWRECORDFLAG is OFF' },
    });
  });

  it('answers stored with flowRecorded', () => {
    const { answer } = run(
      [call('a'), call('b', { accessCode: 'ivr-1', botKind: undefined })],
      context()
    );
    expect(answer.results).toEqual([
      { callId: 'a', status: 'stored', flowRecorded: false },
      { callId: 'b', status: 'stored', flowRecorded: true },
    ]);
  });

  it('stores a callId sent twice once; the later copy is a duplicate', () => {
    const { intents, answer } = run(
      [call('a'), call('a', { endReason: 'X' }), call('b')],
      context()
    );
    expect(intents.map((intent) => intent.callId)).toEqual(['a', 'b']);
    expect(answer.results[1]).toEqual({
      callId: 'a',
      status: 'duplicate',
      reason: 'callId already sent in this batch (call 0)',
    });
    expect(answer.counts).toEqual({ stored: 2, notRecorded: 0, duplicate: 1, invalid: 0 });
  });

  it('lets a valid later copy stand in for an invalid first one', () => {
    const { answer } = run([call('a', { endTime: 'x' }), call('a')], context());
    expect(answer.results.map((result) => result.status)).toEqual(['invalid', 'stored']);
  });

  it('answers duplicate for a stored call, even one the flags would now refuse', () => {
    const { answer } = run([call('a'), call('b')], context({ CHATRECORDFLAG: 'OFF' }), ['a']);
    expect(answer.results).toEqual([
      { callId: 'a', status: 'duplicate', reason: ALREADY_STORED },
      { callId: 'b', status: 'not_recorded', reason: 'CHATRECORDFLAG is OFF' },
    ]);
  });

  it('answers duplicate for a row another writer inserted first', () => {
    const { answer } = run([call('a'), call('b')], context(), [], ['b']);
    expect(answer.results[1]).toEqual({ callId: 'b', status: 'duplicate', reason: ALREADY_STORED });
    expect(answer.counts).toEqual({ stored: 1, notRecorded: 0, duplicate: 1, invalid: 0 });
  });
});
