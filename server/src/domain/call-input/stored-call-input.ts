/**
 * Every Query Engine write of a call record (the Content Manager, the entity service, another
 * plugin), as the call-record lifecycles apply it: the ingest contract's rules
 * (call-contract.ts) for every field the write carries, without refusing the fields Strapi and
 * the plugin own, and the form's blanks normalised. Pure.
 */
import type { AttributeSpecs } from './attribute-values';
import {
  checkCallTimes,
  checkContractFields,
  checkWholeCall,
  CONTRACT_KEYS,
  type CallInput,
  type CallLimits,
  type CallValidation,
} from './call-contract';
import { checkExtensions, writableExtensions } from './extension-attributes';
import { checkOptionalInteger } from './field-checks';

/** Optional contract fields a form sends as '' when left empty: no value, stored as null. */
const BLANK_IS_NULL = ['calledNumber', 'botKind', 'endReason'] as const;

/**
 * The fields a Query Engine write may carry besides the contract: Strapi's own (id, timestamps,
 * creator) and the plugin's (recordingDecision, botName, callingNumberReversed, which the
 * lifecycle overwrites), as the Content Manager sends every attribute of its form. Only the
 * one the plugin keeps as sent is checked: durationSeconds, within the longest call.
 */
const normaliseQueryEngineWrite = (raw: CallInput, limits: CallLimits): CallValidation => {
  const call: CallInput = { ...raw };
  for (const key of BLANK_IS_NULL) if (call[key] === '') call[key] = null;
  const found = checkOptionalInteger(
    'durationSeconds',
    call.durationSeconds,
    0,
    limits.maxCallDurationSeconds,
    ' (maxCallDurationSeconds)'
  );
  return found ? { ok: false, problem: found } : { ok: true, call };
};

/**
 * A call created through the Query Engine: the same rules as the batch for every field it
 * carries, without refusing the fields Strapi and the plugin own. Returns the call normalised
 * ('' → null for optional fields).
 */
export const validateStoredCall = (
  raw: CallInput,
  extensions: AttributeSpecs,
  limits: CallLimits
): CallValidation => {
  const normalised = normaliseQueryEngineWrite(raw, limits);
  return normalised.ok
    ? checkWholeCall(normalised.call, writableExtensions(extensions), limits)
    : normalised;
};

/**
 * The data of a Query Engine update: only the fields it carries are checked, so a partial update
 * stays partial; the times are checked together when it carries both. The call-record
 * lifecycle takes the contract fields out first (a stored call's never change, see
 * call-immutability.ts), so there it checks the attributes a developer added.
 */
export const validateCallUpdate = (
  raw: CallInput,
  extensions: AttributeSpecs,
  limits: CallLimits
): CallValidation => {
  const normalised = normaliseQueryEngineWrite(raw, limits);
  if (!normalised.ok) return normalised;
  const call = normalised.call;
  const writable = writableExtensions(extensions);
  const found =
    checkContractFields(
      call,
      CONTRACT_KEYS.filter((key) => key in call),
      limits
    ) ??
    ('startTime' in call && 'endTime' in call
      ? checkCallTimes(call.startTime, call.endTime, limits)
      : null) ??
    checkExtensions(
      call,
      writable,
      Object.keys(writable).filter((name) => name in call)
    );
  return found ? { ok: false, problem: found } : { ok: true, call };
};
