#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Retention purge benchmark (docs/design.md#performance-targets): boots the host app (tests/app)
 * on its own database, fills it with 2 × N calls from the generator, N of them older than the
 * retention period, then measures over real HTTP, in one run:
 *   - a client ingesting batches of 1,000 calls and a client searching one day, without a purge:
 *     the baseline p50 / p95 of each;
 *   - the same two clients while the plugin's purge deletes the N expired calls: their p50 / p95
 *     during the purge, and the purge's rows/s.
 * The purge runs in the Strapi process, as Strapi's cron runs it; so do the clients' requests'
 * handlers, exactly as in production, on the one event loop.
 *
 *   npm run build && node tests/bench/purge.js                  # 1,000,000 of 2,000,000 on SQLite
 *   node tests/bench/purge.js --calls 100000
 *   DATABASE_CLIENT=postgres DATABASE_PORT=55433 node tests/bench/purge.js
 *
 * Options: --calls N (expired calls, default 1000000; as many recent ones are kept),
 * --baseline-seconds N (default 30), --out FILE (default tests/bench/results/purge.md, or
 * purge-postgres.md on PostgreSQL).
 */

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const APP_DIR = path.join(ROOT, 'tests', 'app');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
};
const CALLS = Number(option('calls', '1000000'));
const BASELINE_SECONDS = Number(option('baseline-seconds', '30'));
const CLIENT = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
const OUT = path.resolve(
  option(
    'out',
    path.join(__dirname, 'results', CLIENT === 'postgres' ? 'purge-postgres.md' : 'purge.md')
  )
);
const BATCH = 1000;
const DAY_MS = 86_400_000;
/** Calls older than this many days are expired. */
const RETENTION_DAYS = 200;

process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL || 'error';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.BROWSER = 'none';
// The host app's cron stays off: the benchmark starts the purge itself, once.
process.env.CALL_HISTORY_PURGE_CRON = process.env.CALL_HISTORY_PURGE_CRON || 'false';

const ADMIN = {
  email: 'bench@call-history.test',
  password: 'Bench-Pass-1234',
  firstname: 'Bench',
  lastname: 'Admin',
};

const log = (...parts) => process.stdout.write(`${parts.join(' ')}\n`);

const prepareDatabase = async () => {
  if (CLIENT === 'sqlite') {
    const file = path.join(os.tmpdir(), `call-history-purge-${CALLS}.db`);
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(file + suffix, { force: true });
    process.env.DATABASE_FILENAME = file;
    return `SQLite file ${file}`;
  }
  const { Client } = require('pg');
  const name = `call_history_purge_${CALLS}`;
  const admin = new Client({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
    database: 'postgres',
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  process.env.DATABASE_NAME = name;
  return `PostgreSQL database ${name}`;
};

/** One request per client on its own keep-alive connection: the two clients never queue. */
const requester = () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = (port, method, urlPath, { token, body } = {}) =>
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
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              ms: Number(process.hrtime.bigint() - started) / 1e6,
              text: Buffer.concat(chunks).toString('utf8'),
            })
          );
          res.on('error', reject);
        }
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  return async (port, method, urlPath, options) => {
    try {
      return await once(port, method, urlPath, options);
    } catch (error) {
      if (error && error.code === 'ECONNRESET') return once(port, method, urlPath, options);
      throw error;
    }
  };
};

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** A batch of recent calls, with 20-step traces like the ingest benchmark's traced case. */
let sequence = 0;
const recentBatch = () => {
  const now = Date.now();
  return {
    data: Array.from({ length: BATCH }, (_, i) => {
      sequence += 1;
      const start = new Date(now - 60_000 - (i % 600) * 1000);
      const end = new Date(start.getTime() + 45_000);
      return {
        callId: `purge-bench-${sequence}`,
        callingNumber: `86139${String(10_000_000 + (sequence % 90_000_000)).padStart(8, '0')}`,
        accessCode: i % 2 === 0 ? '1001' : '2001',
        startTime: start.toISOString(),
        endTime: end.toISOString(),
        endReason: 'USER_HANGUP',
        flowTrace: Array.from({ length: 20 }, (__, step) => ({
          seq: step + 1,
          at: new Date(start.getTime() + step * 2000).toISOString(),
          nodeId: `node-${step}`,
          nodeName: `Step ${step}`,
          nodeType: 'ASK',
          userInput: 'yes',
          botReply: 'Noted.',
          resultCode: 'OK',
        })),
      };
    }),
  };
};

/**
 * Runs the ingest and the search clients until `until()` says stop; each client sends its next
 * request when its previous answer arrives.
 */
const runClients = async (port, { apiToken, adminToken, searchBody }, until) => {
  const ingest = [];
  const search = [];
  const ingestRequest = requester();
  const searchRequest = requester();
  const loop = async (times, send) => {
    while (!until()) times.push(await send());
  };
  await Promise.all([
    loop(ingest, async () => {
      const answer = await ingestRequest(port, 'POST', '/api/call-history/calls/batch', {
        token: apiToken,
        body: recentBatch(),
      });
      if (answer.status !== 200)
        throw new Error(`ingest answered ${answer.status}: ${answer.text}`);
      return answer.ms;
    }),
    loop(search, async () => {
      const answer = await searchRequest(port, 'POST', '/call-history/calls/search', {
        token: adminToken,
        body: searchBody,
      });
      if (answer.status !== 200)
        throw new Error(`search answered ${answer.status}: ${answer.text}`);
      return answer.ms;
    }),
  ]);
  return { ingest, search };
};

const summary = (times) => ({
  n: times.length,
  p50: percentile(times, 50),
  p95: percentile(times, 95),
});

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '–');

const main = async () => {
  const described = await prepareDatabase();
  const createStrapi = require('@strapi/strapi');
  const { generateCalls, ensureDemoBots } = require('../support/call-generator');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: APP_DIR }).load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const port = strapi.server.httpServer.address().port;
  log(`Strapi up on port ${port} (${described})`);
  const plugin = strapi.plugin('call-history');

  await plugin
    .service('settings')
    .update({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
  await ensureDemoBots(strapi);

  // N calls before the retention period and N inside it, a day of margin on either side.
  const now = Date.now();
  const iso = (time) => new Date(time).toISOString();
  const generationStarted = Date.now();
  for (const [name, from, to] of [
    ['expired', now - (RETENTION_DAYS + 181) * DAY_MS, now - (RETENTION_DAYS + 1) * DAY_MS],
    ['kept', now - (RETENTION_DAYS - 1) * DAY_MS, now - DAY_MS],
  ]) {
    const { stored } = await generateCalls(strapi, {
      count: CALLS,
      from: iso(from),
      to: iso(to),
      seed: name === 'expired' ? 7 : 11,
      callIdPrefix: name,
      onProgress: (written) => {
        if (written % 200_000 < 50_000)
          process.stdout.write(`  ${name}: ${written.toLocaleString('en')} calls\r`);
      },
    });
    log(`Generated ${stored.toLocaleString('en')} ${name} calls`);
  }
  log(`Generation took ${((Date.now() - generationStarted) / 1000).toFixed(0)} s`);

  const registered = await requester()(port, 'POST', '/admin/register-admin', { body: ADMIN });
  const adminToken = JSON.parse(registered.text).data.token;
  const { accessKey: apiToken } = await strapi.admin.services['api-token'].create({
    name: 'purge benchmark',
    type: 'full-access',
    lifespan: null,
    description: '',
  });
  const today = new Date(now);
  const searchBody = {
    from: iso(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - DAY_MS),
    to: iso(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + DAY_MS),
    pageSize: 20,
  };
  const clients = { apiToken, adminToken, searchBody };

  const retention = plugin.service('retention');
  await plugin.service('settings').update({ retentionDays: RETENTION_DAYS });
  const preview = await retention.preview();
  // The dry run counts up to the search's cap per bot, as the page shows it.
  const expiredByPreview = preview.rows.reduce((sum, row) => sum + row.expiring, 0);
  const previewCapped = preview.rows.some((row) => row.capped);
  const previewText = `${expiredByPreview.toLocaleString('en')}${previewCapped ? '+ (capped per bot)' : ''}`;
  log(`Dry run: ${previewText} calls would be purged`);

  log(`Baseline: ingest and search for ${BASELINE_SECONDS} s without a purge`);
  const baselineEnd = Date.now() + BASELINE_SECONDS * 1000;
  const baseline = await runClients(port, clients, () => Date.now() >= baselineEnd);

  log('Purge, with the same clients running');
  let purging = true;
  const purgeStarted = process.hrtime.bigint();
  const purgeRun = retention.purge().finally(() => {
    purging = false;
  });
  const during = await runClients(port, clients, () => !purging);
  const purge = await purgeRun;
  const purgeSeconds = Number(process.hrtime.bigint() - purgeStarted) / 1e9;
  const remainingExpired = await strapi.db
    .query('plugin::call-history.call-record')
    .count({ where: { startTime: { $lt: new Date(now - RETENTION_DAYS * DAY_MS) } } });

  const rows = {
    baselineIngest: summary(baseline.ingest),
    baselineSearch: summary(baseline.search),
    purgeIngest: summary(during.ingest),
    purgeSearch: summary(during.search),
  };
  const ratio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');
  const report = `# Retention purge benchmark (${CLIENT === 'postgres' ? 'PostgreSQL' : 'SQLite'})

\`${['node tests/bench/purge.js', ...args].join(' ')}\`, ${new Date().toISOString().slice(0, 10)},
Node ${process.version}, ${os.cpus().length} cores. ${(2 * CALLS).toLocaleString('en')} calls
generated, ${CALLS.toLocaleString('en')} of them older than the retention period of
${RETENTION_DAYS} days. Two clients run throughout: one ingesting batches of ${BATCH} calls with
20-step traces, one searching a day (page of 20); each sends its next request when the previous
answer arrives. The purge runs in the Strapi process, as the cron runs it, in batches of
\`purgeBatchSize\`.

| | purge | deleted | rows/s | batches |
|---|---|---|---|---|
| dry run said | | ${previewText} | | |
| purge | ${purgeSeconds.toFixed(1)} s | ${purge.deleted.toLocaleString('en')} | ${Math.round(purge.deleted / purgeSeconds).toLocaleString('en')} | ${purge.batches} |

Expired calls left after the purge: ${remainingExpired.toLocaleString('en')}.

| client | without a purge: n, p50, p95 | during the purge: n, p50, p95 | p95 ratio |
|---|---|---|---|
| ingest (batch of ${BATCH}) | ${rows.baselineIngest.n}, ${ms(rows.baselineIngest.p50)}, ${ms(rows.baselineIngest.p95)} | ${rows.purgeIngest.n}, ${ms(rows.purgeIngest.p50)}, ${ms(rows.purgeIngest.p95)} | ${ratio(rows.purgeIngest.p95, rows.baselineIngest.p95)} |
| search (one day, page 1) | ${rows.baselineSearch.n}, ${ms(rows.baselineSearch.p50)}, ${ms(rows.baselineSearch.p95)} | ${rows.purgeSearch.n}, ${ms(rows.purgeSearch.p50)}, ${ms(rows.purgeSearch.p95)} | ${ratio(rows.purgeSearch.p95, rows.baselineSearch.p95)} |
`;
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, report);
  log(report);
  log(`Written to ${path.relative(ROOT, OUT)}`);
  await strapi.destroy();
  if (remainingExpired !== 0) {
    process.exitCode = 1;
    log('The purge left expired calls: see above.');
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
