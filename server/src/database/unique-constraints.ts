import type { Strapi } from '@strapi/types';

import { getDb } from '../utils/strapi';

import { INDEXES, type IndexSpec } from './indexes';

// PostgreSQL's error codes for an object that already exists (a concurrent boot got there first).
const ALREADY_EXISTS = new Set(['42710', '42P07']);

/**
 * On PostgreSQL, turns each unique index of the plugin into a unique constraint using it.
 *
 * When a schema changes (a developer extends call-record), Strapi's schema sync drops every
 * index it did not declare; it reads a unique index as type `unique` and drops it with knex's
 * `dropUnique`, i.e. `ALTER TABLE … DROP CONSTRAINT`, which fails for a bare unique index and
 * aborts the boot. Attached to a constraint, the index is dropped cleanly, and `ensureIndexes`
 * recreates it at the end of that same boot. SQLite drops a bare index without trouble.
 */
export const attachUniqueConstraints = async (strapi: Strapi, indexes: IndexSpec[] = INDEXES) => {
  const db = getDb(strapi);
  if (db.dialect.client !== 'postgres') return;
  for (const index of indexes.filter((spec) => spec.unique)) {
    const table = db.metadata.get(index.uid).tableName;
    const existing = await db.connection.raw(
      `SELECT 1 FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE c.conname = ? AND t.relname = ? AND t.relnamespace = to_regnamespace(current_schema())`,
      [index.name, table]
    );
    if ((existing as { rowCount: number }).rowCount > 0) continue;
    try {
      await db.connection.raw('ALTER TABLE ?? ADD CONSTRAINT ?? UNIQUE USING INDEX ??', [
        table,
        index.name,
        index.name,
      ]);
    } catch (error) {
      if (!ALREADY_EXISTS.has((error as { code?: string }).code ?? '')) throw error;
    }
  }
};
