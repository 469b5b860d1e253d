import createStrapi from '@strapi/strapi';
import type { Strapi } from '@strapi/types';

import { INDEXES } from '../../server/src/database/indexes';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { onMysql } from '../helpers/dialect';
import { indexNames } from '../helpers/reboot';
import { APP_DIR } from '../helpers/strapi';

/** Strapi's schema sync drops indexes it did not declare: the plugin recreates its own at boot. */

const SEARCH_INDEXES = INDEXES.filter((index) =>
  index.name.startsWith('call_history_call_records_')
)
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
        'call_history_call_records_number_period_idx',
        'call_history_call_records_period_duration_idx',
        'call_history_call_records_reversed_number_period_idx',
      ].sort()
    );
  });

  it('drops the period index of earlier versions, which the period and duration index replaces', async () => {
    strapi = await boot();
    await strapi.db!.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', [
      'call_history_call_records_period_idx',
      'call_history_call_records',
      'start_time',
      'id',
    ]);
    expect(await existingIndexes(strapi)).toContain('call_history_call_records_period_idx');
    await strapi.destroy();
    strapi = await boot();
    expect(await existingIndexes(strapi)).not.toContain('call_history_call_records_period_idx');
    expect(await existingIndexes(strapi)).toContain(
      'call_history_call_records_period_duration_idx'
    );
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
});
