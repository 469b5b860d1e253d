import type { Strapi } from '@strapi/types';

import { unsupportedDatabase } from '../domain/supported-database';
import { getDb } from '../utils/strapi';

const VERSION_QUERY: Record<string, string> = {
  sqlite: 'SELECT sqlite_version() AS version',
  postgres: 'SHOW server_version',
  mysql: 'SELECT VERSION() AS version',
};

/** knex.raw answers rows (SQLite), `{ rows }` (PostgreSQL) or `[rows, fields]` (MySQL). */
const firstRow = (result: unknown): Record<string, unknown> | undefined => {
  if (Array.isArray(result)) return (Array.isArray(result[0]) ? result[0][0] : result[0]) as never;
  return (result as { rows?: Array<Record<string, unknown>> }).rows?.[0];
};

/** Stops the boot, naming the database and the supported list, on a database the plugin cannot run on. */
export const assertSupportedDatabase = async (strapi: Strapi) => {
  const db = getDb(strapi);
  const client = db.dialect.client;
  const query = VERSION_QUERY[client];
  const row = query ? firstRow(await db.connection.raw(query)) : undefined;
  const version = String(row?.version ?? row?.server_version ?? '');
  const problem = unsupportedDatabase(client, version);
  if (problem) throw new Error(problem);
};
