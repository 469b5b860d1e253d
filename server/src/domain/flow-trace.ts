/**
 * The documented quirk of DESIGN §1: with flow recording on, a `sys_err` step may be logged
 * after the user hung up. It does not affect business, so it is shown marked as benign.
 */

export interface MarkedStep extends Record<string, unknown> {
  /** The step happened at or after the end of the call. */
  afterHangup: boolean;
  /** A `sys_err` after the hang-up: expected noise, never a failed call. */
  benign: boolean;
}

const millis = (value: unknown): number | null => {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const parsed = new Date(value).getTime();
  return Number.isNaN(parsed) ? null : parsed;
};

export const isSysErr = (step: Record<string, unknown>): boolean =>
  typeof step.nodeType === 'string' && step.nodeType.toLowerCase() === 'sys_err';

/** Each step with `afterHangup` and `benign`; a trace that is not a list is returned as is. */
export const markFlowTrace = (trace: unknown, endTime: unknown): unknown => {
  if (!Array.isArray(trace)) return trace;
  const end = millis(endTime);
  return trace.map((step: unknown) => {
    if (!step || typeof step !== 'object' || Array.isArray(step)) return step;
    const record = step as Record<string, unknown>;
    const at = millis(record.at);
    const afterHangup = end !== null && at !== null && at >= end;
    return { ...record, afterHangup, benign: afterHangup && isSysErr(record) } as MarkedStep;
  });
};
