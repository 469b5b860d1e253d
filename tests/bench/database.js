// @ts-check
'use strict';

/**
 * The database a benchmark runs on: `DATABASE_CLIENT` read once (sqlite by default, postgres,
 * or mysql for MySQL and MariaDB through mysql2, as the host app reads it), and databases of a
 * benchmark's own on the server the host app's DATABASE_* variables name.
 */

/** @typedef {'sqlite' | 'postgres' | 'mysql'} BenchClient */

/**
 * The client the host app will use. Any other value stops the run: falling through to SQLite
 * would measure the wrong database under the right name.
 * @returns {BenchClient}
 */
const benchClient = () => {
  const client = process.env.DATABASE_CLIENT || 'sqlite';
  if (client === 'sqlite' || client === 'postgres') return client;
  if (client === 'mysql' || client === 'mysql2') return 'mysql';
  throw new Error(`DATABASE_CLIENT=${client}: the benchmarks run on sqlite, postgres or mysql`);
};

/** How the results name the engine of each client (MySQL's are measured on MariaDB here). */
const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL', mysql: 'MariaDB' };

/** The suffix of a results file: `search.md`, `search-postgres.md`, `search-mariadb.md`. */
const RESULT_SUFFIXES = { sqlite: '', postgres: '-postgres', mysql: '-mariadb' };

/** The `DATABASE_CLIENT=… ` a results file shows in front of its command. */
const commandPrefix = (/** @type {BenchClient} */ client) =>
  client === 'sqlite' ? '' : `DATABASE_CLIENT=${client} `;

const connection = (/** @type {string} */ fallbackUser, /** @type {number} */ fallbackPort) => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || fallbackPort),
  user: process.env.DATABASE_USERNAME || fallbackUser,
  password: process.env.DATABASE_PASSWORD || '',
});

/**
 * Statements on the server itself (not on a benchmark's database): `run(sql, values)` answers
 * the rows. One connection per call: the benchmarks ask a handful of these per run.
 * @param {'postgres' | 'mysql'} client
 * @returns {(sql: string, values?: unknown[]) => Promise<any[]>}
 */
const serverAdmin = (client) => {
  if (client === 'postgres') {
    return async (sql, values = []) => {
      const { Client } = require('pg');
      const admin = new Client({ ...connection('postgres', 5432), database: 'postgres' });
      await admin.connect();
      try {
        return (await admin.query(sql, values)).rows;
      } finally {
        await admin.end();
      }
    };
  }
  return async (sql, values = []) => {
    const mysql = require('mysql2/promise');
    const admin = await mysql.createConnection(connection('root', 3306));
    try {
      const [rows] = await admin.query(sql, values);
      return Array.isArray(rows) ? rows : [];
    } finally {
      await admin.end();
    }
  };
};

/**
 * A database server's create, drop and exists for a benchmark's database `name` (a plain
 * identifier). MariaDB's is created in the character set and collation Strapi's MySQL guide
 * gives, the case- and accent-folding one the plugin's number columns must not inherit.
 * @param {'postgres' | 'mysql'} client
 */
const databaseServer = (client) => {
  const run = serverAdmin(client);
  if (client === 'postgres')
    return {
      exists: async (/** @type {string} */ name) =>
        (await run('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0,
      create: (/** @type {string} */ name) => run(`CREATE DATABASE ${name}`),
      drop: (/** @type {string} */ name) => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  return {
    exists: async (/** @type {string} */ name) =>
      (await run('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [name]))
        .length > 0,
    create: (/** @type {string} */ name) =>
      run(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
    drop: (/** @type {string} */ name) => run(`DROP DATABASE IF EXISTS ${name}`),
  };
};

/**
 * A PostgreSQL or MariaDB/MySQL database of a benchmark's own, dropped and created afresh;
 * sets DATABASE_NAME for the app.
 * @param {'postgres' | 'mysql'} client
 * @param {string} name
 */
const freshDatabase = async (client, name) => {
  const server = databaseServer(client);
  await server.drop(name);
  await server.create(name);
  process.env.DATABASE_NAME = name;
  return {
    describe: `${ENGINE_NAMES[client]} database ${name}`,
    drop: () => server.drop(name),
  };
};

/**
 * The engine and its version, as the results name it, from a connected Strapi.
 * @param {any} strapi
 */
const engineVersion = async (strapi) => {
  const knex = strapi.db.connection;
  switch (benchClient()) {
    case 'sqlite':
      return `SQLite ${(await knex.raw('select sqlite_version() as v'))[0].v} (better-sqlite3)`;
    case 'postgres':
      return (await knex.raw('select version() as v')).rows[0].v.split(' on ')[0];
    case 'mysql': {
      // MariaDB answers e.g. 10.11.6-MariaDB-0+deb12u1; MySQL a bare 8.0.x.
      const [rows] = await knex.raw('select version() as v');
      const version = String(rows[0].v);
      return `${version.includes('MariaDB') ? 'MariaDB' : 'MySQL'} ${version} (mysql2)`;
    }
  }
};

module.exports = {
  benchClient,
  ENGINE_NAMES,
  RESULT_SUFFIXES,
  commandPrefix,
  databaseServer,
  freshDatabase,
  engineVersion,
};
