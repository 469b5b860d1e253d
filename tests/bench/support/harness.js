// @ts-check
'use strict';

/**
 * What the HTTP benchmarks (search.js, purge.js, export.js) share: their command-line options,
 * a database of the run's own, the host app booted on it, keep-alive requests timed to the
 * last byte, the admin's token and percentiles.
 */

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const {
  benchClient,
  ENGINE_NAMES,
  RESULT_SUFFIXES,
  databaseServer,
  engineVersion,
} = require('../database');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const APP_DIR = path.join(ROOT, 'tests', 'app');
const RESULTS = path.join(ROOT, 'tests', 'bench', 'results');

process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL || 'error';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.BROWSER = 'none';

const args = process.argv.slice(2);
/** `--name value`, or `fallback`. */
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
};
/** `--name` alone. */
const flag = (name) => args.includes(`--${name}`);

const CLIENT = benchClient();
const ENGINE_NAME = ENGINE_NAMES[CLIENT];

/**
 * `--out FILE`, or `<name>.md` in tests/bench/results (`<name>-postgres.md` on PostgreSQL,
 * `<name>-mariadb.md` on MariaDB/MySQL).
 */
const outFile = (name) =>
  path.resolve(option('out', path.join(RESULTS, `${name}${RESULT_SUFFIXES[CLIENT]}.md`)));

const ADMIN = {
  email: 'bench@call-history.test',
  password: 'Bench-Pass-1234',
  firstname: 'Bench',
  lastname: 'Admin',
};

const log = (...parts) => process.stdout.write(`${parts.join(' ')}\n`);

/**
 * A database of this run's own, `<prefix>-<calls>`: a SQLite file in the OS temp folder, or a
 * PostgreSQL or MariaDB/MySQL database. `reuse` keeps the data of an earlier run with the same
 * name.
 */
const prepareDatabase = async ({ prefix, calls, reuse = false }) => {
  if (CLIENT === 'sqlite') {
    const file = path.join(os.tmpdir(), `call-history-${prefix}-${calls}.db`);
    if (!reuse)
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        fs.rmSync(file + suffix, { force: true });
    process.env.DATABASE_FILENAME = file;
    return `SQLite file ${file}`;
  }
  const name = `call_history_${prefix}_${calls}`;
  const server = databaseServer(CLIENT);
  const exists = await server.exists(name);
  if (exists && !reuse) await server.drop(name);
  if (!exists || !reuse) await server.create(name);
  process.env.DATABASE_NAME = name;
  return `${ENGINE_NAME} database ${name}`;
};

/** The host app, loaded and listening on a free port of 127.0.0.1. */
const bootStrapi = async () => {
  const createStrapi = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: APP_DIR }).load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return { strapi, port: strapi.server.httpServer.address().port };
};

/**
 * A client on its own keep-alive agent of `sockets` connections: `request(port, method, path,
 * { token, body, onData })` answers status, bytes, milliseconds to the last byte and the text
 * (none when `onData` takes the chunks). Requests beyond `sockets` queue in the agent.
 */
const requester = ({ sockets = 1 } = {}) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const once = (port, method, urlPath, { token, body, onData } = {}) =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const payload = body ? JSON.stringify(body) : undefined;
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: urlPath,
          agent,
          headers: {
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            ...(payload
              ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
              : {}),
          },
        },
        (res) => {
          const chunks = [];
          let bytes = 0;
          res.on('data', (chunk) => {
            bytes += chunk.length;
            if (onData) onData(chunk);
            else chunks.push(chunk);
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              bytes,
              ms: Number(process.hrtime.bigint() - started) / 1e6,
              text: onData ? '' : Buffer.concat(chunks).toString('utf8'),
            })
          );
          res.on('error', reject);
        }
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  /** A keep-alive socket left idle during a long step may have been closed: retry once, fresh. */
  const request = async (port, method, urlPath, options = {}) => {
    try {
      return await once(port, method, urlPath, options);
    } catch (error) {
      if (error && error.code === 'ECONNRESET') return once(port, method, urlPath, options);
      throw error;
    }
  };
  return { request, close: () => agent.destroy() };
};

/** The bench admin's JWT: registered on a fresh database, logged in on a reused one. */
const adminToken = async (request, port) => {
  const registered = await request(port, 'POST', '/admin/register-admin', { body: ADMIN });
  const session =
    registered.status === 200
      ? registered
      : await request(port, 'POST', '/admin/login', {
          body: { email: ADMIN.email, password: ADMIN.password },
        });
  return JSON.parse(session.text).data.token;
};

/** The p-th percentile (nearest rank) of `values`; NaN when there are none. */
const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** The machine's load averages, to note beside figures taken on a shared machine. */
const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

const writeResults = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  log(`Results written to ${path.relative(process.cwd(), file)}`);
};

/**
 * Fills the database up to `calls` call records from the generator (over `generated`: from, to,
 * seed), with the demo bots and flags that record them; a reused database only gets what it
 * lacks. Answers what was generated, or null when nothing was.
 * @param {any} strapi
 * @param {{ calls: number, generated: { from: string, to: string, seed: number }, prefix: string }} options
 */
const topUpCalls = async (strapi, { calls, generated, prefix }) => {
  const { generateCalls, ensureDemoBots } = require('../../support/call-generator');
  const existing = await strapi.db.query('plugin::call-history.call-record').count();
  if (existing >= calls) return null;
  await strapi
    .plugin('call-history')
    .service('settings')
    .update({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'BOT_LEVEL', CCIVRRECORDFLAG: 'ON' });
  await ensureDemoBots(strapi);
  const started = Date.now();
  const result = await generateCalls(strapi, {
    count: calls - existing,
    ...generated,
    callIdPrefix: `${prefix}${existing}`,
    onProgress: (/** @type {number} */ written) => {
      if (written % 200_000 < 50_000)
        process.stdout.write(`  generated ${written.toLocaleString('en')} calls\r`);
    },
  });
  const seconds = (Date.now() - started) / 1000;
  const perSecond = Math.round(result.stored / seconds);
  log(
    `Generated ${result.stored.toLocaleString('en')} calls in ${seconds.toFixed(1)} s (${perSecond.toLocaleString('en')}/s)`
  );
  return { stored: result.stored, seconds, perSecond };
};

module.exports = {
  ROOT,
  APP_DIR,
  ADMIN,
  CLIENT,
  ENGINE_NAME,
  args,
  option,
  flag,
  outFile,
  log,
  prepareDatabase,
  bootStrapi,
  requester,
  adminToken,
  percentile,
  loadAverage,
  engineVersion,
  writeResults,
  topUpCalls,
};
