import createStrapi from '@strapi/strapi';
import type { Strapi as StrapiInstance } from '@strapi/types';

import { createTestDatabase, type TestDatabase } from './database';
import { onMysql, onPostgres } from './dialect';
import { APP_DIR } from './strapi';

type Hook = { register(handler: () => Promise<void> | void): void };

/**
 * Several boots of the host app on one database, for what only shows across restarts (schema
 * changes by extension). No HTTP: the Query Engine and the database are enough there.
 */
export const sharedDatabase = async () => {
  const database: TestDatabase = await createTestDatabase();
  const envKeys = new Set<string>();

  return {
    /**
     * Boots with these environment variables (only these: the previous boot's are removed);
     * `afterSync` runs right after Strapi's schema sync, before any plugin's bootstrap.
     */
    async boot(env: Record<string, string>, afterSync?: (strapi: StrapiInstance) => Promise<void>) {
      for (const key of envKeys) delete process.env[key];
      Object.keys(env).forEach((key) => envKeys.add(key));
      Object.assign(process.env, database.env, env);
      const instance = createStrapi({ appDir: APP_DIR, distDir: APP_DIR });
      const strapi = instance as unknown as StrapiInstance;
      try {
        await instance.register();
        if (afterSync) {
          (strapi.hook('strapi::content-types.afterSync') as Hook).register(() =>
            afterSync(strapi)
          );
        }
        await instance.bootstrap();
      } catch (error) {
        await instance.destroy().catch(() => undefined);
        throw error;
      }
      return strapi;
    },
    async drop() {
      for (const key of envKeys) delete process.env[key];
      await database.drop();
    },
  };
};

/** Names of the indexes on one table, read from the database's own catalogue. */
export const indexNames = async (strapi: StrapiInstance, table: string): Promise<string[]> => {
  const connection = strapi.db!.connection;
  if (onMysql) {
    const [rows] = (await connection.raw(
      'SELECT DISTINCT index_name AS name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ?',
      [table]
    )) as [Array<{ name: string }>];
    return rows.map((row) => row.name);
  }
  if (onPostgres) {
    const result = await connection.raw(
      'SELECT indexname AS name FROM pg_indexes WHERE tablename = ?',
      [table]
    );
    return (result.rows as Array<{ name: string }>).map((row) => row.name);
  }
  const rows = (await connection.raw(
    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
    [table]
  )) as Array<{ name: string }>;
  return rows.map((row) => row.name);
};
