import {
  convertRowInPlaceWithDates,
  fromDb,
  fromRow,
} from '../../../server/src/repositories/row-conversion';

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

describe('convertRowInPlaceWithDates', () => {
  const attributes = [
    { name: 'id', column: 'id', type: 'increments' },
    { name: 'startTime', column: 'start_time', type: 'datetime' },
    { name: 'endTime', column: 'end_time', type: 'datetime' },
    { name: 'vip', column: 'vip', type: 'boolean' },
    { name: 'tags', column: 'tags', type: 'json' },
    { name: 'callId', column: 'call_id', type: 'string' },
  ];
  /** An export row: a keyset value first (no type), then the attributes in order. */
  const types = [null, ...attributes.map(({ type }) => type)];

  it('converts the row itself as fromRow does, each datetime as a Date of the same instant', () => {
    const iso = '2026-03-01T00:30:00.123Z';
    for (const stored of [Date.parse(iso), new Date(iso)]) {
      const values = [3, stored, null, 1, '["a"]', 'c-1'];
      const expected = fromRow(
        attributes,
        Object.fromEntries(attributes.map(({ column }, index) => [column, values[index]]))
      );
      const row = [stored, ...values];
      const converted = convertRowInPlaceWithDates(types, row);
      expect(converted).toBe(row);
      expect(converted[2]).toBeInstanceOf(Date);
      expect((converted[2] as Date).toISOString()).toBe(expected.startTime);
      expect(converted).toEqual([
        // A value read besides the attributes (the keyset's) is left as it is.
        stored,
        ...attributes.map(({ name }) => (name === 'startTime' ? converted[2] : expected[name])),
      ]);
    }
  });

  it('answers null for a datetime no Date can hold, as fromDb does', () => {
    expect(convertRowInPlaceWithDates(['datetime'], ['not a date'])[0]).toBeNull();
  });
});
