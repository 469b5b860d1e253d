import { rawRows } from '../../../server/src/database/raw-rows';

describe('rawRows', () => {
  const rows = [{ total: 1 }, { total: 2 }];

  it("reads each driver's answer to knex.raw", () => {
    expect(rawRows(rows)).toBe(rows);
    expect(rawRows({ rows, rowCount: 2 })).toBe(rows);
    expect(rawRows([rows, [{ name: 'total' }]])).toBe(rows);
  });

  it('answers no rows for an empty answer', () => {
    expect(rawRows([])).toEqual([]);
    expect(rawRows([[], []])).toEqual([]);
    expect(rawRows({})).toEqual([]);
    expect(rawRows(null)).toEqual([]);
  });
});
