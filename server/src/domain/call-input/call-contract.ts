/**
 * The ingest contract's field rules (docs/design.md#ingest-contract): one call of a batch sent
 * to `POST /api/call-history/calls/batch` (`validateCall`), and the same rules for every Query
 * Engine write (stored-call-input.ts). Pure: it imports nothing from Strapi, so every rule is
 * unit-tested; the attributes a developer added to the call-record schema by extension are
 * passed in, read from Strapi's model at runtime.
 *
 * Every value accepted here can be stored by SQLite and PostgreSQL alike (storable-text.ts,
 * attribute-values.ts): strings within their columns, instants within the years 1970–9999
 * (domain/instant.ts) and calls short enough for their durationSeconds to fit its integer
 * column: a value one call gets wrong is that call's `invalid`, never a failure of its whole
 * batch. Limits the host app configures (`CallLimits`) are passed in.
 */
import { CALL_CONTRACT_KEYS } from '../../../../shared/contracts/calls';
import { ACCESS_CODE_MAX_LENGTH, ACCESS_CODE_PATTERN, ACCESS_CODE_RULE } from '../access-code';
import { instantOf } from '../instant';
import { BOT_KINDS, isBotKind } from '../recording-decision';

import type { AttributeSpecs } from './attribute-values';
import { checkExtensions } from './extension-attributes';
import { checkDateTime, checkString } from './field-checks';
import { isPlainObject, problem, type FieldProblem } from './field-problem';
import { checkFlowTrace } from './flow-trace-rules';

export type CallInput = Record<string, unknown>;

/** The bounds of one call that the host app configures (config/index.ts), passed in. */
export interface CallLimits {
  /** Largest flow trace of one call, in UTF-8 bytes of its JSON. */
  maxFlowTraceBytes: number;
  /** Longest call from startTime to endTime, in seconds; bounds a given durationSeconds too. */
  maxCallDurationSeconds: number;
}

export type CallValidation = { ok: true; call: CallInput } | { ok: false; problem: FieldProblem };

/** The keys of the ingest contract; everything else must be an extension attribute. */
/** The keys of the contract, as server and admin share them. */
export const CONTRACT_KEYS = CALL_CONTRACT_KEYS;

export type ContractKey = (typeof CONTRACT_KEYS)[number];

const CONTRACT_KEY_SET = new Set<string>(CONTRACT_KEYS);

// E.164-style: an optional leading +, then digits only. `*` is the search wildcard
// (docs/design.md#search-contract), so it may never be part of a stored calling number.
export const PHONE = /^\+?[0-9]{1,31}$/;
// A dialled number may also be a service code such as *100# or 10086#.
const DIALLED = /^\+?[0-9*#]{1,31}$/;

/**
 * The rule of each field of the contract, in the order they are reported. Each reads its field
 * from the call being validated (a copy of the one sent) and may replace it with the value to
 * store (a time's offset written ±hh:mm).
 */
const CONTRACT_CHECKS: Record<
  ContractKey,
  (call: CallInput, limits: CallLimits) => FieldProblem | null
> = {
  callId: (call) =>
    checkString('callId', call.callId, { required: true, max: 128, identifier: true }),
  callingNumber: (call) =>
    checkString('callingNumber', call.callingNumber, {
      required: true,
      max: 32,
      pattern: PHONE,
      patternMessage: 'must be digits with an optional leading +',
    }),
  calledNumber: (call) =>
    checkString('calledNumber', call.calledNumber, {
      required: false,
      max: 32,
      pattern: DIALLED,
      patternMessage: 'must be digits, * or # with an optional leading +',
    }),
  accessCode: (call) =>
    checkString('accessCode', call.accessCode, {
      required: true,
      max: ACCESS_CODE_MAX_LENGTH,
      pattern: ACCESS_CODE_PATTERN,
      patternMessage: ACCESS_CODE_RULE,
    }),
  botKind: (call) =>
    call.botKind === undefined || call.botKind === null || isBotKind(call.botKind)
      ? null
      : problem('botKind', `botKind must be one of ${BOT_KINDS.join(', ')}`),
  startTime: (call) =>
    checkDateTime('startTime', call.startTime, true, (stored) => (call.startTime = stored)),
  endTime: (call) =>
    checkDateTime('endTime', call.endTime, true, (stored) => (call.endTime = stored)),
  // Free text from the platform: line breaks, tabs, any language.
  endReason: (call) => checkString('endReason', call.endReason, { required: false, max: 64 }),
  flowTrace: (call, limits) => checkFlowTrace(call, limits.maxFlowTraceBytes),
};

/** The first problem among the contract fields `keys` of `call`, checked in contract order. */
export const checkContractFields = (
  call: CallInput,
  keys: readonly ContractKey[],
  limits: CallLimits
): FieldProblem | null => {
  for (const key of keys) {
    const found = CONTRACT_CHECKS[key](call, limits);
    if (found) return found;
  }
  return null;
};

const hours = (seconds: number) => `${Math.round((seconds / 3600) * 100) / 100} h`;

/**
 * The two ends of a call: endTime not before startTime, and at most maxCallDurationSeconds
 * after it (so its duration always fits the integer column, on every database). Null when
 * either is missing or unreadable: that is reported on its own.
 */
export const checkCallTimes = (
  startTime: unknown,
  endTime: unknown,
  limits: CallLimits
): FieldProblem | null => {
  const start = instantOf(startTime);
  const end = instantOf(endTime);
  if (start === null || end === null) return null;
  if (end < start) return problem('endTime', 'endTime must not be before startTime');
  const max = limits.maxCallDurationSeconds;
  return end - start > max * 1000
    ? problem(
        'endTime',
        `endTime must be at most ${max} seconds (${hours(max)}, maxCallDurationSeconds) after startTime`
      )
    : null;
};

/**
 * Every field of a whole call: the contract, the times, the extension attributes. Checks a
 * copy of `raw`, which it returns normalised.
 */
export const checkWholeCall = (
  raw: CallInput,
  extensions: AttributeSpecs,
  limits: CallLimits
): CallValidation => {
  const call: CallInput = { ...raw };
  const found =
    checkContractFields(call, CONTRACT_KEYS, limits) ??
    checkCallTimes(call.startTime, call.endTime, limits) ??
    checkExtensions(call, extensions, Object.keys(extensions));
  return found ? { ok: false, problem: found } : { ok: true, call };
};

/**
 * One call of a batch. Keys outside the contract are refused unless they are extension
 * attributes, which are checked by their Strapi type. The first problem found is reported.
 */
export const validateCall = (
  raw: unknown,
  extensions: AttributeSpecs,
  limits: CallLimits
): CallValidation => {
  if (!isPlainObject(raw)) {
    return { ok: false, problem: problem('call', 'each call must be a JSON object') };
  }
  for (const key of Object.keys(raw)) {
    if (!CONTRACT_KEY_SET.has(key) && !Object.prototype.hasOwnProperty.call(extensions, key)) {
      return {
        ok: false,
        problem: problem(
          key,
          `${key} is not a call field: send ${CONTRACT_KEYS.join(', ')} or an attribute added to call-record`
        ),
      };
    }
  }
  return checkWholeCall(raw, extensions, limits);
};
