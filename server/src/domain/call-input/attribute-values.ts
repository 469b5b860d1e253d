/**
 * One value of an attribute a developer added to call-record, checked against its Strapi type
 * and the column Strapi creates for it (a varchar(255), a decimal(10,2), a bigint). A pure
 * re-implementation of Strapi's attribute-type checks on purpose: they run for every call of a
 * batch of up to 1,000, so Strapi's entity validator, an asynchronous yup schema built per
 * entity that knows nothing of the columns' bounds, is not used.
 */
import { checkDateTime, INT32 } from './field-checks';
import { problem, type FieldProblem } from './field-problem';
import { checkCharacters, checkJsonValue } from './storable-text';

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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UID_CHARS = /^[A-Za-z0-9\-_.~]*$/;
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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

// A `date` is a calendar day, not an instant: no offset, so domain/instant.ts does not read it.
const validCalendarDate = (year: number, month: number, day: number) =>
  year >= 1 &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]);

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
