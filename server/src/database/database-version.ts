import type { Strapi } from '@strapi/types';

import { driverWritesUtc } from '../domain/driver-time-zone';
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

/**
 * Warns, at boot, when MySQL/MariaDB dates would not be written in UTC: the plugin's statistics
 * and the Query Engine's answers would then be shifted by the process's offset.
 */
export const warnUnlessDatesInUtc = (strapi: Strapi) => {
  const db = getDb(strapi);
  if (db.dialect.client !== 'mysql') return;
  const connection = (db.config as { connection?: { connection?: { timezone?: string } } })
    .connection?.connection;
  const year = new Date().getUTCFullYear();
  const offsets = [0, 6].map((month) => new Date(Date.UTC(year, month, 1)).getTimezoneOffset());
  if (!driverWritesUtc(connection?.timezone, offsets)) {
    strapi.log.warn(
      "call-history: the mysql2 driver writes dates in this process's time zone, not UTC: set timezone: 'Z' in the database connection (or run Node with TZ=UTC)"
    );
  }
};
