/**
 * The flow trace a call may carry (docs/design.md#ingest-contract): its steps, each field
 * checked as the contract's are, and its size in bytes, bounded per call. Pure.
 */
import { checkDateTime, checkOptionalInteger, checkString, INT32 } from './field-checks';
import { isPlainObject, problem, type FieldProblem } from './field-problem';

export const MAX_TRACE_STEPS = 1000;

const STEP_KEYS = [
  'seq',
  'at',
  'nodeId',
  'nodeName',
  'nodeType',
  'userInput',
  'botReply',
  'resultCode',
  'durationMs',
] as const;

const STEP_KEY_SET = new Set<string>(STEP_KEYS);

const checkStep = (
  step: unknown,
  index: number,
  keepAt: (at: unknown) => void
): FieldProblem | null => {
  const base = `flowTrace[${index}]`;
  if (!isPlainObject(step)) return problem(base, `${base} must be an object`);
  const unknown = Object.keys(step).find((key) => !STEP_KEY_SET.has(key));
  if (unknown !== undefined) {
    return problem(
      `${base}.${unknown}`,
      `${base}.${unknown} is not a flow-trace step field (${STEP_KEYS.join(', ')})`
    );
  }
  const seq = step.seq;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0 || seq > INT32.max) {
    return problem(`${base}.seq`, `${base}.seq must be an integer of at least 0`);
  }
  return (
    checkDateTime(`${base}.at`, step.at, true, keepAt) ??
    checkString(`${base}.nodeId`, step.nodeId, { required: true, max: 128 }) ??
    checkString(`${base}.nodeName`, step.nodeName, { required: true, max: 255 }) ??
    checkString(`${base}.nodeType`, step.nodeType, { required: true, max: 64 }) ??
    checkString(`${base}.userInput`, step.userInput, { required: false, max: 4000 }) ??
    checkString(`${base}.botReply`, step.botReply, { required: false, max: 4000 }) ??
    checkString(`${base}.resultCode`, step.resultCode, { required: false, max: 64 }) ??
    checkOptionalInteger(`${base}.durationMs`, step.durationMs, 0)
  );
};

/** The size the database stores and every reader of the row loads: UTF-8 bytes of the JSON. */
export const flowTraceBytes = (trace: unknown[]): number =>
  Buffer.byteLength(JSON.stringify(trace), 'utf8');

/**
 * More than the JSON of a valid step can take besides its strings' characters: its nine key
 * names (66 characters), their quotes, colons and commas (36), the braces, two integers of at
 * most 11 characters, an `at` given as a Date (26) and the comma between steps: under 180.
 */
export const STEP_JSON_OVERHEAD = 256;
// Every field of a step but its two integers is text (or, for `at`, a Date).
const STEP_TEXT_FIELDS = STEP_KEYS.filter((key) => key !== 'seq' && key !== 'durationMs');

/**
 * A bound on `flowTraceBytes` of valid steps without serialising them: a UTF-16 unit of a
 * string is at most 6 bytes of JSON (`\u001f`; a character of 3 UTF-8 bytes, or a surrogate
 * pair of 4, is less). Below the cap, the trace needs no serialising: a 20-step trace is
 * bounded by 30 KB, and the cap is 256 KiB by default.
 */
export const flowTraceBytesBound = (trace: unknown[]): number => {
  let bound = 2;
  for (const step of trace) {
    bound += STEP_JSON_OVERHEAD;
    for (const field of STEP_TEXT_FIELDS) {
      const text = (step as Record<string, unknown>)[field];
      if (typeof text === 'string') bound += 6 * text.length;
    }
  }
  return bound;
};

/**
 * The flow trace of `call`: its steps, then its size, since 1,000 steps of 8,000 characters
 * each would be 24 MB a row, and a page of such rows exhausts the heap. The steps whose `at`
 * is stored in another notation are copied, never changed in place.
 */
export const checkFlowTrace = (
  call: Record<string, unknown>,
  maxFlowTraceBytes: number
): FieldProblem | null => {
  const value = call.flowTrace;
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return problem('flowTrace', 'flowTrace must be an array of steps');
  if (value.length > MAX_TRACE_STEPS) {
    return problem('flowTrace', `flowTrace must have at most ${MAX_TRACE_STEPS} steps`);
  }
  let trace = value;
  for (let index = 0; index < value.length; index += 1) {
    const found = checkStep(value[index], index, (at) => {
      if (trace === value) trace = [...value];
      trace[index] = { ...(value[index] as Record<string, unknown>), at };
    });
    if (found) return found;
  }
  const bytes = flowTraceBytesBound(trace) <= maxFlowTraceBytes ? 0 : flowTraceBytes(trace);
  if (bytes > maxFlowTraceBytes) {
    return problem(
      'flowTrace',
      `flowTrace is ${bytes} bytes of JSON: at most ${maxFlowTraceBytes} are kept per call (maxFlowTraceBytes)`
    );
  }
  call.flowTrace = trace;
  return null;
};
