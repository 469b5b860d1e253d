import type { Knex } from 'knex';

import { rawRows } from './raw-rows';
import { withMysqlLock } from './session-lock';

/**
 * MySQL/MariaDB's counterpart of the `pg_advisory_xact_lock` the PostgreSQL set-up takes, so
 * that two nodes booting together do not race on the same DDL. DDL commits implicitly there, so
 * no transaction can hold it: the set-up runs under the plugin's named lock (session-lock.ts),
 * in a knex transaction on the lock's own connection, which is what hands the work that one
 * session. Waits up to `seconds` for the other node.
 */
export const withMysqlSetupLock = async <T>(
  knex: Knex,
  name: string,
  work: (connection: Knex.Transaction) => Promise<T>,
  seconds = 120
): Promise<T> => {
  const done = await withMysqlLock(knex, name, seconds, (connection) =>
    knex.transaction(async (trx) => ({ result: await work(trx) }), { connection })
  );
  if (done === null) {
    throw new Error(`call-history: waited ${seconds} s for another node's set-up (${name})`);
  }
  return done.result;
};

/** The rows of a raw SELECT on mysql2, typed by the caller. */
export const mysqlRows = <T>(result: unknown): T[] => rawRows(result) as T[];

/** The names of the triggers the connection's database has. */
export const existingMysqlTriggers = async (trx: Knex.Transaction): Promise<Set<string>> =>
  new Set(
    mysqlRows<{ name: string }>(
      await trx.raw(
        'SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()'
      )
    ).map((row) => row.name)
  );

/** Trigger bodies take no bindings: identifiers are quoted here. */
export const quoteMysqlIdentifier = (identifier: string) => `\`${identifier.replace(/`/g, '``')}\``;
