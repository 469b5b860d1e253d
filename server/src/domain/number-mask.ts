/**
 * How a calling or called number is shown to someone who has not revealed it
 * (docs/design.md#privacy): the first `keepFirst` and the last `keepLast` digits stay, every
 * other digit becomes `*`, e.g. `13812345678` → `138****5678`. Pure, so the rule is tested
 * without Strapi; the plugin config `numberMask` sets the two counts.
 *
 * - A leading `+` is kept: it says the number is international, nothing about whose it is.
 * - `*` and `#` (service codes such as `*100#`) and separators (space - . / ( )) are kept in
 *   place: they are not personal. They are not counted as digits.
 * - Any other character (a letter of a SIP user name, say) is masked like a digit, never shown.
 * - Never the whole number: at least a third of the digits (rounded up) are always masked. The
 *   default rule masks 4 of the 11 digits of a Chinese mobile number; on a number too short for
 *   both ends the kept digits shrink, the two ends in the proportion of the rule, until a third
 *   is masked (`10086` → `1**86`, `110` → `*10`).
 */

export interface NumberMaskRule {
  keepFirst: number;
  keepLast: number;
}

export const DEFAULT_NUMBER_MASK: NumberMaskRule = { keepFirst: 3, keepLast: 4 };

export const MASK_CHARACTER = '*';

/** Characters that carry no personal data, shown as they are. */
const SHOWN = /^[*#\s\-./()]$/;
/** Characters that are masked: digits (tested first: most are), and anything not known to be harmless. */
const isMaskable = (character: string) =>
  (character >= '0' && character <= '9') || !SHOWN.test(character);

/** How many of `count` maskable characters stay visible at the start and at the end. */
export const keptEnds = (
  count: number,
  { keepFirst, keepLast }: NumberMaskRule
): { first: number; last: number } => {
  const mostKept = count - Math.ceil(count / 3);
  if (keepFirst + keepLast <= mostKept) return { first: keepFirst, last: keepLast };
  const first = Math.floor((mostKept * keepFirst) / (keepFirst + keepLast));
  return { first, last: mostKept - first };
};

/** The number as shown without a reveal; null and '' pass through (no number, nothing to hide). */
export const maskNumber = (value: string, rule: NumberMaskRule): string => {
  if (value === '') return value;
  const sign = value.startsWith('+') ? '+' : '';
  const characters = [...value.slice(sign.length)];
  let count = 0;
  for (const character of characters) if (isMaskable(character)) count += 1;
  const { first, last } = keptEnds(count, rule);
  let seen = 0;
  let masked = sign;
  for (const character of characters) {
    if (!isMaskable(character)) {
      masked += character;
      continue;
    }
    const position = seen++;
    masked += position < first || position >= count - last ? character : MASK_CHARACTER;
  }
  return masked;
};

/** The attributes of a call masked on every output: the contract's two numbers. */
export const CALL_NUMBER_ATTRIBUTES = ['callingNumber', 'calledNumber'] as const;

/**
 * A copy of a call (search row, Call Details) with its numbers masked: the contract's two and
 * `phoneAttributes`, the extension attributes using the plugin's phone-number field. Only
 * string values change; the call itself is not touched.
 */
export const maskCall = <T extends Record<string, unknown>>(
  call: T,
  phoneAttributes: readonly string[],
  rule: NumberMaskRule
): T => {
  const masked: Record<string, unknown> = { ...call };
  for (const name of [...CALL_NUMBER_ATTRIBUTES, ...phoneAttributes]) {
    const value = masked[name];
    if (typeof value === 'string') masked[name] = maskNumber(value, rule);
  }
  return masked as T;
};

/**
 * `maskCall` for an export row (domain/export-row.ts), in place: the numbers at `positions`
 * (the contract's two and the phone attributes, where the row has them). An export masks a
 * million rows it owns and drops after use; a copy each would be garbage the collector pays for.
 */
export const maskRowInPlace = (
  row: unknown[],
  positions: readonly number[],
  rule: NumberMaskRule
): unknown[] => {
  for (const position of positions) {
    const value = row[position];
    if (typeof value === 'string') row[position] = maskNumber(value, rule);
  }
  return row;
};

/** The numbers of a call as a reveal answers them: the same attributes, unmasked. */
export const callNumbers = (
  call: Record<string, unknown>,
  phoneAttributes: readonly string[]
): Record<string, unknown> => {
  const numbers: Record<string, unknown> = {};
  for (const name of [...CALL_NUMBER_ATTRIBUTES, ...phoneAttributes]) {
    if (name in call) numbers[name] = call[name] ?? null;
  }
  return numbers;
};
