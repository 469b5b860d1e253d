import type { Strapi } from '@strapi/types';

import { getDb } from '../utils/strapi';

/**
 * The SQL dialects the plugin writes raw SQL for (docs/design.md#databases). Strapi names MySQL
 * and MariaDB both `mysql`; where the two differ the code asks `isMariaDb`.
 */
export type Dialect = 'sqlite' | 'postgres' | 'mysql';

export const dialectOf = (strapi: Strapi): Dialect => {
  const client = getDb(strapi).dialect.client;
  if (client === 'sqlite' || client === 'postgres' || client === 'mysql') return client;
  // The boot check (database-version.ts) stops any other client before a query runs.
  throw new Error(`call-history: unsupported database client "${client}"`);
};

/** Whether the `mysql` server is MariaDB, from Strapi's own inspection at connection time. */
export const isMariaDb = (strapi: Strapi): boolean => {
  const info = (getDb(strapi).dialect as { info?: { database?: string } | null }).info;
  return info?.database === 'MariaDB';
};
