import {
  UNLISTED_ATTRIBUTES,
  detailsRow,
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

  it('lists no trace, no bookkeeping timestamps and no hold reason', () => {
    expect([...UNLISTED_ATTRIBUTES].sort()).toEqual([
      'createdAt',
      'flowTrace',
      'holdReason',
      'updatedAt',
    ]);
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
    expect(listRow(row)).toEqual({ ...row, flowRecorded: true, held: false });
  });

  it('says whether a row is held from its hold time alone, which it does not carry', () => {
    const at = '2026-03-02T10:00:00.000Z';
    expect(listRow({ callId: 'c1', heldAt: at })).toEqual({
      callId: 'c1',
      flowRecorded: false,
      held: true,
    });
    expect(listRow({ callId: 'c1', heldAt: null })).toMatchObject({ held: false });
  });

  it('gives Call Details the hold, its time and its reason', () => {
    const at = '2026-03-02T10:00:00.000Z';
    expect(detailsRow({ callId: 'c1', heldAt: at, holdReason: 'Dispute 42' })).toEqual({
      callId: 'c1',
      held: true,
      heldAt: at,
      holdReason: 'Dispute 42',
    });
    expect(detailsRow({ callId: 'c1' })).toEqual({
      callId: 'c1',
      held: false,
      heldAt: null,
      holdReason: null,
    });
  });
});
