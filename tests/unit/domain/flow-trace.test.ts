import { markFlowTrace } from '../../../server/src/domain/flow-trace';

const end = '2026-03-01T10:05:00.000Z';
const step = (seq: number, at: string, nodeType: string) => ({
  seq,
  at,
  nodeId: `n${seq}`,
  nodeName: `Node ${seq}`,
  nodeType,
});

describe('markFlowTrace', () => {
  it('marks a sys_err at or after the hang-up as benign, and nothing else', () => {
    const marked = markFlowTrace(
      [
        step(1, '2026-03-01T10:00:00.000Z', 'start'),
        step(2, '2026-03-01T10:04:59.999Z', 'sys_err'),
        step(3, end, 'sys_err'),
        step(4, '2026-03-01T10:05:02.000Z', 'SYS_ERR'),
        step(5, '2026-03-01T10:05:03.000Z', 'end'),
      ],
      end
    ) as Array<{ seq: number; afterHangup: boolean; benign: boolean }>;
    expect(marked.map(({ seq, afterHangup, benign }) => [seq, afterHangup, benign])).toEqual([
      [1, false, false],
      [2, false, false],
      [3, true, true],
      [4, true, true],
      [5, true, false],
    ]);
  });

  it('keeps every field of a step', () => {
    const [marked] = markFlowTrace(
      [{ ...step(1, end, 'sys_err'), resultCode: 'CHANNEL_CLOSED', custom: 1 }],
      end
    ) as Array<Record<string, unknown>>;
    expect(marked).toMatchObject({ resultCode: 'CHANNEL_CLOSED', custom: 1, nodeId: 'n1' });
  });

  it('leaves a missing trace, and steps without times, alone', () => {
    expect(markFlowTrace(null, end)).toBeNull();
    expect(markFlowTrace({ not: 'a list' }, end)).toEqual({ not: 'a list' });
    expect(markFlowTrace([{ nodeType: 'sys_err' }], end)).toEqual([
      { nodeType: 'sys_err', afterHangup: false, benign: false },
    ]);
    expect(markFlowTrace([step(1, end, 'sys_err')], null)).toEqual([
      { ...step(1, end, 'sys_err'), afterHangup: false, benign: false },
    ]);
  });
});
