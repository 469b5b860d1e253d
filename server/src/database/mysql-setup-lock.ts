import type { Knex } from 'knex';

import { rawRows } from './raw-rows';
import { MYSQL_LOCK_NAME } from './session-lock';

/**
 * MySQL/MariaDB's counterpart of the `pg_advisory_xact_lock` the PostgreSQL set-up takes, so
 * that two nodes booting together do not race on the same DDL. DDL commits implicitly there, so
 * no transaction can hold it: a named lock belongs to the session, and a knex transaction is
 * what pins one session for the whole set-up. Waits up to `seconds` for the other node. The
 * name is scoped to the database, as every named lock of the plugin (session-lock.ts).
 */
export const withMysqlSetupLock = async <T>(
  knex: Knex,
  name: string,
  work: (connection: Knex.Transaction) => Promise<T>,
  seconds = 120
): Promise<T> =>
  knex.transaction(async (trx) => {
    const rows = rawRows(
      await trx.raw(`SELECT GET_LOCK(${MYSQL_LOCK_NAME}, ?) AS taken`, [name, seconds])
    );
    if (Number(rows[0]?.taken) !== 1) {
      throw new Error(`call-history: waited ${seconds} s for another node's set-up (${name})`);
    }
    try {
      return await work(trx);
    } finally {
      await trx.raw(`SELECT RELEASE_LOCK(${MYSQL_LOCK_NAME})`, [name]);
    }
  });

/** The rows of a raw SELECT on mysql2, typed by the caller. */
export const mysqlRows = <T>(result: unknown): T[] => rawRows(result) as T[];
