import {
  checkAttributeValue,
  maxLengthOf,
} from '../../../../server/src/domain/call-input/attribute-values';

describe('what the columns Strapi creates can hold', () => {
  it('caps every varchar attribute at 255 characters, whatever its maxLength', () => {
    expect(maxLengthOf({ type: 'string' })).toBe(255);
    expect(maxLengthOf({ type: 'string', maxLength: 1000 })).toBe(255);
    expect(maxLengthOf({ type: 'string', maxLength: 32 })).toBe(32);
    expect(maxLengthOf({ type: 'email' })).toBe(255);
    expect(maxLengthOf({ type: 'uid' })).toBe(255);
    expect(maxLengthOf({ type: 'text' })).toBeUndefined();
    expect(checkAttributeValue('f', 's'.repeat(255), { type: 'string' })).toBeNull();
    expect(checkAttributeValue('f', 's'.repeat(256), { type: 'string' })?.message).toBe(
      'f must be at most 255 characters'
    );
    expect(checkAttributeValue('f', 's'.repeat(5000), { type: 'text' })).toBeNull();
  });

  it.each([
    [99_999_999.99, true],
    [-99_999_999.99, true],
    [0.005, true],
    [99_999_999.995, false],
    [100_000_000, false],
    [-1e12, false],
  ])('decimal(10,2) holds %p: %p', (value, fits) => {
    expect(checkAttributeValue('f', value, { type: 'decimal' }) === null).toBe(fits);
  });

  it.each([
    ['9223372036854775807', true],
    ['-9223372036854775808', true],
    ['9223372036854775808', false],
    ['-9223372036854775809', false],
    ['9999999999999999999', false],
    [Number.MAX_SAFE_INTEGER, true],
    [2 ** 60, false],
    [1.5, false],
  ])('bigint holds %p: %p', (value, fits) => {
    expect(checkAttributeValue('f', value, { type: 'biginteger' }) === null).toBe(fits);
  });

  it('applies the min and max of a biginteger attribute', () => {
    const spec = { type: 'biginteger', min: '10', max: 20 };
    expect(checkAttributeValue('f', '15', spec)).toBeNull();
    expect(checkAttributeValue('f', '9', spec)?.message).toBe('f must be at least 10');
    expect(checkAttributeValue('f', 21, spec)?.message).toBe('f must be at most 20');
  });
});

describe('checkAttributeValue by Strapi type', () => {
  it.each([
    ['email', 'ada@example.com', 'not-an-email'],
    ['uid', 'a-b_c.d~e', 'a b'],
    ['biginteger', '9007199254740993', '12a'],
    ['float', 1.5, Number.NaN],
    ['decimal', 2, '2'],
    ['boolean', false, 'false'],
    ['date', '2026-02-28', '2026-02-29'],
    ['datetime', '2026-03-01T08:30:00Z', '2026-03-01'],
    ['time', '08:30:15.250', '25:00'],
    ['text', 'long text', 42],
  ])('%s accepts %p and refuses %p', (type, good, bad) => {
    expect(checkAttributeValue('f', good, { type })).toBeNull();
    expect(checkAttributeValue('f', bad, { type })?.path).toBe('f');
  });

  it('refuses relations, media and components: the ingest API cannot write them', () => {
    for (const type of ['relation', 'media', 'component', 'dynamiczone']) {
      expect(checkAttributeValue('f', 1, { type })?.message).toContain('cannot write');
    }
  });
});
