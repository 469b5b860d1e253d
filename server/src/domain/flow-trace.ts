/**
 * The documented quirk (docs/design.md#benign-sys_err-after-the-hang-up): with flow recording on, a `sys_err` step may be logged
 * after the user hung up. It does not affect business, so it is shown marked as benign. The
 * one rule: the server marks every step of the details answer, the admin only reads the marks.
 */
import { instantOf } from './instant';

export interface MarkedStep extends Record<string, unknown> {
  /** The step reports a system error: its nodeType or its resultCode is `sys_err`, in any case. */
  sysErr: boolean;
  /** The step happened at or after the end of the call. */
  afterHangup: boolean;
  /** A `sys_err` after the hang-up: expected noise, never a failed call. */
  benign: boolean;
}

const SYS_ERR = 'sys_err';

const isSysErrText = (value: unknown) =>
  typeof value === 'string' && value.toLowerCase() === SYS_ERR;

/** A platform reports a system error on the node type or, on a normal node, on its result. */
export const isSysErr = (step: Record<string, unknown>): boolean =>
  isSysErrText(step.nodeType) || isSysErrText(step.resultCode);

/** Each step with `sysErr`, `afterHangup` and `benign`; a trace that is not a list is returned as is. */
export const markFlowTrace = (trace: unknown, endTime: unknown): unknown => {
  if (!Array.isArray(trace)) return trace;
  const end = instantOf(endTime);
  return trace.map((step: unknown) => {
    if (!step || typeof step !== 'object' || Array.isArray(step)) return step;
    const record = step as Record<string, unknown>;
    const at = instantOf(record.at);
    const afterHangup = end !== null && at !== null && at >= end;
    const sysErr = isSysErr(record);
    return { ...record, sysErr, afterHangup, benign: afterHangup && sysErr } as MarkedStep;
  });
};
