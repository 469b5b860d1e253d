import { durationBetween, reverseNumber } from './calling-number';
import {
  decideRecording,
  isBotKind,
  type BotSnapshot,
  type RecordingDecision,
  type RecordingFlags,
} from './recording-decision';

/**
 * The recording policy applied to one call, on every write path (the ingest batch and the
 * call-record lifecycles alike): whether it is recorded, refused or invalid
 * (docs/design.md#the-recording-decision), and the fields the plugin then owns on the stored
 * record.
 */

/** What every write path knows before deciding: read once per write (or per batch). */
export interface PolicyContext {
  flags: RecordingFlags;
  owners: Map<string, BotSnapshot>;
}

export type CallData = Record<string, unknown>;

export type Evaluation =
  | { outcome: 'record'; decision: RecordingDecision }
  | { outcome: 'refuse'; decision: RecordingDecision; reason: string }
  | { outcome: 'invalid'; path: string; message: string };

/**
 * Decides one call against the context. The call has passed the field validator of its write
 * path (domain/call-input/: the batch and the lifecycles alike); only what depends on the
 * decision is checked here: a recorded call nobody owns must say its own kind.
 */
export const evaluateCall = (call: CallData, context: PolicyContext): Evaluation => {
  const accessCode = String(call.accessCode);
  const bot = context.owners.get(accessCode) ?? null;
  const decision = decideRecording({
    flags: context.flags,
    bot,
    callBotKind: isBotKind(call.botKind) ? call.botKind : null,
    accessCode,
  });
  if (!decision.recordCall) return { outcome: 'refuse', decision, reason: decision.reason };
  if (!decision.botKind) {
    return {
      outcome: 'invalid',
      path: 'botKind',
      message: `botKind is required: no robot or IVR flow has access code ${accessCode}`,
    };
  }
  return { outcome: 'record', decision };
};

/**
 * The fields the plugin owns on a stored record: snapshot, bot, stripped trace, step count,
 * search helpers.
 */
export const storedFields = (call: CallData, decision: RecordingDecision): CallData => {
  const fields: CallData = {
    botKind: decision.botKind,
    // A snapshot of the owner: never what a writer sent (the Content Manager sends its form).
    botName: decision.bot?.name ?? null,
    recordingDecision: decision,
  };
  if (!decision.recordFlow) fields.flowTrace = null;
  // Always set (never what a writer sent): the steps of the trace kept, null without one.
  fields.flowSteps =
    decision.recordFlow && Array.isArray(call.flowTrace) ? call.flowTrace.length : null;
  if (typeof call.callingNumber === 'string') {
    fields.callingNumberReversed = reverseNumber(call.callingNumber);
  }
  if (call.durationSeconds === undefined || call.durationSeconds === null) {
    fields.durationSeconds = durationBetween(call.startTime, call.endTime);
  }
  return fields;
};
