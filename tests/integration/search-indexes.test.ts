import createStrapi from '@strapi/strapi';
import type { Strapi } from '@strapi/types';

import { indexesFor } from '../../server/src/database/indexes';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { describeOnSqlite, onMysql } from '../helpers/dialect';
import { indexNames } from '../helpers/reboot';
import { APP_DIR } from '../helpers/strapi';

/** Strapi's schema sync drops indexes it did not declare: the plugin recreates its own at boot. */

const SEARCH_INDEXES = indexesFor(false)
  .filter((index) => index.name.startsWith('call_history_call_records_'))
  .map((index) => index.name)
  .filter((name) => name !== 'call_history_call_records_call_id_uq');

const boot = async () =>
  (await createStrapi({ appDir: APP_DIR, distDir: APP_DIR }).load()) as unknown as Strapi;

const TABLE = 'call_history_call_records';
const existingIndexes = (strapi: Strapi) => indexNames(strapi, TABLE);
// MySQL and MariaDB name an index within its table.
const dropIndex = (strapi: Strapi, name: string) =>
  onMysql
    ? strapi.db!.connection.raw('DROP INDEX ?? ON ??', [name, TABLE])
    : strapi.db!.connection.raw('DROP INDEX ??', [name]);

describe('search indexes', () => {
  let database: TestDatabase;
  let strapi: Strapi | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
    Object.assign(process.env, database.env);
  });
  afterAll(async () => {
    await strapi?.destroy();
    await database.drop();
  });

  it('declares the period, number, access-code and reversed-number indexes', () => {
    expect(SEARCH_INDEXES.sort()).toEqual(
      [
        'call_history_call_records_access_code_period_idx',
        'call_history_call_records_number_period_code_idx',
        'call_history_call_records_period_number_code_idx',
        'call_history_call_records_reversed_number_period_code_idx',
      ].sort()
    );
  });

  it('drops the indexes of earlier versions that the current ones replace', async () => {
    // Each retired index with its columns, and the index that replaces it.
    const retired = [
      ['call_history_call_records_period_idx', ['start_time', 'id']],
      ['call_history_call_records_period_duration_idx', ['start_time', 'id', 'duration_seconds']],
      ['call_history_call_records_number_period_idx', ['calling_number', 'start_time', 'id']],
      [
        'call_history_call_records_reversed_number_period_idx',
        ['calling_number_reversed', 'start_time', 'id'],
      ],
    ] as const;
    strapi = await boot();
    for (const [name, columns] of retired) {
      await strapi.db!.connection.raw(
        `CREATE INDEX ?? ON ?? (${columns.map(() => '??').join(', ')})`,
        [name, 'call_history_call_records', ...columns]
      );
    }
    expect(await existingIndexes(strapi)).toEqual(
      expect.arrayContaining(retired.map(([name]) => name))
    );
    await strapi.destroy();
    strapi = await boot();
    const after = await existingIndexes(strapi);
    for (const [name] of retired) expect(after).not.toContain(name);
    expect(after).toEqual(expect.arrayContaining(SEARCH_INDEXES));
    await strapi.destroy();
    strapi = null;
  });

  it('creates them at boot and recreates them after they were dropped', async () => {
    strapi = await boot();
    expect(await existingIndexes(strapi)).toEqual(expect.arrayContaining(SEARCH_INDEXES));

    for (const name of SEARCH_INDEXES) {
      await dropIndex(strapi, name);
    }
    expect(await existingIndexes(strapi)).toEqual(expect.not.arrayContaining([SEARCH_INDEXES[0]]));
    await strapi.destroy();
    strapi = null;

    // A reboot on the same database, as after a schema change.
    strapi = await boot();
    expect(await existingIndexes(strapi)).toEqual(expect.arrayContaining(SEARCH_INDEXES));
    // Idempotent: a third boot with the indexes present does not fail.
    await strapi.destroy();
    strapi = await boot();
    expect(await existingIndexes(strapi)).toEqual(expect.arrayContaining(SEARCH_INDEXES));
  });

  describeOnSqlite('the day indexes (SQLite, plugin config sqliteDayIndexes)', () => {
    const DAY_INDEXES = [
      'call_history_call_records_day_number_code_idx',
      'call_history_call_records_day_reversed_number_code_idx',
    ];
    const bootWith = async (dayIndexes: string | undefined) => {
      if (dayIndexes === undefined) delete process.env.CALL_HISTORY_SQLITE_DAY_INDEXES;
      else process.env.CALL_HISTORY_SQLITE_DAY_INDEXES = dayIndexes;
      await strapi?.destroy();
      strapi = await boot();
      return existingIndexes(strapi);
    };
    afterAll(() => {
      delete process.env.CALL_HISTORY_SQLITE_DAY_INDEXES;
    });

    it('are there only where asked for, and dropped once the config turns them off', async () => {
      expect(await bootWith(undefined)).toEqual(expect.not.arrayContaining([DAY_INDEXES[0]]));
      expect(await bootWith('true')).toEqual(expect.arrayContaining(DAY_INDEXES));
      const index = (await strapi!.db!.connection.raw(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
        [DAY_INDEXES[0]]
      )) as Array<{ sql: string }>;
      expect(index[0].sql).toMatch(
        /\(\(`start_time` \/ 86400000\), `calling_number`, `start_time`/
      );
      const after = await bootWith('false');
      for (const name of DAY_INDEXES) expect(after).not.toContain(name);
      expect(after).toEqual(expect.arrayContaining(SEARCH_INDEXES));
    });
  });
});
