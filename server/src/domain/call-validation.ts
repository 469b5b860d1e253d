/**
 * Validation of a call, the one field validator of every write path: a batch sent to
 * `POST /api/call-history/calls/batch` (DESIGN §3, `validateCall`) and every Query Engine write
 * of a call record, hence the Content Manager and the entity service (`validateStoredCall`,
 * `validateCallUpdate`, applied by the database lifecycles). Pure: it imports nothing from
 * Strapi, so every rule is unit-tested; the attributes a developer added to the call-record
 * schema by extension are passed in, read from Strapi's model at runtime.
 *
 * Every value accepted here can be stored by SQLite and PostgreSQL alike: no NUL character and
 * no unpaired UTF-16 surrogate in any string (PostgreSQL refuses both in text and jsonb), strings
 * within the varchar(255) Strapi creates for `string` attributes, numbers within their columns,
 * instants within the years 1970–9999 and calls short enough for their durationSeconds to fit
 * its integer column: a value one call gets wrong is that call's `invalid`, never a failure of
 * its whole batch. Limits the host app configures (`CallLimits`) are passed in.
 */
import { ACCESS_CODE_MAX_LENGTH, ACCESS_CODE_PATTERN, ACCESS_CODE_RULE } from './access-code';
import { checkCustomFieldValue, isPluginCustomField } from './custom-field-values';
import { instantMessage, instantOf, readInstantValue } from './instant';
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

/** The bounds of one call that the host app configures (config/index.ts), passed in. */
export interface CallLimits {
  /** Largest flow trace of one call, in UTF-8 bytes of its JSON. */
  maxFlowTraceBytes: number;
  /** Longest call from startTime to endTime, in seconds; bounds a given durationSeconds too. */
  maxCallDurationSeconds: number;
}

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
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UID_CHARS = /^[A-Za-z0-9\-_.~]*$/;
const INT32 = { min: -2147483648, max: 2147483647 };
/** PostgreSQL's bigint, the column Strapi creates for a `biginteger` attribute. */
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const BIGINT_TEXT = /^-?\d{1,19}$/;
/**
 * Strapi creates a `decimal` attribute as decimal(10,2): 8 digits before the point. A value is
 * rounded to 2 decimals first, so 99999999.995 would round up out of range.
 */
export const DECIMAL_BOUND = 99_999_999.995;
/**
 * The column Strapi creates for a `string`, `email`, `uid`, `enumeration` or `password`
 * attribute is a varchar(255), whatever the attribute's maxLength says.
 */
export const VARCHAR_LENGTH = 255;
const VARCHAR_TYPES = new Set(['string', 'email', 'uid', 'enumeration', 'password']);
/** Deeper json is refused: no database or JSON encoder should have to recurse without bound. */
export const MAX_JSON_DEPTH = 64;
/** Attribute types the Query Engine writes through other tables; Strapi checks those itself. */
const NON_SCALAR_TYPES = new Set(['relation', 'component', 'dynamiczone', 'media']);

const problem = (path: string, message: string): FieldProblem => ({ path, message });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const validCalendarDate = (year: number, month: number, day: number) =>
  year >= 1 &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]);

/**
 * What in a string no database here can store: the NUL character (PostgreSQL refuses it in text
 * and in jsonb) or a UTF-16 surrogate without its pair (no Unicode text at all: PostgreSQL's
 * jsonb refuses it, its text columns would silently store U+FFFD instead).
 */
export const unstorableCharacter = (value: string): 'nul' | 'surrogate' | null => {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code === 0) return 'nul';
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = value.charCodeAt(index + 1);
    if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return 'surrogate';
    index += 1;
  }
  return null;
};

const characterRule = (subject: string, found: 'nul' | 'surrogate') =>
  found === 'nul'
    ? `${subject} must not contain the NUL character (\\u0000)`
    : `${subject} must be valid Unicode text: it holds an unpaired surrogate`;

const checkCharacters = (path: string, value: string): FieldProblem | null => {
  const found = unstorableCharacter(value);
  return found ? problem(path, characterRule(path, found)) : null;
};

/**
 * Every string of a json value, object keys included, checked for unstorable characters; the
 * path of the first one at fault, e.g. `tags.labels[2]`. Iterative, so depth costs no stack.
 */
export const checkJsonValue = (path: string, value: unknown): FieldProblem | null => {
  const pending: Array<{ at: string; node: unknown; depth: number }> = [
    { at: path, node: value, depth: 0 },
  ];
  while (pending.length > 0) {
    const { at, node, depth } = pending.pop() as { at: string; node: unknown; depth: number };
    if (typeof node === 'string') {
      const found = checkCharacters(at, node);
      if (found) return found;
      continue;
    }
    if (typeof node !== 'object' || node === null || node instanceof Date) continue;
    if (depth >= MAX_JSON_DEPTH) {
      return problem(at, `${at} must not nest deeper than ${MAX_JSON_DEPTH} levels`);
    }
    const children: Array<{ at: string; node: unknown; depth: number }> = [];
    if (Array.isArray(node)) {
      node.forEach((child, index) =>
        children.push({ at: `${at}[${index}]`, node: child, depth: depth + 1 })
      );
    } else {
      for (const [key, child] of Object.entries(node)) {
        const inKey = unstorableCharacter(key);
        if (inKey) return problem(at, characterRule(`a key of ${at}`, inKey));
        children.push({ at: `${at}.${key}`, node: child, depth: depth + 1 });
      }
    }
    // Reversed onto the stack, so the first problem in document order is the one reported.
    for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]);
  }
  return null;
};

interface StringRule {
  required: boolean;
  max: number;
  pattern?: RegExp;
  patternMessage?: string;
  /**
   * An identifier (callId), not text: no control character (C0, DEL, C1) and no line or
   * paragraph separator. Free text takes them all: CSV quoting carries them, logs escape them.
   */
  identifier?: boolean;
}

const NOT_IN_IDENTIFIER = /[\p{Cc}\u2028\u2029]/u;

const checkString = (path: string, value: unknown, rule: StringRule): FieldProblem | null => {
  if (value === undefined || value === null) {
    return rule.required ? problem(path, `${path} is required`) : null;
  }
  if (typeof value !== 'string') return problem(path, `${path} must be a string`);
  if (rule.required && value.trim() === '') return problem(path, `${path} must not be empty`);
  if (value.length > rule.max) {
    return problem(path, `${path} must be at most ${rule.max} characters`);
  }
  const characters = checkCharacters(path, value);
  if (characters) return characters;
  if (rule.identifier && NOT_IN_IDENTIFIER.test(value)) {
    return problem(path, `${path} must not contain control characters or line breaks`);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    return problem(path, `${path} ${rule.patternMessage ?? 'has an invalid format'}`);
  }
  return null;
};

/**
 * A date-time (domain/instant.ts: ISO 8601 with an offset, or a Date, within the years
 * 1970–9999). `keep` receives the value to store when it differs from the one sent: the same
 * text with its offset written ±hh:mm.
 */
const checkDateTime = (
  path: string,
  value: unknown,
  required: boolean,
  keep?: (stored: unknown) => void
): FieldProblem | null => {
  if (value === undefined || value === null) {
    return required ? problem(path, `${path} is required`) : null;
  }
  const reading = readInstantValue(value);
  if (!reading.ok) return problem(path, instantMessage(path, reading));
  if (keep && reading.value !== value) keep(reading.value);
  return null;
};

const checkOptionalInteger = (
  path: string,
  value: unknown,
  min: number,
  max = INT32.max,
  bound = ''
): FieldProblem | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return problem(
      path,
      max === INT32.max
        ? `${path} must be an integer of at least ${min}`
        : `${path} must be an integer from ${min} to ${max}${bound}`
    );
  }
  return null;
};

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
const checkFlowTrace = (call: CallInput, limits: CallLimits): FieldProblem | null => {
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
  const bytes = flowTraceBytesBound(trace) <= limits.maxFlowTraceBytes ? 0 : flowTraceBytes(trace);
  if (bytes > limits.maxFlowTraceBytes) {
    return problem(
      'flowTrace',
      `flowTrace is ${bytes} bytes of JSON: at most ${limits.maxFlowTraceBytes} are kept per call (maxFlowTraceBytes)`
    );
  }
  call.flowTrace = trace;
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

/** The longest value the attribute's column holds: its maxLength, and 255 for a varchar. */
export const maxLengthOf = (spec: AttributeSpec): number | undefined =>
  VARCHAR_TYPES.has(spec.type)
    ? Math.min(spec.maxLength ?? VARCHAR_LENGTH, VARCHAR_LENGTH)
    : spec.maxLength;

const checkLength = (path: string, value: string, spec: AttributeSpec): FieldProblem | null => {
  const maxLength = maxLengthOf(spec);
  if (spec.minLength !== undefined && value.length < spec.minLength) {
    return problem(path, `${path} must be at least ${spec.minLength} characters`);
  }
  if (maxLength !== undefined && value.length > maxLength) {
    return problem(path, `${path} must be at most ${maxLength} characters`);
  }
  const characters = checkCharacters(path, value);
  if (characters) return characters;
  if (spec.regex !== undefined && !new RegExp(spec.regex).test(value)) {
    return problem(path, `${path} does not match the pattern ${spec.regex}`);
  }
  return null;
};

const bigIntOf = (value: number | string | undefined): bigint | undefined => {
  if (value === undefined) return undefined;
  const text = String(value);
  return BIGINT_TEXT.test(text) ? BigInt(text) : undefined;
};

/** A biginteger as a number (a safe integer) or a string of digits, within its column. */
const checkBigInteger = (
  path: string,
  value: unknown,
  spec: AttributeSpec
): FieldProblem | null => {
  const parsed =
    (typeof value === 'string' && BIGINT_TEXT.test(value)) ||
    (typeof value === 'number' && Number.isSafeInteger(value))
      ? BigInt(value)
      : null;
  if (parsed === null || parsed < INT64.min || parsed > INT64.max) {
    return problem(
      path,
      `${path} must be a 64-bit integer (a number or a string of digits, ${INT64.min} to ${INT64.max})`
    );
  }
  const min = bigIntOf(spec.min);
  const max = bigIntOf(spec.max);
  if (min !== undefined && parsed < min) return problem(path, `${path} must be at least ${min}`);
  if (max !== undefined && parsed > max) return problem(path, `${path} must be at most ${max}`);
  return null;
};

const checkDecimal = (path: string, value: unknown, spec: AttributeSpec): FieldProblem | null => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return problem(path, `${path} must be a number`);
  }
  if (Math.abs(value) >= DECIMAL_BOUND) {
    return problem(path, `${path} must be between -99999999.99 and 99999999.99`);
  }
  return checkRange(path, value, spec);
};

/** One extension attribute's value, checked against its Strapi attribute type and column. */
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
    case 'password':
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
      return checkBigInteger(path, value, spec);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value)
        ? checkRange(path, value, spec)
        : problem(path, `${path} must be a number`);
    case 'decimal':
      return checkDecimal(path, value, spec);
    case 'boolean':
      return typeof value === 'boolean' ? null : problem(path, `${path} must be true or false`);
    case 'date': {
      if (value instanceof Date && !Number.isNaN(value.getTime())) return null;
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
      return checkJsonValue(path, value);
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

type ContractKey = (typeof CONTRACT_KEYS)[number];

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
  flowTrace: checkFlowTrace,
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

const DATETIME_TYPES = new Set(['datetime', 'timestamp']);

/**
 * The extension attributes among `keys`, checked by their Strapi type; the plugin's custom
 * fields (a phone number, say) are normalised into `call` as on every other path, and a
 * date-time is stored with its offset written ±hh:mm.
 */
const checkExtensions = (
  call: CallInput,
  extensions: AttributeSpecs,
  keys: Iterable<string>
): FieldProblem | null => {
  for (const name of keys) {
    const spec = extensions[name];
    const found = DATETIME_TYPES.has(spec.type)
      ? checkDateTime(name, call[name], Boolean(spec.required), (stored) => (call[name] = stored))
      : checkAttributeValue(name, call[name], spec);
    if (found) return found;
    if (isPluginCustomField(spec.customField) && call[name] !== undefined) {
      const check = checkCustomFieldValue(spec.customField, call[name]);
      if (!check.ok) return problem(name, `${name} ${check.message}`);
      call[name] = check.value;
    }
  }
  return null;
};

/** Every field of a whole call: the contract, the times, the extension attributes. */
const checkWholeCall = (
  raw: CallInput,
  extensions: AttributeSpecs,
  limits: CallLimits
): CallValidation => {
  const call: CallInput = { ...raw };
  let found: FieldProblem | null = null;
  for (const key of CONTRACT_KEYS) {
    found = CONTRACT_CHECKS[key](call, limits);
    if (found) return { ok: false, problem: found };
  }
  found = checkCallTimes(call.startTime, call.endTime, limits);
  if (found) return { ok: false, problem: found };
  found = checkExtensions(call, extensions, Object.keys(extensions));
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

/** Optional contract fields a form sends as '' when left empty: no value, stored as null. */
const BLANK_IS_NULL = ['calledNumber', 'botKind', 'endReason'] as const;

const writableExtensions = (extensions: AttributeSpecs): AttributeSpecs =>
  Object.fromEntries(
    Object.entries(extensions).filter(([, spec]) => !NON_SCALAR_TYPES.has(spec.type))
  );

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
 * A call created through the Query Engine (Content Manager, entity service, another plugin):
 * the same rules as the batch for every field it carries, without refusing the fields Strapi
 * and the plugin own. Returns the call normalised ('' → null for optional fields).
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
  let found: FieldProblem | null = null;
  for (const key of CONTRACT_KEYS) {
    if (key in call) found = CONTRACT_CHECKS[key](call, limits);
    if (found) return { ok: false, problem: found };
  }
  if ('startTime' in call && 'endTime' in call) {
    found = checkCallTimes(call.startTime, call.endTime, limits);
  }
  if (found) return { ok: false, problem: found };
  const writable = writableExtensions(extensions);
  found = checkExtensions(
    call,
    writable,
    Object.keys(writable).filter((name) => name in call)
  );
  return found ? { ok: false, problem: found } : { ok: true, call };
};
