// @ts-check
'use strict';

/**
 * Ingest benchmark (docs/design.md#performance-targets): boots the host app on a fresh SQLite file, posts batches of
 * 1,000 calls over HTTP with an API token (no trace, then 20-step traces), and measures in the
 * same run the baseline of creating calls one by one through Strapi's stock write path, the
 * Content Manager admin API. Writes tests/bench/results/ingest.md.
 *
 *   npm run build && node tests/bench/ingest.js
 *
 * Environment: BENCH_BATCHES (default 20), BENCH_TRACED_BATCHES (10), BENCH_BASELINE (2000),
 * BENCH_BASELINE_TRACED (500), STRAPI_JSON_LIMIT (16mb), BENCH_OUT (results file).
 * Client and server share this process (and the machine's cores): the figures include the
 * client's JSON work.
 */

const fs = require('fs');
const os = require('os');
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..', 'app');
const ROOT = path.resolve(__dirname, '..', '..');
const BATCH = 1000;

const int = (name, fallback) => Number(process.env[name] ?? fallback);
const settings = {
  batches: int('BENCH_BATCHES', 20),
  tracedBatches: int('BENCH_TRACED_BATCHES', 10),
  baseline: int('BENCH_BASELINE', 2000),
  baselineTraced: int('BENCH_BASELINE_TRACED', 500),
  jsonLimit: process.env.STRAPI_JSON_LIMIT ?? '16mb',
  out: process.env.BENCH_OUT ?? path.join(__dirname, 'results', 'ingest.md'),
};

const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'call-history-bench-'));
Object.assign(process.env, {
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: path.join(dbDir, 'bench.db'),
  STRAPI_JSON_LIMIT: settings.jsonLimit,
  STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error',
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'none',
});

const { makeCall } = require('./calls');

/** @param {string} prefix @param {number} count @param {boolean} traced */
const batchBodies = (prefix, count, traced) =>
  Array.from({ length: count }, (_, b) =>
    JSON.stringify({
      data: Array.from({ length: BATCH }, (_, i) => makeCall(`${prefix}-${b}-${i}`, traced)),
    })
  );

const main = async () => {
  const createStrapi = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: APP_DIR, distDir: APP_DIR });
  await strapi.load();
  await strapi.server.mount();
  const httpServer = strapi.server.httpServer;
  await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;

  /** @param {string} method @param {string} url @param {string} auth @param {string} [body] */
  const call = async (method, url, auth, body) => {
    const response = await fetch(base + url, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${auth}` },
      body,
    });
    const json = await response.json();
    if (!response.ok)
      throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };

  const loadBefore = os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');
  try {
    const registered = await (
      await fetch(`${base}/admin/register-admin`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          email: 'bench@call-history.test',
          password: 'Bench-Pass-1234',
          firstname: 'Bench',
          lastname: 'Admin',
        }),
      })
    ).json();
    const adminToken = registered.data.token;
    await call(
      'PUT',
      '/call-history/settings',
      adminToken,
      JSON.stringify({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' })
    );
    const apiToken = (
      await call(
        'POST',
        '/admin/api-tokens',
        adminToken,
        JSON.stringify({
          name: 'bench platform',
          type: 'full-access',
          lifespan: null,
          description: '',
        })
      )
    ).data.accessKey;

    /** Posts pre-serialised batches one after the other; returns calls/s. */
    const ingest = async (/** @type {string[]} */ bodies) => {
      const started = process.hrtime.bigint();
      let stored = 0;
      /** @type {number[]} */
      const batchSeconds = [];
      for (const body of bodies) {
        const batchStarted = process.hrtime.bigint();
        const answer = await call('POST', '/api/call-history/calls/batch', apiToken, body);
        batchSeconds.push(Number(process.hrtime.bigint() - batchStarted) / 1e9);
        stored += answer.data.counts.stored;
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (stored !== bodies.length * BATCH) {
        throw new Error(`stored ${stored} of ${bodies.length * BATCH}`);
      }
      const sorted = [...batchSeconds].sort((x, y) => x - y);
      const median = sorted[Math.floor(sorted.length / 2)];
      return {
        calls: stored,
        seconds,
        perSecond: stored / seconds,
        medianBatchPerSecond: BATCH / median,
      };
    };

    /** One call per request through the Content Manager: Strapi's stock write path. */
    const baseline = async (/** @type {number} */ count, /** @type {boolean} */ traced, prefix) => {
      const bodies = Array.from({ length: count }, (_, i) =>
        JSON.stringify(makeCall(`${prefix}-${i}`, traced))
      );
      const url = '/content-manager/collection-types/plugin::call-history.call-record';
      const started = process.hrtime.bigint();
      for (const body of bodies) await call('POST', url, adminToken, body);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { calls: count, seconds, perSecond: count / seconds };
    };

    /** One call per entityService.create, in process (no HTTP): the stock path without the web. */
    const entityService = async (/** @type {number} */ count, /** @type {string} */ prefix) => {
      const calls = Array.from({ length: count }, (_, i) => makeCall(`${prefix}-${i}`, false));
      const started = process.hrtime.bigint();
      for (const data of calls) {
        await strapi.entityService.create('plugin::call-history.call-record', { data });
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { calls: count, seconds, perSecond: count / seconds };
    };

    // Warm-up (not measured): JIT, statement caches, the first pages of the table and index.
    await ingest(batchBodies('warm', 2, false));
    await ingest(batchBodies('warm-traced', 1, true));
    await baseline(100, false, 'warm-cm');

    const plain = await ingest(batchBodies('plain', settings.batches, false));
    const traced = await ingest(batchBodies('traced', settings.tracedBatches, true));
    const basePlain = await baseline(settings.baseline, false, 'cm');
    const baseTraced = await baseline(settings.baselineTraced, true, 'cm-traced');
    const baseEntity = await entityService(settings.baseline, 'es');
    const total = await strapi.db.query('plugin::call-history.call-record').count();
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    const results = {
      settings,
      loadBefore,
      plain,
      traced,
      basePlain,
      baseTraced,
      baseEntity,
      total,
      peakRssMb,
    };
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(settings.out, report(results));
    process.stdout.write(`written to ${path.relative(process.cwd(), settings.out)}\n`);
  } finally {
    await strapi.destroy();
    fs.rmSync(dbDir, { recursive: true, force: true });
  }
};

/** @param {number} perSecond */
const rate = (perSecond) => `${Math.round(perSecond).toLocaleString('en-US')} calls/s`;

/** @param {{ calls: number, seconds: number, perSecond: number }} run */
const fmt = (run) =>
  `${Math.round(run.perSecond).toLocaleString('en-US')} calls/s (${run.calls.toLocaleString('en-US')} calls in ${run.seconds.toFixed(2)} s)`;

/** @param {any} r */
const report = (r) => {
  const cpus = os.cpus();
  const strapiVersion = require(
    path.join(ROOT, 'node_modules/@strapi/strapi/package.json')
  ).version;
  return `# Ingest benchmark

- Date: ${new Date().toISOString()}
- Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}
- Node ${process.version}, Strapi ${strapiVersion}, SQLite (better-sqlite3), fresh database file
- Load average before the run (1, 5, 15 min): ${r.loadBefore} (the machine is shared)
- \`strapi::body\` jsonLimit: ${r.settings.jsonLimit}
- Command: \`npm run build && node tests/bench/ingest.js\`
- Client and server in one process, over HTTP on 127.0.0.1, one request at a time, with a
  full-access API token; flags all ON, so 20-step traces are stored.

| path | calls/s |
|---|---|
| ingest API, batches of 1,000, no trace | ${fmt(r.plain)}; median batch ${rate(r.plain.medianBatchPerSecond)} |
| ingest API, batches of 1,000, 20-step traces | ${fmt(r.traced)}; median batch ${rate(r.traced.medianBatchPerSecond)} |
| baseline: Content Manager create, one by one, no trace | ${fmt(r.basePlain)} |
| baseline: Content Manager create, one by one, 20-step traces | ${fmt(r.baseTraced)} |
| baseline: \`strapi.entityService.create\`, one by one, in process, no trace | ${fmt(r.baseEntity)} |

- Ratio, no trace: **${(r.plain.perSecond / r.basePlain.perSecond).toFixed(1)}×** the baseline
- Ratio, 20-step traces: **${(r.traced.perSecond / r.baseTraced.perSecond).toFixed(1)}×** the baseline
- Ratio, no trace, against the entity service: **${(r.plain.perSecond / r.baseEntity.perSecond).toFixed(1)}×**
- Absolute targets this benchmark began with: ≥ 20,000 calls/s without traces, ≥ 5,000 calls/s with traces (today's are ratios: docs/design.md#performance-targets)
- Peak RSS of the process (server and client): ${Math.round(r.peakRssMb)} MB
- Rows at the end: ${r.total.toLocaleString('en-US')} (warm-up included)
`;
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
