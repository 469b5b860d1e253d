/**
 * The `phone-number` custom field's rule, shared by the database lifecycle (every write path)
 * and, through `custom-field-values.ts`, by any caller that writes rows without the Query Engine.
 * Pure on purpose: it is unit-tested without Strapi. The admin input keeps a copy of this rule
 * (the published package ships only the compiled server), held equal by a parity test.
 */

/** Bounds on the digits of a normalised number: short service numbers (110, 10086) included. */
export const PHONE_NUMBER_DIGITS = { min: 3, max: 31 } as const;

export type PhoneNumberCheck = { ok: true; value: string | null } | { ok: false; message: string };

// What people type between digits: spaces, dashes, dots, slashes and parentheses.
const SEPARATORS = /[\s\-./()]/g;
const NORMALISED = /^\+?[0-9]+$/;

/**
 * Normalises a calling number to what the Call History stores and shows: an optional leading
 * `+`, then digits only. Full-width digits and signs (as a Chinese input method types them)
 * become ASCII; separators go; empty means no value (null). Anything else is refused with a
 * message naming the rule, never silently changed into another number.
 */
export const normalisePhoneNumber = (input: unknown): PhoneNumberCheck => {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input !== 'string') {
    return { ok: false, message: 'must be a string of digits, optionally starting with +' };
  }
  const compact = input.normalize('NFKC').replace(SEPARATORS, '');
  if (compact === '') return { ok: true, value: null };
  if (!NORMALISED.test(compact)) {
    return {
      ok: false,
      message: 'may contain only digits, a leading + and the separators space - . / ( )',
    };
  }
  const digits = compact.startsWith('+') ? compact.length - 1 : compact.length;
  if (digits < PHONE_NUMBER_DIGITS.min || digits > PHONE_NUMBER_DIGITS.max) {
    return {
      ok: false,
      message: `must have ${PHONE_NUMBER_DIGITS.min} to ${PHONE_NUMBER_DIGITS.max} digits`,
    };
  }
  return { ok: true, value: compact };
};
