/**
 * The browser's copy of server/src/domain/phone-number.ts: the published package ships the
 * compiled server only, so the admin cannot import it. tests/custom-fields/parity.test.ts keeps
 * the two equal on a table of inputs; the server's check is the one that decides.
 */
export const PHONE_NUMBER_DIGITS = { min: 3, max: 31 } as const;

export type PhoneNumberProblem = 'type' | 'characters' | 'length';

export type PhoneNumberCheck =
  | { ok: true; value: string | null }
  | { ok: false; problem: PhoneNumberProblem };

const SEPARATORS = /[\s\-./()]/g;
const NORMALISED = /^\+?[0-9]+$/;

export const normalisePhoneNumber = (input: unknown): PhoneNumberCheck => {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input !== 'string') return { ok: false, problem: 'type' };
  const compact = input.normalize('NFKC').replace(SEPARATORS, '');
  if (compact === '') return { ok: true, value: null };
  if (!NORMALISED.test(compact)) return { ok: false, problem: 'characters' };
  const digits = compact.startsWith('+') ? compact.length - 1 : compact.length;
  if (digits < PHONE_NUMBER_DIGITS.min || digits > PHONE_NUMBER_DIGITS.max) {
    return { ok: false, problem: 'length' };
  }
  return { ok: true, value: compact };
};
