import type { Knex } from 'knex';

import { rawRows } from './raw-rows';

interface PoolClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/**
 * Runs `work` with one connection taken from the pool for its whole length: what a lock that
 * belongs to a session (PostgreSQL's session-level advisory locks, MySQL's named locks) needs,
 * since knex hands each query any free connection.
 */
export const withPooledConnection = async <T>(
  knex: Knex,
  work: (connection: unknown) => Promise<T>
): Promise<T> => {
  const pool = knex.client as PoolClient;
  const connection = await pool.acquireConnection();
  try {
    return await work(connection);
  } finally {
    await pool.releaseConnection(connection);
  }
};

/**
 * A MySQL/MariaDB named lock's name. Named locks belong to the server, not to one database, so
 * the name is scoped to the connection's database (two installs, or two test databases, on one
 * server must not exclude each other), and hashed: MySQL refuses names over 64 characters.
 */
export const MYSQL_LOCK_NAME = "SHA1(CONCAT(?, ':', DATABASE()))";

/**
 * Takes the named lock on this connection, waiting up to `seconds` (0: not at all) for
 * another session holding it; answers whether it got it.
 */
export const takeMysqlLock = async (
  knex: Knex,
  connection: unknown,
  name: string,
  seconds: number
): Promise<boolean> => {
  const result = await knex
    .raw(`SELECT GET_LOCK(${MYSQL_LOCK_NAME}, ?) AS taken`, [name, seconds])
    .connection(connection);
  return Number(rawRows(result)[0]?.taken) === 1;
};

export const releaseMysqlLock = async (
  knex: Knex,
  connection: unknown,
  name: string
): Promise<void> => {
  await knex.raw(`SELECT RELEASE_LOCK(${MYSQL_LOCK_NAME})`, [name]).connection(connection);
};

/**
 * Runs `work` holding the named lock on a connection of its own, released after the work
 * (after its transaction's commit, when the work runs one on `connection`). Null, without
 * running it, when another session holds the lock past `seconds`.
 */
export const withMysqlLock = <T>(
  knex: Knex,
  name: string,
  seconds: number,
  work: (connection: unknown) => Promise<T>
): Promise<T | null> =>
  withPooledConnection(knex, async (connection) => {
    if (!(await takeMysqlLock(knex, connection, name, seconds))) return null;
    try {
      return await work(connection);
    } finally {
      await releaseMysqlLock(knex, connection, name);
    }
  });
