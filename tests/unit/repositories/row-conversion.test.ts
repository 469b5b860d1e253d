import { fromDb, fromRow } from '../../../server/src/repositories/row-conversion';

/** Values read with raw knex, answered as the Query Engine answers them. */
describe('fromDb', () => {
  it('answers null for SQL NULL, whatever the type', () => {
    for (const type of ['json', 'datetime', 'boolean', 'integer', 'string']) {
      expect(fromDb(type, null)).toBeNull();
      expect(fromDb(type, undefined)).toBeNull();
    }
  });

  it('parses json text, and keeps what the driver already parsed or what is not JSON', () => {
    expect(fromDb('json', '[{"seq":0}]')).toEqual([{ seq: 0 }]);
    expect(fromDb('json', [{ seq: 0 }])).toEqual([{ seq: 0 }]);
    expect(fromDb('json', 'not json')).toBe('not json');
    expect(fromDb('blocks', '[]')).toEqual([]);
  });

  it('answers a datetime as an ISO string, from epoch milliseconds (SQLite) or a Date (PostgreSQL)', () => {
    const iso = '2026-03-01T00:30:00.000Z';
    expect(fromDb('datetime', Date.parse(iso))).toBe(iso);
    expect(fromDb('datetime', new Date(iso))).toBe(iso);
    expect(fromDb('datetime', 'not a date')).toBeNull();
    expect(fromDb('timestamp', new Date(iso))).toBe(String(Date.parse(iso)));
  });

  it("reads SQLite's 0 and 1 as booleans", () => {
    expect(fromDb('boolean', 1)).toBe(true);
    expect(fromDb('boolean', 0)).toBe(false);
    expect(fromDb('boolean', true)).toBe(true);
    expect(fromDb('boolean', 'yes')).toBeNull();
  });

  it('answers numbers as numbers, and a big integer and texts as strings', () => {
    expect(fromDb('integer', '42')).toBe(42);
    expect(fromDb('decimal', 1.5)).toBe(1.5);
    expect(fromDb('biginteger', 9007199254740993n)).toBe('9007199254740993');
    expect(fromDb('string', 12)).toBe('12');
    expect(fromDb('enumeration', 'COMMON_IVR')).toBe('COMMON_IVR');
  });

  it("answers mysql2's values as the other drivers' (Strapi's bigNumberStrings and typeCast)", () => {
    const iso = '2026-03-01T00:30:00.123Z';
    expect(fromDb('datetime', new Date(iso))).toBe(iso);
    expect(fromDb('biginteger', '9007199254740993')).toBe('9007199254740993');
    expect(fromDb('boolean', false)).toBe(false);
    expect(fromDb('json', '{"recordFlow":true}')).toEqual({ recordFlow: true });
    expect(fromDb('json', { recordFlow: true })).toEqual({ recordFlow: true });
    expect(fromDb('integer', 42)).toBe(42);
  });

  it('keeps any other type as the driver read it', () => {
    expect(fromDb('increments', 7)).toBe(7);
    expect(fromDb('date', '2026-03-01')).toBe('2026-03-01');
  });
});

describe('fromRow', () => {
  it('names the given attributes by their columns, and leaves every other column out', () => {
    const attributes = [
      { name: 'id', column: 'id', type: 'increments' },
      { name: 'startTime', column: 'start_time', type: 'datetime' },
      { name: 'flowRecorded', column: 'flow_recorded', type: 'boolean' },
    ];
    expect(fromRow(attributes, { id: 3, start_time: 0, flow_recorded: 0, secret: 'x' })).toEqual({
      id: 3,
      startTime: '1970-01-01T00:00:00.000Z',
      flowRecorded: false,
    });
  });
});
