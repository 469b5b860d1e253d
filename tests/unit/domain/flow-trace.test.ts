import { isSysErr, markFlowTrace } from '../../../server/src/domain/flow-trace';

const end = '2026-03-01T10:05:00.000Z';
const step = (seq: number, at: string, nodeType: string, extra: object = {}) => ({
  seq,
  at,
  nodeId: `n${seq}`,
  nodeName: `Node ${seq}`,
  nodeType,
  ...extra,
});

type Marked = { seq: number; sysErr: boolean; afterHangup: boolean; benign: boolean };
const marks = (trace: unknown[], endTime: unknown = end) =>
  (markFlowTrace(trace, endTime) as Marked[]).map(({ seq, sysErr, afterHangup, benign }) => [
    seq,
    sysErr,
    afterHangup,
    benign,
  ]);

describe('isSysErr: the one rule of a sys_err step', () => {
  it.each([
    [{ nodeType: 'sys_err' }, true],
    [{ nodeType: 'SYS_ERR' }, true],
    [{ nodeType: 'MENU', resultCode: 'sys_err' }, true],
    [{ nodeType: 'MENU', resultCode: 'Sys_Err' }, true],
    [{ nodeType: 'MENU', resultCode: 'OK' }, false],
    [{ nodeType: 'sys_error' }, false],
    [{ nodeType: 'MENU', resultCode: 7 }, false],
    [{}, false],
  ])('%p → %p', (step, expected) => {
    expect(isSysErr(step)).toBe(expected);
  });
});

describe('markFlowTrace', () => {
  it('marks a sys_err at or after the hang-up as benign, and nothing else', () => {
    expect(
      marks([
        step(1, '2026-03-01T10:00:00.000Z', 'start'),
        step(2, '2026-03-01T10:04:59.999Z', 'sys_err'),
        step(3, end, 'sys_err'),
        step(4, '2026-03-01T10:05:02.000Z', 'SYS_ERR'),
        step(5, '2026-03-01T10:05:03.000Z', 'end'),
      ])
    ).toEqual([
      [1, false, false, false],
      [2, true, false, false],
      [3, true, true, true],
      [4, true, true, true],
      [5, false, true, false],
    ]);
  });

  it('takes a sys_err reported on the result code of a normal node, in any case', () => {
    expect(
      marks([
        step(1, '2026-03-01T10:04:00.000Z', 'MENU', { resultCode: 'SYS_ERR' }),
        step(2, '2026-03-01T10:05:01.000Z', 'MENU', { resultCode: 'sys_err' }),
        step(3, '2026-03-01T10:05:02.000Z', 'MENU', { resultCode: 'OK' }),
      ])
    ).toEqual([
      [1, true, false, false],
      [2, true, true, true],
      [3, false, true, false],
    ]);
  });

  it('reads every offset notation the ingest takes, and a Date end', () => {
    // 18:05:00+08 is the end itself; 18:04:59+0800 a second before it.
    expect(
      marks(
        [
          step(1, '2026-03-01T18:04:59+0800', 'sys_err'),
          step(2, '2026-03-01T18:05:00+08', 'sys_err'),
        ],
        new Date(end)
      )
    ).toEqual([
      [1, true, false, false],
      [2, true, true, true],
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
      { nodeType: 'sys_err', sysErr: true, afterHangup: false, benign: false },
    ]);
    expect(markFlowTrace([step(1, end, 'sys_err')], null)).toEqual([
      { ...step(1, end, 'sys_err'), sysErr: true, afterHangup: false, benign: false },
    ]);
  });
});
