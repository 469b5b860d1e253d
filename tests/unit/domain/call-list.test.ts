import {
  UNLISTED_ATTRIBUTES,
  flowRecorded,
  isReadableAttribute,
  listRow,
} from '../../../server/src/domain/call-list';

describe('what readers of a call get', () => {
  it('never a private or a password attribute', () => {
    expect(isReadableAttribute('string', false)).toBe(true);
    expect(isReadableAttribute('json', false)).toBe(true);
    expect(isReadableAttribute('string', true)).toBe(false);
    expect(isReadableAttribute('password', false)).toBe(false);
    expect(isReadableAttribute('password', true)).toBe(false);
  });

  it('lists no trace and no bookkeeping timestamps', () => {
    expect([...UNLISTED_ATTRIBUTES].sort()).toEqual(['createdAt', 'flowTrace', 'updatedAt']);
  });

  it('says whether flow details were kept from the snapshot, else from the stored count', () => {
    expect(flowRecorded({ recordingDecision: { recordFlow: true }, flowSteps: null })).toBe(true);
    expect(flowRecorded({ recordingDecision: { recordFlow: false }, flowSteps: 3 })).toBe(false);
    expect(flowRecorded({ recordingDecision: null, flowSteps: 3 })).toBe(true);
    expect(flowRecorded({ recordingDecision: null, flowSteps: null })).toBe(false);
    expect(flowRecorded({})).toBe(false);
  });

  it('adds flowRecorded to a search row and keeps its columns', () => {
    const row = { callId: 'c1', flowSteps: 2, recordingDecision: { recordFlow: true } };
    expect(listRow(row)).toEqual({ ...row, flowRecorded: true });
  });
});
