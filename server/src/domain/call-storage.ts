import { durationBetween, reverseNumber } from './calling-number';
import {
  decideRecording,
  isBotKind,
  type BotSnapshot,
  type RecordingDecision,
  type RecordingFlags,
} from './recording-decision';

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

const REQUIRED = ['callId', 'callingNumber', 'accessCode', 'startTime', 'endTime'] as const;

/**
 * Decides one call against the context. Only the fields the decision itself needs are checked
 * here; the ingest API validates every field before it gets this far.
 */
export const evaluateCall = (call: CallData, context: PolicyContext): Evaluation => {
  for (const field of REQUIRED) {
    const value = call[field];
    if (value === undefined || value === null || value === '') {
      return { outcome: 'invalid', path: field, message: `${field} is required` };
    }
  }
  if (typeof call.accessCode !== 'string') {
    return { outcome: 'invalid', path: 'accessCode', message: 'accessCode must be a string' };
  }
  if (call.botKind != null && !isBotKind(call.botKind)) {
    return {
      outcome: 'invalid',
      path: 'botKind',
      message: 'botKind must be one of INTELLIGENT_ROBOT, COMMON_IVR',
    };
  }
  const accessCode = call.accessCode;
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

/** The fields the plugin owns on a stored record: snapshot, bot, stripped trace, search helpers. */
export const storedFields = (call: CallData, decision: RecordingDecision): CallData => {
  const fields: CallData = {
    botKind: decision.botKind,
    recordingDecision: decision,
  };
  if (decision.bot) fields.botName = decision.bot.name;
  if (!decision.recordFlow) fields.flowTrace = null;
  if (typeof call.callingNumber === 'string') {
    fields.callingNumberReversed = reverseNumber(call.callingNumber);
  }
  if (call.durationSeconds === undefined || call.durationSeconds === null) {
    fields.durationSeconds = durationBetween(call.startTime, call.endTime);
  }
  return fields;
};
