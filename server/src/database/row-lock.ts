import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { getDb } from '../utils/strapi';

import { dialectOf, type Dialect } from './dialect';
import { columnOf, tableOf } from './metadata';

/** Whether the database locks rows (SQLite runs one transaction at a time on one connection). */
const locksRows = (dialect: Dialect): boolean => {
  switch (dialect) {
    case 'sqlite':
      return false;
    case 'postgres':
    case 'mysql':
      return true;
  }
};

/**
 * Runs `work` on the transaction the caller is in (`strapi.db.transaction` keeps it in an async
 * context), or on the plain connection outside one.
 */
export const onCurrentConnection = async <T>(
  strapi: Strapi,
  work: (knex: Knex | Knex.Transaction, inTransaction: boolean) => Promise<T>
): Promise<T> => {
  const db = getDb(strapi);
  if (!db.inTransaction()) return work(db.connection, false);
  // A nested call joins the current transaction instead of opening one.
  return db.transaction(({ trx }) => work(trx as Knex.Transaction, true));
};

/**
 * Reads the first row of a table (its `attributes`, by attribute name), locked until the end of
 * the current transaction where the database has row locks (SQLite runs one transaction at a
 * time on its single connection, so its transactions are serialised already). Null when there
 * is no row. The values come from the locking read itself: under InnoDB's repeatable read a
 * plain read after the lock would answer the transaction's earlier snapshot, not the row the
 * lock waited for.
 */
export const lockFirstRow = (
  strapi: Strapi,
  uid: string,
  attributes: readonly string[]
): Promise<Record<string, unknown> | null> =>
  onCurrentConnection(strapi, async (knex, inTransaction) => {
    const id = columnOf(strapi, uid, 'id');
    const columns = attributes.map((attribute) => columnOf(strapi, uid, attribute));
    const query = knex(tableOf(strapi, uid))
      .select(id, ...columns)
      .orderBy(id, 'asc')
      .first();
    const locking = inTransaction && locksRows(dialectOf(strapi));
    const row = (await (locking ? query.forUpdate() : query)) as
      | Record<string, unknown>
      | undefined;
    if (!row) return null;
    return Object.fromEntries(attributes.map((attribute, i) => [attribute, row[columns[i]]]));
  });
