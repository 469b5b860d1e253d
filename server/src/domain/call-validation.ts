/**
 * Validation of a batch sent to `POST /api/call-history/calls/batch` (DESIGN §3). Pure: it
 * imports nothing from Strapi, so every rule is unit-tested; the attributes a developer added to
 * the call-record schema by extension are passed in, read from Strapi's model at runtime.
 */
import { ACCESS_CODE_MAX_LENGTH, ACCESS_CODE_PATTERN, ACCESS_CODE_RULE } from './access-code';
import { checkCustomFieldValue, isPluginCustomField } from './custom-field-values';
import { BOT_KINDS, isBotKind } from './recording-decision';

export const MAX_BATCH_SIZE = 1000;
export const MAX_TRACE_STEPS = 1000;

/** A problem with one field: `path` as Strapi's validation errors give it, e.g. `flowTrace[2].at`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The part of a Strapi attribute definition that validation of an extension attribute needs. */
export interface AttributeSpec {
  type: string;
  required?: boolean;
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  regex?: string;
  /** Set when the attribute is a custom field; the plugin's own ones carry extra rules. */
  customField?: string;
}

export type AttributeSpecs = Record<string, AttributeSpec>;

export type CallInput = Record<string, unknown>;

export type CallValidation = { ok: true; call: CallInput } | { ok: false; problem: FieldProblem };

export type BatchValidation = { ok: true; calls: unknown[] } | { ok: false; problem: FieldProblem };

/** The keys of the contract of DESIGN §3; everything else must be an extension attribute. */
export const CONTRACT_KEYS = [
  'callId',
  'callingNumber',
  'calledNumber',
  'accessCode',
  'botKind',
  'startTime',
  'endTime',
  'endReason',
  'flowTrace',
] as const;

const CONTRACT_KEY_SET = new Set<string>(CONTRACT_KEYS);

/** Attributes Strapi adds to every content type: never writable through the ingest API. */
export const SYSTEM_ATTRIBUTES = [
  'id',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
] as const;

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

// E.164-style: an optional leading +, then digits only. `*` is the search wildcard (DESIGN §3),
// so it may never be part of a stored calling number.
const PHONE = /^\+?[0-9]{1,31}$/;
// A dialled number may also be a service code such as *100# or 10086#.
const DIALLED = /^\+?[0-9*#]{1,31}$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UID_CHARS = /^[A-Za-z0-9\-_.~]*$/;
const INT32 = { min: -2147483648, max: 2147483647 };

const problem = (path: string, message: string): FieldProblem => ({ path, message });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

// Arithmetic rather than a Date per check: a batch of 1,000 traced calls checks 21,000 times.
const daysInMonth = (year: number, month: number) =>
  month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];

const validCalendarDate = (year: number, month: number, day: number) =>
  year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

/**
 * Milliseconds since the epoch of an ISO 8601 date-time carrying an offset (`Z` or `±hh:mm`),
 * or null. Parsed by hand: `Date.parse` accepts local times and rolls 30 February into March.
 */
export const parseIsoDateTime = (value: unknown): number | null => {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '0', offset] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (!validCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const digits = offset.replace(':', '');
    const offsetHours = Number(digits.slice(1, 3));
    const offsetMins = Number(digits.slice(3, 5));
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
};

interface StringRule {
  required: boolean;
  max: number;
  pattern?: RegExp;
  patternMessage?: string;
  /** Control characters would break the CSV export and the logs. */
  printable?: boolean;
}

const hasControlCharacter = (value: string) => {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 32 || code === 127) return true;
  }
  return false;
};

const checkString = (path: string, value: unknown, rule: StringRule): FieldProblem | null => {
  if (value === undefined || value === null) {
    return rule.required ? problem(path, `${path} is required`) : null;
  }
  if (typeof value !== 'string') return problem(path, `${path} must be a string`);
  if (rule.required && value.trim() === '') return problem(path, `${path} must not be empty`);
  if (value.length > rule.max) {
    return problem(path, `${path} must be at most ${rule.max} characters`);
  }
  if (rule.printable && hasControlCharacter(value)) {
    return problem(path, `${path} must not contain control characters`);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    return problem(path, `${path} ${rule.patternMessage ?? 'has an invalid format'}`);
  }
  return null;
};

const checkDateTime = (path: string, value: unknown, required: boolean): FieldProblem | null => {
  if (value === undefined || value === null) {
    return required ? problem(path, `${path} is required`) : null;
  }
  return parseIsoDateTime(value) === null
    ? problem(
        path,
        `${path} must be an ISO 8601 date-time with an offset, e.g. 2026-03-01T08:30:00Z`
      )
    : null;
};

const checkOptionalInteger = (path: string, value: unknown, min: number): FieldProblem | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > INT32.max) {
    return problem(path, `${path} must be an integer of at least ${min}`);
  }
  return null;
};

const checkStep = (step: unknown, index: number): FieldProblem | null => {
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
    checkDateTime(`${base}.at`, step.at, true) ??
    checkString(`${base}.nodeId`, step.nodeId, { required: true, max: 128 }) ??
    checkString(`${base}.nodeName`, step.nodeName, { required: true, max: 255 }) ??
    checkString(`${base}.nodeType`, step.nodeType, { required: true, max: 64 }) ??
    checkString(`${base}.userInput`, step.userInput, { required: false, max: 4000 }) ??
    checkString(`${base}.botReply`, step.botReply, { required: false, max: 4000 }) ??
    checkString(`${base}.resultCode`, step.resultCode, { required: false, max: 64 }) ??
    checkOptionalInteger(`${base}.durationMs`, step.durationMs, 0)
  );
};

const checkFlowTrace = (value: unknown): FieldProblem | null => {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return problem('flowTrace', 'flowTrace must be an array of steps');
  if (value.length > MAX_TRACE_STEPS) {
    return problem('flowTrace', `flowTrace must have at most ${MAX_TRACE_STEPS} steps`);
  }
  for (let index = 0; index < value.length; index += 1) {
    const found = checkStep(value[index], index);
    if (found) return found;
  }
  return null;
};

const toNumber = (value: number | string | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);

const checkRange = (path: string, value: number, spec: AttributeSpec): FieldProblem | null => {
  const min = toNumber(spec.min);
  const max = toNumber(spec.max);
  if (min !== undefined && value < min) return problem(path, `${path} must be at least ${min}`);
  if (max !== undefined && value > max) return problem(path, `${path} must be at most ${max}`);
  return null;
};

const checkLength = (path: string, value: string, spec: AttributeSpec): FieldProblem | null => {
  if (spec.minLength !== undefined && value.length < spec.minLength) {
    return problem(path, `${path} must be at least ${spec.minLength} characters`);
  }
  if (spec.maxLength !== undefined && value.length > spec.maxLength) {
    return problem(path, `${path} must be at most ${spec.maxLength} characters`);
  }
  if (spec.regex !== undefined && !new RegExp(spec.regex).test(value)) {
    return problem(path, `${path} does not match the pattern ${spec.regex}`);
  }
  return null;
};

/** One extension attribute's value, checked against its Strapi attribute type. */
export const checkAttributeValue = (
  path: string,
  value: unknown,
  spec: AttributeSpec
): FieldProblem | null => {
  if (value === undefined || value === null) {
    return spec.required ? problem(path, `${path} is required`) : null;
  }
  switch (spec.type) {
    case 'string':
    case 'text':
    case 'richtext':
      return typeof value === 'string'
        ? checkLength(path, value, spec)
        : problem(path, `${path} must be a string`);
    case 'email':
      return typeof value === 'string' && EMAIL.test(value)
        ? checkLength(path, value, spec)
        : problem(path, `${path} must be an email address`);
    case 'uid':
      return typeof value === 'string' && UID_CHARS.test(value)
        ? checkLength(path, value, spec)
        : problem(path, `${path} must contain only A-Z, a-z, 0-9, -, _, . and ~`);
    case 'enumeration':
      return typeof value === 'string' && (spec.enum ?? []).includes(value)
        ? null
        : problem(path, `${path} must be one of ${(spec.enum ?? []).join(', ')}`);
    case 'integer':
      return typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= INT32.min &&
        value <= INT32.max
        ? checkRange(path, value, spec)
        : problem(path, `${path} must be a 32-bit integer`);
    case 'biginteger':
      return (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) ||
        (typeof value === 'number' && Number.isSafeInteger(value))
        ? null
        : problem(path, `${path} must be an integer (a number or a string of digits)`);
    case 'float':
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value)
        ? checkRange(path, value, spec)
        : problem(path, `${path} must be a number`);
    case 'boolean':
      return typeof value === 'boolean' ? null : problem(path, `${path} must be true or false`);
    case 'date': {
      const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
      return match && validCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
        ? null
        : problem(path, `${path} must be a date as YYYY-MM-DD`);
    }
    case 'datetime':
    case 'timestamp':
      return checkDateTime(path, value, Boolean(spec.required));
    case 'time':
      return typeof value === 'string' && ISO_TIME.test(value)
        ? null
        : problem(path, `${path} must be a time as HH:mm or HH:mm:ss`);
    case 'json':
    case 'blocks':
      return null;
    default:
      return problem(path, `${path} is a ${spec.type} attribute: the ingest API cannot write it`);
  }
};

/**
 * The attributes a developer added to call-record by extension: every attribute of the runtime
 * model that is neither the plugin's own nor one Strapi adds to every type.
 */
export const extensionAttributes = (
  modelAttributes: Record<string, AttributeSpec>,
  pluginAttributeNames: readonly string[]
): AttributeSpecs => {
  const excluded = new Set<string>([...pluginAttributeNames, ...SYSTEM_ATTRIBUTES]);
  const result: AttributeSpecs = {};
  for (const [name, spec] of Object.entries(modelAttributes)) {
    if (!excluded.has(name)) result[name] = spec;
  }
  return result;
};

/** The body as a whole: `{ data: [ … ] }` with 1 to MAX_BATCH_SIZE calls. */
export const validateBatchShape = (body: unknown): BatchValidation => {
  if (!isPlainObject(body)) {
    return {
      ok: false,
      problem: problem('data', 'the body must be a JSON object { "data": [call, …] }'),
    };
  }
  const unknown = Object.keys(body).find((key) => key !== 'data');
  if (unknown !== undefined) {
    return {
      ok: false,
      problem: problem(unknown, `${unknown} is not allowed: send { "data": [call, …] }`),
    };
  }
  const { data } = body;
  if (data === undefined || data === null) {
    return { ok: false, problem: problem('data', 'data is required: an array of calls') };
  }
  if (!Array.isArray(data)) {
    return { ok: false, problem: problem('data', 'data must be an array of calls') };
  }
  if (data.length === 0) {
    return { ok: false, problem: problem('data', 'data must hold at least 1 call') };
  }
  if (data.length > MAX_BATCH_SIZE) {
    return {
      ok: false,
      problem: problem(
        'data',
        `data must hold at most ${MAX_BATCH_SIZE} calls, got ${data.length}`
      ),
    };
  }
  return { ok: true, calls: data };
};

/**
 * One call of a batch. Keys outside the contract are refused unless they are extension
 * attributes, which are checked by their Strapi type. The first problem found is reported.
 */
export const validateCall = (raw: unknown, extensions: AttributeSpecs): CallValidation => {
  const fail = (found: FieldProblem): CallValidation => ({ ok: false, problem: found });
  if (!isPlainObject(raw)) return fail(problem('call', 'each call must be a JSON object'));

  for (const key of Object.keys(raw)) {
    if (!CONTRACT_KEY_SET.has(key) && !Object.prototype.hasOwnProperty.call(extensions, key)) {
      return fail(
        problem(
          key,
          `${key} is not a call field: send ${CONTRACT_KEYS.join(', ')} or an attribute added to call-record`
        )
      );
    }
  }

  const found =
    checkString('callId', raw.callId, {
      required: true,
      max: 128,
      printable: true,
    }) ??
    checkString('callingNumber', raw.callingNumber, {
      required: true,
      max: 32,
      pattern: PHONE,
      patternMessage: 'must be digits with an optional leading +',
    }) ??
    checkString('calledNumber', raw.calledNumber, {
      required: false,
      max: 32,
      pattern: DIALLED,
      patternMessage: 'must be digits, * or # with an optional leading +',
    }) ??
    checkString('accessCode', raw.accessCode, {
      required: true,
      max: ACCESS_CODE_MAX_LENGTH,
      pattern: ACCESS_CODE_PATTERN,
      patternMessage: ACCESS_CODE_RULE,
    }) ??
    (raw.botKind === undefined || raw.botKind === null || isBotKind(raw.botKind)
      ? null
      : problem('botKind', `botKind must be one of ${BOT_KINDS.join(', ')}`)) ??
    checkDateTime('startTime', raw.startTime, true) ??
    checkDateTime('endTime', raw.endTime, true) ??
    checkString('endReason', raw.endReason, {
      required: false,
      max: 64,
      printable: true,
    }) ??
    checkFlowTrace(raw.flowTrace);
  if (found) return fail(found);

  const start = parseIsoDateTime(raw.startTime) as number;
  const end = parseIsoDateTime(raw.endTime) as number;
  if (end < start) return fail(problem('endTime', 'endTime must not be before startTime'));

  const call: CallInput = { ...raw };
  for (const [name, spec] of Object.entries(extensions)) {
    const extensionProblem = checkAttributeValue(name, raw[name], spec);
    if (extensionProblem) return fail(extensionProblem);
    // The plugin's custom fields (a phone number, say) are normalised as on every other path.
    if (isPluginCustomField(spec.customField) && raw[name] !== undefined) {
      const check = checkCustomFieldValue(spec.customField, raw[name]);
      if (!check.ok) return fail(problem(name, `${name} ${check.message}`));
      call[name] = check.value;
    }
  }
  return { ok: true, call };
};
