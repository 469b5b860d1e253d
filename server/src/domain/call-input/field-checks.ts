/**
 * The checks a contract field, a flow-trace step's field and an extension attribute share: a
 * bounded string, an instant, a bounded integer. Instants are read by domain/instant.ts, the
 * one reader the search uses too, so the ingest and the search take the same texts. Pure.
 */
import { instantMessage, readInstantValue } from '../instant';

import { problem, type FieldProblem } from './field-problem';
import { checkCharacters } from './storable-text';

/** PostgreSQL's integer, the column Strapi creates for an `integer` attribute. */
export const INT32 = { min: -2147483648, max: 2147483647 };

export interface StringRule {
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

export const checkString = (
  path: string,
  value: unknown,
  rule: StringRule
): FieldProblem | null => {
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
export const checkDateTime = (
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

/** An optional integer from `min`; `bound` names where a `max` below INT32's comes from. */
export const checkOptionalInteger = (
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
