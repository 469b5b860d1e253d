import type { AttributeSpecs } from '../../../../server/src/domain/call-input/attribute-values';
import {
  validateCall,
  type CallLimits,
} from '../../../../server/src/domain/call-input/call-contract';

/** A call every rule takes, and the limits of the default config, for the call-input tests. */
export const limits: CallLimits = { maxFlowTraceBytes: 256 * 1024, maxCallDurationSeconds: 86_400 };

export const call = (overrides: Record<string, unknown> = {}) => ({
  callId: 'c-1',
  callingNumber: '+8613800138000',
  calledNumber: '*100#',
  accessCode: '10086',
  botKind: 'COMMON_IVR',
  startTime: '2026-03-01T08:30:00+08:00',
  endTime: '2026-03-01T00:31:00Z',
  endReason: 'USER_HANGUP',
  flowTrace: [
    { seq: 0, at: '2026-03-01T00:30:00Z', nodeId: 'n0', nodeName: 'Start', nodeType: 'START' },
    {
      seq: 1,
      at: '2026-03-01T00:30:05.123456Z',
      nodeId: 'n1',
      nodeName: 'Menu',
      nodeType: 'MENU',
      userInput: '1',
      botReply: 'Billing',
      resultCode: 'OK',
      durationMs: 5000,
    },
  ],
  ...overrides,
});

/** The problem validateCall reports for `raw`, or null when it takes it. */
export const problemOf = (raw: unknown, extensions: AttributeSpecs = {}) => {
  const result = validateCall(raw, extensions, limits);
  return result.ok ? null : result.problem;
};
