import {
  evaluateCall,
  storedFields,
  type PolicyContext,
} from '../../../server/src/domain/call-policy';
import type { BotSnapshot } from '../../../server/src/domain/recording-decision';

const robot: BotSnapshot = {
  kind: 'INTELLIGENT_ROBOT',
  id: 1,
  name: 'Billing robot',
  accessCode: '10086',
  historicalCallRecord: true,
  flowCallRecording: false,
};

const context = (chat: 'ON' | 'OFF' | 'BOT_LEVEL'): PolicyContext => ({
  flags: { CHATRECORDFLAG: chat, FLOWRECORDFLAG: 'BOT_LEVEL', CCIVRRECORDFLAG: 'ON' },
  owners: new Map([['10086', robot]]),
});

const call = {
  callId: 'c1',
  callingNumber: '13800001234',
  accessCode: '10086',
  startTime: '2026-03-01T10:00:00Z',
  endTime: '2026-03-01T10:01:01.600Z',
  flowTrace: [{ seq: 1 }],
};

describe('evaluateCall', () => {
  // The fields themselves are checked by domain/call-input/ on every write path before this.
  it('refuses with the reason of the decision', () => {
    expect(evaluateCall(call, context('OFF'))).toMatchObject({
      outcome: 'refuse',
      reason: 'CHATRECORDFLAG is OFF',
    });
  });

  it('asks for botKind only when the call would be recorded and nobody owns its code', () => {
    const orphan = { ...call, accessCode: '999' };
    expect(evaluateCall(orphan, context('ON'))).toMatchObject({
      outcome: 'invalid',
      path: 'botKind',
    });
    expect(evaluateCall(orphan, context('OFF'))).toMatchObject({ outcome: 'refuse' });
    expect(evaluateCall({ ...orphan, botKind: 'COMMON_IVR' }, context('ON'))).toMatchObject({
      outcome: 'record',
    });
  });
});

describe('storedFields', () => {
  it('strips the trace the decision refuses and fills what the plugin owns', () => {
    const evaluation = evaluateCall(call, context('BOT_LEVEL'));
    if (evaluation.outcome !== 'record') throw new Error('expected a recorded call');
    expect(storedFields(call, evaluation.decision)).toEqual({
      botKind: 'INTELLIGENT_ROBOT',
      botName: 'Billing robot',
      flowTrace: null,
      flowSteps: null,
      recordingDecision: evaluation.decision,
      callingNumberReversed: '43210000831',
      durationSeconds: 62,
    });
  });

  it('counts the steps of a kept trace, whatever count the writer sent', () => {
    const evaluation = evaluateCall(
      { ...call, botKind: 'COMMON_IVR', accessCode: 'x' },
      context('ON')
    );
    if (evaluation.outcome !== 'record') throw new Error('expected a recorded call');
    const trace = [{ seq: 1 }, { seq: 2 }, { seq: 3 }];
    expect(
      storedFields({ ...call, flowTrace: trace, flowSteps: 99 }, evaluation.decision)
    ).toMatchObject({
      flowSteps: 3,
    });
    expect(
      storedFields({ ...call, flowTrace: null, flowSteps: 99 }, evaluation.decision)
    ).toMatchObject({
      flowSteps: null,
    });
  });

  it('keeps a duration the platform sent and a trace the decision keeps', () => {
    const evaluation = evaluateCall(
      { ...call, botKind: 'COMMON_IVR', accessCode: 'x' },
      context('ON')
    );
    if (evaluation.outcome !== 'record') throw new Error('expected a recorded call');
    const fields = storedFields(
      { ...call, durationSeconds: 5, botName: 'typed in a form' },
      evaluation.decision
    );
    expect(fields).not.toHaveProperty('flowTrace');
    expect(fields).not.toHaveProperty('durationSeconds');
    // Nobody owns the code: no bot snapshot, whatever the writer sent.
    expect(fields.botName).toBeNull();
  });
});
