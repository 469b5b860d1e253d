import {
  checkDateTime,
  checkOptionalInteger,
  checkString,
  INT32,
} from '../../../../server/src/domain/call-input/field-checks';

describe('checkString', () => {
  it('applies required, length, characters, identifier and pattern, in that order', () => {
    const rule = { required: true, max: 4, pattern: /^\d+$/, patternMessage: 'must be digits' };
    expect(checkString('f', '12', rule)).toBeNull();
    expect(checkString('f', undefined, rule)?.message).toBe('f is required');
    expect(checkString('f', ' ', rule)?.message).toBe('f must not be empty');
    expect(checkString('f', 12, rule)?.message).toBe('f must be a string');
    expect(checkString('f', '12345', rule)?.message).toBe('f must be at most 4 characters');
    expect(checkString('f', '1\u00002', rule)?.message).toContain('NUL character');
    expect(checkString('f', 'ab', rule)?.message).toBe('f must be digits');
    expect(checkString('f', 'a\nb', { required: true, max: 9, identifier: true })?.message).toBe(
      'f must not contain control characters or line breaks'
    );
    expect(checkString('f', null, { required: false, max: 4 })).toBeNull();
  });
});

describe('checkDateTime', () => {
  it('hands the text to store to `keep` only when it differs from the one sent', () => {
    const kept: unknown[] = [];
    expect(checkDateTime('t', '2026-03-01T08:30:00+08', true, (v) => kept.push(v))).toBeNull();
    expect(checkDateTime('t', '2026-03-01T08:30:00+08:00', true, (v) => kept.push(v))).toBeNull();
    expect(checkDateTime('t', new Date(0), true, (v) => kept.push(v))).toBeNull();
    expect(kept).toEqual(['2026-03-01T08:30:00+08:00']);
  });

  it('names the field in what it refuses, and takes no value unless required', () => {
    expect(checkDateTime('t', undefined, true)).toEqual({ path: 't', message: 't is required' });
    expect(checkDateTime('t', null, false)).toBeNull();
    expect(checkDateTime('t', '2026-02-30T00:00:00Z', false)?.message).toMatch(
      /^t is not a real date and time/
    );
  });
});

describe('checkOptionalInteger', () => {
  it('bounds an integer from min, to INT32 or a named max', () => {
    expect(checkOptionalInteger('n', undefined, 0)).toBeNull();
    expect(checkOptionalInteger('n', INT32.max, 0)).toBeNull();
    expect(checkOptionalInteger('n', INT32.max + 1, 0)?.message).toBe(
      'n must be an integer of at least 0'
    );
    expect(checkOptionalInteger('n', 11, 0, 10, ' (limit)')?.message).toBe(
      'n must be an integer from 0 to 10 (limit)'
    );
    expect(checkOptionalInteger('n', '1', 0)?.path).toBe('n');
  });
});
