import knexFactory from 'knex';

import { arrayRowsReader, sqliteBinding } from '../../../server/src/database/array-rows';

describe('arrayRowsReader', () => {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  const at = new Date('2026-03-01T00:00:00.000Z');

  beforeAll(async () => {
    await knex.schema.createTable('calls', (table) => {
      table.increments('id');
      table.string('call_id');
      table.datetime('start_time');
      table.boolean('vip');
    });
    await knex('calls').insert([
      { call_id: 'c-1', start_time: at, vip: true },
      { call_id: 'c-2', start_time: new Date(at.getTime() + 1000), vip: false },
      { call_id: 'c-3', start_time: new Date(at.getTime() - 1000), vip: null },
    ]);
  });
  afterAll(() => knex.destroy());

  const statement = (after: Date, vip: boolean) =>
    knex.raw('SELECT ?? AS ??, ?? FROM ?? WHERE ?? >= ? AND ?? = ? ORDER BY ??', [
      'call_id',
      'callId',
      'start_time',
      'calls',
      'start_time',
      after,
      'vip',
      vip,
      'id',
    ]);

  it("answers each row as its SELECT's values in order, with values bound as knex binds them", async () => {
    const read = arrayRowsReader(knex, 'sqlite');
    expect(await read(statement(at, true), ['callId', 'start_time'])).toEqual([
      ['c-1', at.getTime()],
    ]);
    // The same statement again (prepared once), with other values.
    expect(await read(statement(new Date(0), false), ['callId', 'start_time'])).toEqual([
      ['c-2', at.getTime() + 1000],
    ]);
  });

  it("reads the driver's row objects by key where it has no array mode", async () => {
    const read = arrayRowsReader(knex, 'postgres');
    expect(await read(statement(at, true), ['start_time', 'callId'])).toEqual([
      [at.getTime(), 'c-1'],
    ]);
  });

  it('frees the connection after a failed statement', async () => {
    const read = arrayRowsReader(knex, 'sqlite');
    await expect(read(knex.raw('SELECT missing FROM nowhere'), ['missing'])).rejects.toThrow(
      /no such table/
    );
    expect(await knex('calls').count({ total: '*' })).toEqual([{ total: 3 }]);
  });

  it('binds Dates as epoch milliseconds and booleans as 0/1, as knex does on SQLite', () => {
    expect(sqliteBinding(at)).toBe(at.getTime());
    expect(sqliteBinding(true)).toBe(1);
    expect(sqliteBinding(false)).toBe(0);
    expect(sqliteBinding('138')).toBe('138');
    expect(sqliteBinding(null)).toBeNull();
  });
});
