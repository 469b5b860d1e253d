/**
 * What the readers of a call get (docs/design.md#call-details, #privacy). Call Details returns
 * every readable attribute, the flow trace included; a search row and a CSV line carry the list columns only: no trace
 * (it is read through Call Details, behind calls.details), its step count and whether flow
 * details were kept instead. Pure: the attribute types come from Strapi's model at runtime.
 */

export type CallRow = Record<string, unknown>;

/**
 * Whether an attribute's value may leave the server at all: private attributes never do, and a
 * `password` attribute is a secret whatever its `private` flag says.
 */
export const isReadableAttribute = (type: string, isPrivate: boolean): boolean =>
  !isPrivate && type !== 'password';

/**
 * Readable attributes a search row and the CSV leave out: the trace, Strapi's own
 * bookkeeping timestamps (when the row was written says nothing about the call), and the hold's
 * reason (free text, Call Details'; a row says only whether the call is held).
 */
export const UNLISTED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'flowTrace',
  'createdAt',
  'updatedAt',
  'holdReason',
]);

/** Whether a call is under legal hold: its hold's time is set. */
export const isHeld = (call: CallRow): boolean =>
  call.heldAt !== null && call.heldAt !== undefined && call.heldAt !== '';

/**
 * Whether flow details were kept: the decision snapshot taken when the call was stored says
 * so, trace or no trace (a call may be kept with flow recording on and no trace sent). Only a
 * record without a snapshot falls back to its stored step count.
 */
export const flowRecorded = (call: CallRow): boolean => {
  const decision = call.recordingDecision;
  const recordFlow =
    decision && typeof decision === 'object'
      ? (decision as { recordFlow?: unknown }).recordFlow
      : undefined;
  return flowRecordedFrom(recordFlow, call.flowSteps);
};

/** `flowRecorded` from the snapshot's `recordFlow` and the stored step count alone. */
export const flowRecordedFrom = (recordFlow: unknown, flowSteps: unknown): boolean =>
  typeof recordFlow === 'boolean' ? recordFlow : typeof flowSteps === 'number';

/**
 * A search row: the list columns as read, plus whether flow details were kept and whether the
 * call is held (the hold's time itself is Call Details').
 */
export const listRow = (call: CallRow): CallRow => {
  const { heldAt, ...row } = call;
  return { ...row, flowRecorded: flowRecorded(call), held: isHeld({ heldAt }) };
};

/** Call Details: every readable attribute, and whether the call is held. */
export const detailsRow = (call: CallRow): CallRow => ({
  ...call,
  held: isHeld(call),
  heldAt: call.heldAt ?? null,
  holdReason: call.holdReason ?? null,
});
