import type { CallListRow, CallRecord, RecordingDecision } from '../../admin/src/api/types';

export const recordedDecision: RecordingDecision = {
  recordCall: true,
  recordFlow: true,
  botKind: 'INTELLIGENT_ROBOT',
  bot: { kind: 'INTELLIGENT_ROBOT', id: 1, name: 'Sales bot', accessCode: '1001' },
  call: {
    recorded: true,
    flag: 'CHATRECORDFLAG',
    flagValue: 'ON',
    botSwitch: null,
    reason: 'CHATRECORDFLAG is ON',
  },
  flow: {
    recorded: true,
    flag: 'FLOWRECORDFLAG',
    flagValue: 'ON',
    botSwitch: null,
    reason: 'FLOWRECORDFLAG is ON',
  },
  reason: 'FLOWRECORDFLAG is ON',
};

export const call = (overrides: Partial<CallRecord> = {}): CallRecord => ({
  id: 1,
  callId: 'CALL-0001',
  callingNumber: '8613800005678',
  calledNumber: '4001',
  accessCode: '1001',
  botKind: 'INTELLIGENT_ROBOT',
  botName: 'Sales bot',
  startTime: '2026-11-02T09:00:00.000Z',
  endTime: '2026-11-02T09:01:05.000Z',
  durationSeconds: 65,
  endReason: 'USER_HANGUP',
  flowTrace: null,
  recordingDecision: recordedDecision,
  held: false,
  heldAt: null,
  holdReason: null,
  ...overrides,
});

/** A search row as the server answers it: list columns, no trace, its step count. */
export const listRow = (overrides: Partial<CallListRow> = {}): CallListRow => {
  const fields: Partial<CallRecord> = call();
  delete fields.flowTrace;
  delete fields.heldAt;
  delete fields.holdReason;
  return { ...(fields as CallListRow), flowRecorded: true, flowSteps: 4, ...overrides };
};
