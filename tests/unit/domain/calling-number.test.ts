import { PHONE } from '../../../server/src/domain/call-input/call-contract';
import { bareNumber, callingNumberForms } from '../../../server/src/domain/calling-number';

describe('the forms an erasure matches', () => {
  it.each([
    ['8613800138000', ['8613800138000', '+8613800138000']],
    ['+8613800138000', ['8613800138000', '+8613800138000']],
    ['110', ['110', '+110']],
  ])('%j matches %j', (number, forms) => {
    expect(callingNumberForms(number)).toEqual(forms);
  });

  it('gives the same forms for either form, so one request finds one caller whole', () => {
    expect(callingNumberForms('+8613800138000')).toEqual(callingNumberForms('8613800138000'));
  });

  it('takes off only the one leading + the ingest allows', () => {
    expect(bareNumber('+8613800138000')).toBe('8613800138000');
    expect(bareNumber('8613800138000')).toBe('8613800138000');
    // Not a number the ingest stores: kept as it is apart from the first sign.
    expect(bareNumber('++86')).toBe('+86');
  });

  it('gives forms the ingest could have stored, at the longest number it takes', () => {
    const longest = '1'.repeat(31);
    for (const form of callingNumberForms(longest)) expect(form).toMatch(PHONE);
  });
});
