import { normalisePhoneNumber, PHONE_NUMBER_DIGITS } from '../../../server/src/domain/phone-number';

describe('normalisePhoneNumber', () => {
  it.each([
    ['8613800001234', '8613800001234'],
    ['+86 138 0000 1234', '+8613800001234'],
    ['+86-138-0000-1234', '+8613800001234'],
    ['(010) 6512.3456', '01065123456'],
    ['  10086  ', '10086'],
    ['110', '110'],
    ['0086/138/0000/1234', '008613800001234'],
    // A Chinese input method types full-width digits, plus and spaces.
    ['＋８６　１３８００００１２３４', '+8613800001234'],
  ])('stores %j as %j', (input, expected) => {
    expect(normalisePhoneNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([null, undefined, '', '   ', ' - ( ) '])('treats %j as no value', (input) => {
    expect(normalisePhoneNumber(input)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['8613800001234x', 'may contain only'],
    ['86138*', 'may contain only'],
    ['*5678', 'may contain only'],
    ['86+138', 'may contain only'],
    ['++8613800001234', 'may contain only'],
    ['abc', 'may contain only'],
    ['12', 'must have 3 to 31 digits'],
    ['+12', 'must have 3 to 31 digits'],
    ['1'.repeat(PHONE_NUMBER_DIGITS.max + 1), 'must have 3 to 31 digits'],
  ])('refuses %j, saying why', (input, reason) => {
    const check = normalisePhoneNumber(input);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toContain(reason);
  });

  it('accepts the longest number the bounds allow', () => {
    const longest = `+${'9'.repeat(PHONE_NUMBER_DIGITS.max)}`;
    expect(normalisePhoneNumber(longest)).toEqual({ ok: true, value: longest });
  });

  it.each([8613800001234, true, {}, ['8613800001234']])('refuses the non-string %j', (input) => {
    expect(normalisePhoneNumber(input)).toMatchObject({ ok: false });
  });
});
