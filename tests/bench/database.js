// @ts-check
'use strict';

/**
 * A PostgreSQL database of a benchmark's own, dropped and created afresh, on the server the
 * host app's DATABASE_* variables name; sets DATABASE_NAME for the app.
 */

const pgOptions = (database) => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || '',
  database,
});

/** @param {string} name */
const freshDatabase = async (name) => {
  const { Client } = require('pg');
  const run = async (/** @type {string} */ sql) => {
    const admin = new Client(pgOptions('postgres'));
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(`CREATE DATABASE ${name}`);
  process.env.DATABASE_NAME = name;
  return {
    describe: `PostgreSQL database ${name}`,
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
};

module.exports = { freshDatabase };
