import {
  applyCustomFieldRules,
  checkCustomFieldValue,
  CUSTOM_FIELD_UID,
  pluginCustomFieldsOf,
} from '../../../server/src/domain/custom-field-values';

describe('checkCustomFieldValue', () => {
  it.each(['ON', 'OFF', 'BOT_LEVEL'])('keeps the recording flag %s', (value) => {
    expect(checkCustomFieldValue(CUSTOM_FIELD_UID.recordingFlag, value)).toEqual({
      ok: true,
      value,
    });
  });

  it.each([null, undefined, ''])('stores no recording flag for %j', (value) => {
    expect(checkCustomFieldValue(CUSTOM_FIELD_UID.recordingFlag, value)).toEqual({
      ok: true,
      value: null,
    });
  });

  it.each(['on', 'Bot-level control', 'YES', 1, true])('refuses the recording flag %j', (value) => {
    expect(checkCustomFieldValue(CUSTOM_FIELD_UID.recordingFlag, value)).toEqual({
      ok: false,
      message: 'must be one of ON, OFF, BOT_LEVEL',
    });
  });

  it('normalises a phone number', () => {
    expect(checkCustomFieldValue(CUSTOM_FIELD_UID.phoneNumber, '+86 138 0000 1234')).toEqual({
      ok: true,
      value: '+8613800001234',
    });
  });

  it("leaves other plugins' custom fields alone", () => {
    expect(checkCustomFieldValue('plugin::color-picker.color', 'not checked')).toEqual({
      ok: true,
      value: 'not checked',
    });
  });
});

describe('applyCustomFieldRules', () => {
  const fields = pluginCustomFieldsOf({
    name: { type: 'string' },
    recordingFlag: { type: 'string', customField: CUSTOM_FIELD_UID.recordingFlag },
    hotline: { type: 'string', customField: CUSTOM_FIELD_UID.phoneNumber },
    colour: { type: 'string', customField: 'plugin::color-picker.color' },
  });

  it("finds only the plugin's custom-field attributes", () => {
    expect(fields).toEqual([
      ['recordingFlag', CUSTOM_FIELD_UID.recordingFlag],
      ['hotline', CUSTOM_FIELD_UID.phoneNumber],
    ]);
  });

  it('normalises in place and touches only the keys present', () => {
    const row: Record<string, unknown> = { name: 'Sales', hotline: '400-820-8820' };
    expect(applyCustomFieldRules(row, fields)).toBeNull();
    expect(row).toEqual({ name: 'Sales', hotline: '4008208820' });
  });

  it('names the attribute of the first bad value', () => {
    const row = { recordingFlag: 'ON', hotline: '400-CALL-NOW' };
    expect(applyCustomFieldRules(row, fields)).toEqual({
      path: 'hotline',
      message: expect.stringMatching(/^hotline may contain only digits/),
    });
  });
});
