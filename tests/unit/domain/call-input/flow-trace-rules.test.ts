import {
  validateCall,
  type CallLimits,
} from '../../../../server/src/domain/call-input/call-contract';
import {
  MAX_TRACE_STEPS,
  checkFlowTrace,
  flowTraceBytes,
  flowTraceBytesBound,
} from '../../../../server/src/domain/call-input/flow-trace-rules';
import {
  validateCallUpdate,
  validateStoredCall,
} from '../../../../server/src/domain/call-input/stored-call-input';

import { call, limits, problemOf } from './sample-call';

describe('flow trace size: maxFlowTraceBytes', () => {
  const small: CallLimits = { ...limits, maxFlowTraceBytes: 2048 };
  const stepWith = (seq: number, botReply: string) => ({
    seq,
    at: '2026-03-01T00:30:00Z',
    nodeId: `n${seq}`,
    nodeName: 'Menu',
    nodeType: 'MENU',
    botReply,
  });

  it('counts UTF-8 bytes of the JSON, not characters', () => {
    expect(flowTraceBytes([{ a: '中' }])).toBe('[{"a":"中"}]'.length + 2);
    expect(flowTraceBytes([{ a: 'x\n' }])).toBe('[{"a":"x\\n"}]'.length);
  });

  it('bounds the bytes from above without serialising, whatever the characters', () => {
    const worst = {
      seq: 2_147_483_647,
      at: new Date('9999-12-31T23:59:59.999Z'),
      nodeId: '\u0001'.repeat(128),
      nodeName: '"'.repeat(255),
      nodeType: '\\'.repeat(64),
      userInput: '中'.repeat(4000),
      botReply: '\ud83d\ude00'.repeat(2000),
      resultCode: '\u001f'.repeat(64),
      durationMs: 2_147_483_647,
    };
    for (const trace of [[worst], [worst, worst, stepWith(3, '')], [stepWith(0, '')], []]) {
      expect(flowTraceBytesBound(trace)).toBeGreaterThanOrEqual(flowTraceBytes(trace));
    }
  });

  it('accepts a trace at the cap and refuses one byte over, naming flowTrace', () => {
    const base = flowTraceBytes([stepWith(0, '')]);
    const atCap = [stepWith(0, 'a'.repeat(small.maxFlowTraceBytes - base))];
    expect(flowTraceBytes(atCap)).toBe(small.maxFlowTraceBytes);
    expect(validateCall(call({ flowTrace: atCap }), {}, small).ok).toBe(true);
    const over = [stepWith(0, 'a'.repeat(small.maxFlowTraceBytes - base + 1))];
    expect(problemOf(call({ flowTrace: over }))).toBeNull();
    expect(validateCall(call({ flowTrace: over }), {}, small)).toEqual({
      ok: false,
      problem: {
        path: 'flowTrace',
        message: `flowTrace is ${small.maxFlowTraceBytes + 1} bytes of JSON: at most 2048 are kept per call (maxFlowTraceBytes)`,
      },
    });
  });

  it('refuses the largest trace the step rules allow under the default cap', () => {
    // 1,000 steps × 2 × 4,000 characters of Chinese: 24 MB a row.
    const huge = Array.from({ length: 1000 }, (_, seq) => ({
      ...stepWith(seq, '中'.repeat(4000)),
      userInput: '文'.repeat(4000),
    }));
    expect(problemOf(call({ flowTrace: huge }))?.path).toBe('flowTrace');
  });

  it('holds on the Query Engine paths too', () => {
    const over = [stepWith(0, 'a'.repeat(4000))];
    expect(validateStoredCall(call({ flowTrace: over }), {}, small)).toMatchObject({
      ok: false,
      problem: { path: 'flowTrace' },
    });
    expect(validateCallUpdate({ flowTrace: over }, {}, small)).toMatchObject({
      ok: false,
      problem: { path: 'flowTrace' },
    });
  });
});

describe('checkFlowTrace', () => {
  const step = (seq: number, at: string) => ({
    seq,
    at,
    nodeId: 'n',
    nodeName: 'N',
    nodeType: 'T',
  });

  it('stores a copy with each `at` written ±hh:mm, never changing the steps sent', () => {
    const sent = [step(0, '2026-03-01T08:30:00+08'), step(1, '2026-03-01T00:30:01Z')];
    const call: Record<string, unknown> = { flowTrace: sent };
    expect(checkFlowTrace(call, limits.maxFlowTraceBytes)).toBeNull();
    expect(call.flowTrace).toEqual([{ ...sent[0], at: '2026-03-01T08:30:00+08:00' }, sent[1]]);
    expect(call.flowTrace).not.toBe(sent);
    expect(sent[0].at).toBe('2026-03-01T08:30:00+08');
  });

  it('keeps a trace that needs no change as the same array', () => {
    const sent = [step(0, '2026-03-01T00:30:00Z')];
    const call: Record<string, unknown> = { flowTrace: sent };
    expect(checkFlowTrace(call, limits.maxFlowTraceBytes)).toBeNull();
    expect(call.flowTrace).toBe(sent);
  });

  it('takes at most MAX_TRACE_STEPS steps, and no step field besides its own', () => {
    const steps = (count: number) =>
      Array.from({ length: count }, (_, seq) => step(seq, '2026-03-01T00:30:00Z'));
    expect(checkFlowTrace({ flowTrace: steps(MAX_TRACE_STEPS) }, 1e9)).toBeNull();
    expect(checkFlowTrace({ flowTrace: steps(MAX_TRACE_STEPS + 1) }, 1e9)).toEqual({
      path: 'flowTrace',
      message: `flowTrace must have at most ${MAX_TRACE_STEPS} steps`,
    });
    const extra = { flowTrace: [{ ...step(0, '2026-03-01T00:30:00Z'), note: 'x' }] };
    expect(checkFlowTrace(extra, 1e9)?.path).toBe('flowTrace[0].note');
  });
});
