import { attributePosition, exportRowOf, valueAt } from '../../../server/src/domain/export-row';

describe('exportRowOf', () => {
  it('lays out every attribute of a call, then the decision facts it prints', () => {
    const { layout, row } = exportRowOf({
      callId: 'c-1',
      flowSteps: 2,
      recordingDecision: { recordFlow: false, reason: 'robot 1001 has flowCallRecording off' },
    });
    expect(valueAt(row, attributePosition(layout, 'callId'))).toBe('c-1');
    expect(valueAt(row, attributePosition(layout, 'flowSteps'))).toBe(2);
    expect(valueAt(row, layout.recordFlow)).toBe(false);
    expect(valueAt(row, layout.reason)).toBe('robot 1001 has flowCallRecording off');
  });

  it.each([
    ['no snapshot', null],
    ['a snapshot without them', { call: { reason: 'nested' } }],
    ['facts of other types', { recordFlow: 'true', reason: 5 }],
    ['a snapshot that is no object', 'CHATRECORDFLAG is ON'],
  ])('leaves the facts undefined for %s', (_, recordingDecision) => {
    const { layout, row } = exportRowOf({ callId: 'c-1', recordingDecision });
    expect(valueAt(row, layout.recordFlow)).toBeUndefined();
    expect(valueAt(row, layout.reason)).toBeUndefined();
  });

  it('answers undefined for an attribute the layout does not carry', () => {
    const { layout, row } = exportRowOf({ callId: 'c-1' });
    expect(attributePosition(layout, 'botName')).toBe(-1);
    expect(valueAt(row, attributePosition(layout, 'botName'))).toBeUndefined();
  });
});
