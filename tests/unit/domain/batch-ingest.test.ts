import { defaultConfig } from '../../../server/src/config';
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
} from '../../../server/src/domain/call-policy';
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
  const screened = screenBatch(calls, {}, defaultConfig);
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
    expect(intents.map((intent) => [intent.callId, intent.kind])).toEqual([
      ['a', 'write'],
      ['a', 'duplicate'],
      ['b', 'write'],
    ]);
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

  it('judges a copy after one the decision found invalid on its own', () => {
    // The first copy lacks the botKind nobody else can give it; the second carries it.
    const orphan = { accessCode: 'orphan', botKind: undefined };
    const { intents, answer } = run(
      [call('x', orphan), call('x', { ...orphan, botKind: 'COMMON_IVR' })],
      context()
    );
    expect(answer.results).toEqual([
      {
        callId: 'x',
        status: 'invalid',
        path: 'botKind',
        reason: expect.stringContaining('botKind'),
      },
      { callId: 'x', status: 'stored', flowRecorded: true },
    ]);
    expect(intents.filter((intent) => intent.kind === 'write')).toHaveLength(1);
  });

  it('judges a copy after one the flags refused on its own', () => {
    const policy = context({ CHATRECORDFLAG: 'BOT_LEVEL', CCIVRRECORDFLAG: 'ON' });
    const { answer } = run(
      [
        call('x', { accessCode: 'ivr-1', botKind: undefined }),
        call('x', { accessCode: 'ivr-1', botKind: undefined }),
      ],
      policy
    );
    expect(answer.results.map((result) => result.status)).toEqual(['not_recorded', 'not_recorded']);
    expect(answer.counts).toEqual({ stored: 0, notRecorded: 2, duplicate: 0, invalid: 0 });
  });

  it('answers every copy after the one written as a duplicate of it, whatever its own fate', () => {
    const { answer } = run(
      [
        call('x', { startTime: 'never' }),
        call('x', { accessCode: 'orphan', botKind: undefined }),
        call('x'),
        call('x', { accessCode: 'orphan', botKind: undefined }),
        call('x', { endTime: 'never' }),
        call('x'),
      ],
      context()
    );
    expect(
      answer.results.map((result) => [
        result.status,
        'reason' in result ? result.reason : undefined,
      ])
    ).toEqual([
      ['invalid', expect.stringContaining('startTime')],
      ['invalid', expect.stringContaining('botKind')],
      ['stored', undefined],
      ['duplicate', 'callId already sent in this batch (call 2)'],
      // A copy that fails validation is answered invalid: its own fields are wrong.
      ['invalid', expect.stringContaining('endTime')],
      ['duplicate', 'callId already sent in this batch (call 2)'],
    ]);
    expect(answer.counts).toEqual({ stored: 1, notRecorded: 0, duplicate: 2, invalid: 3 });
  });

  it('answers every copy of a callId already stored as a duplicate, storing nothing', () => {
    const { intents, answer } = run([call('a'), call('a')], context(), ['a']);
    expect(answer.results.map((result) => result.status)).toEqual(['duplicate', 'duplicate']);
    expect(intents.filter((intent) => intent.kind === 'write')).toHaveLength(1);
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
