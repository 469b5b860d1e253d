import {
  DEFAULT_NUMBER_MASK,
  callNumbers,
  keptEnds,
  maskCall,
  maskNumber,
  maskRowInPlace,
} from '../../../server/src/domain/number-mask';

const digitsOf = (text: string) => text.replace(/[^0-9]/g, '');

describe('maskNumber', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613800138000', '+861******8000'],
    ['4001234567', '40****4567'],
    ['02012345678', '020****5678'],
    ['12345678', '12***678'],
    ['1234567', '1***567'],
    ['10086', '1**86'],
    ['1234', '**34'],
    ['110', '*10'],
    ['12', '*2'],
    ['7', '*'],
    ['+7', '+*'],
    ['', ''],
  ])('masks %s as %s by default', (number, shown) => {
    expect(maskNumber(number, DEFAULT_NUMBER_MASK)).toBe(shown);
  });

  it('keeps service-code signs and separators in place, counting only the rest', () => {
    expect(maskNumber('*100#', DEFAULT_NUMBER_MASK)).toBe('**00#');
    expect(maskNumber('10086#', DEFAULT_NUMBER_MASK)).toBe('1**86#');
    expect(maskNumber('138 1234 5678', DEFAULT_NUMBER_MASK)).toBe('138 **** 5678');
    expect(maskNumber('(020) 1234-5678', DEFAULT_NUMBER_MASK)).toBe('(020) ****-5678');
  });

  it('masks any other character like a digit, a + after the first character included', () => {
    expect(maskNumber('alice12345678', DEFAULT_NUMBER_MASK)).toBe('ali******5678');
    expect(maskNumber('1+23', DEFAULT_NUMBER_MASK)).toBe('**23');
  });

  it('follows the configured ends', () => {
    expect(maskNumber('13812345678', { keepFirst: 0, keepLast: 4 })).toBe('*******5678');
    expect(maskNumber('13812345678', { keepFirst: 0, keepLast: 0 })).toBe('***********');
    expect(maskNumber('13812345678', { keepFirst: 2, keepLast: 2 })).toBe('13*******78');
    expect(maskNumber('+8613800138000', { keepFirst: 5, keepLast: 2 })).toBe('+86138******00');
  });

  it('never shows the whole number: at least a third of its digits are masked', () => {
    for (const rule of [
      DEFAULT_NUMBER_MASK,
      { keepFirst: 31, keepLast: 31 },
      { keepFirst: 0, keepLast: 31 },
      { keepFirst: 31, keepLast: 0 },
      { keepFirst: 1, keepLast: 1 },
    ]) {
      for (let length = 1; length <= 31; length += 1) {
        const number = '9876543210'.repeat(4).slice(0, length);
        const shown = maskNumber(number, rule);
        expect(shown).toHaveLength(length);
        const masked = [...shown].filter((character) => character === '*').length;
        expect(masked).toBeGreaterThanOrEqual(Math.ceil(length / 3));
        // What is shown is the number's own digits in place: its ends.
        [...shown].forEach((character, index) => {
          if (character !== '*') expect(character).toBe(number[index]);
        });
        expect(digitsOf(shown)).not.toBe(number);
      }
    }
  });
});

describe('keptEnds', () => {
  it('keeps the rule when a third is left to mask, else shrinks both ends in proportion', () => {
    expect(keptEnds(11, DEFAULT_NUMBER_MASK)).toEqual({ first: 3, last: 4 });
    expect(keptEnds(10, DEFAULT_NUMBER_MASK)).toEqual({ first: 2, last: 4 });
    expect(keptEnds(5, DEFAULT_NUMBER_MASK)).toEqual({ first: 1, last: 2 });
    expect(keptEnds(0, DEFAULT_NUMBER_MASK)).toEqual({ first: 0, last: 0 });
    expect(keptEnds(6, { keepFirst: 0, keepLast: 0 })).toEqual({ first: 0, last: 0 });
  });
});

describe('maskCall and callNumbers', () => {
  const call = {
    callId: 'c-1',
    callingNumber: '13812345678',
    calledNumber: '*100#',
    callbackNumber: '+8613800138000',
    accessCode: '1001',
    queueName: '13812345678',
  };

  it('masks the two numbers and the phone attributes named, nothing else, on a copy', () => {
    expect(maskCall(call, ['callbackNumber'], DEFAULT_NUMBER_MASK)).toEqual({
      ...call,
      callingNumber: '138****5678',
      calledNumber: '**00#',
      callbackNumber: '+861******8000',
    });
    expect(call.callingNumber).toBe('13812345678');
  });

  it('leaves null and missing numbers as they are', () => {
    expect(
      maskCall({ callId: 'c', callingNumber: '110', calledNumber: null }, [], DEFAULT_NUMBER_MASK)
    ).toEqual({ callId: 'c', callingNumber: '*10', calledNumber: null });
  });

  it('answers the numbers of a call for a reveal, those present only', () => {
    expect(callNumbers(call, ['callbackNumber', 'missing'])).toEqual({
      callingNumber: '13812345678',
      calledNumber: '*100#',
      callbackNumber: '+8613800138000',
    });
  });
});

describe('maskRowInPlace', () => {
  it('masks the strings at the positions named, in the row itself, nothing else', () => {
    const row = ['c-1', '13812345678', null, '13812345678', undefined];
    expect(maskRowInPlace(row, [1, 2, 4], DEFAULT_NUMBER_MASK)).toBe(row);
    expect(row).toEqual(['c-1', '138****5678', null, '13812345678', undefined]);
  });
});
