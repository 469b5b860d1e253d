/**
 * The one rule for access codes, shared by robots, IVR flows, ingested calls and the search:
 * a code accepted anywhere can be found everywhere.
 */
export const ACCESS_CODE_MAX_LENGTH = 64;
export const ACCESS_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
export const ACCESS_CODE_RULE =
  'must start with a letter or digit, then letters, digits, _ . : or -';

export const isAccessCode = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length <= ACCESS_CODE_MAX_LENGTH &&
  ACCESS_CODE_PATTERN.test(value);
