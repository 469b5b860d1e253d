import { toColumnValue } from '../../../server/src/repositories/call-record-writes';

describe('toColumnValue: values as the Query Engine stores them', () => {
  it('stores json as its JSON text, and null as SQL NULL', () => {
    expect(toColumnValue('json', [{ seq: 0 }])).toBe('[{"seq":0}]');
    expect(toColumnValue('json', 'text')).toBe('"text"');
    expect(toColumnValue('json', null)).toBeNull();
    expect(toColumnValue('json', undefined)).toBeNull();
  });

  it('stores a datetime as a Date (knex binds it per dialect)', () => {
    expect(toColumnValue('datetime', '2026-03-01T08:30:00+08:00')).toEqual(
      new Date('2026-03-01T00:30:00Z')
    );
  });

  it('pads a time to HH:mm:ss.SSS', () => {
    expect(toColumnValue('time', '08:30')).toBe('08:30:00.000');
    expect(toColumnValue('time', '08:30:15.5')).toBe('08:30:15.500');
  });

  it('keeps strings, numbers and booleans, and a big integer as a string', () => {
    expect(toColumnValue('string', 'a')).toBe('a');
    expect(toColumnValue('integer', 3)).toBe(3);
    expect(toColumnValue('boolean', false)).toBe(false);
    expect(toColumnValue('biginteger', 12)).toBe('12');
  });
});
