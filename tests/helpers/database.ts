import { randomBytes } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

import { createConnection } from 'mysql2/promise';
import { Client } from 'pg';

import { onMysql, onPostgres } from './dialect';

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

const pgSettings = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
});

const mysqlSettings = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 3306),
  user: process.env.DATABASE_USERNAME ?? 'root',
  password: process.env.DATABASE_PASSWORD ?? '',
});

const withMysqlAdmin = async (sql: string): Promise<void> => {
  const connection = await createConnection(mysqlSettings());
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
};

/** A client on one test database (PostgreSQL), for tests that read the tables directly. */
export const databaseClient = (name: string) => new Client({ ...pgSettings(), database: name });

/** A mysql2 client on one test database (MariaDB/MySQL), for tests that read the tables directly. */
export const mysqlDatabaseClient = (name: string) =>
  createConnection({ ...mysqlSettings(), database: name });

/**
 * A client on one test database of a server (PostgreSQL, or MariaDB/MySQL), for tests that run
 * on both: statements take `?` placeholders, and answer their rows.
 */
export interface ServerSql {
  rows<T>(sql: string, values?: unknown[]): Promise<T[]>;
  end(): Promise<void>;
}

export const serverSql = async (name: string): Promise<ServerSql> => {
  if (onMysql) {
    const connection = await mysqlDatabaseClient(name);
    return {
      rows: async <T>(sql: string, values: unknown[] = []) =>
        (await connection.query(sql, values))[0] as T[],
      end: () => connection.end(),
    };
  }
  const client = databaseClient(name);
  await client.connect();
  return {
    rows: async <T>(sql: string, values: unknown[] = []) => {
      let n = 0;
      const numbered = sql.replace(/\?/g, () => `$${(n += 1)}`);
      return (await client.query(numbered, values)).rows as T[];
    },
    end: () => client.end(),
  };
};

const withAdminClient = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ ...pgSettings(), database: 'postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** A new, empty database for one test file: a SQLite file in a temp folder, or a PG database. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  if (onMysql) {
    const name = `call_history_test_${randomBytes(6).toString('hex')}`;
    // The collation Strapi's own MySQL guide creates: case- and accent-insensitive, which the
    // plugin's number matching must not inherit.
    await withMysqlAdmin(
      `CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
    );
    return {
      env: { DATABASE_CLIENT: 'mysql', DATABASE_NAME: name },
      drop: () => withMysqlAdmin(`DROP DATABASE IF EXISTS ${name}`),
    };
  }
  if (onPostgres) {
    const name = `call_history_test_${randomBytes(6).toString('hex')}`;
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_NAME: name },
      drop: () =>
        withAdminClient((client) =>
          client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        ).then(() => undefined),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'call-history-test-'));
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
};
