// @ts-check
'use strict';

/**
 * Ingest benchmark (docs/design.md#performance-targets): boots the host app on a fresh database, posts batches of
 * 1,000 calls over HTTP with an API token (no trace, then 20-step traces), and measures in the
 * same run
 *   - the floor: the same 1,000-call batches inserted by plain knex, one transaction each, with
 *     no validation and no decision, into the same table and columns, each floor batch right
 *     before the route's batch so both meet a table of the same size;
 *   - the baseline of creating calls one by one through Strapi's stock write path, the
 *     Content Manager admin API.
 * Writes tests/bench/results/ingest.md, or ingest-postgres.md on PostgreSQL, ingest-mariadb.md on
 * MariaDB/MySQL.
 *
 *   npm run build && node tests/bench/ingest.js
 *   DATABASE_CLIENT=postgres DATABASE_PORT=55433 node tests/bench/ingest.js
 *   DATABASE_CLIENT=mysql DATABASE_PORT=3310 node tests/bench/ingest.js     # MariaDB/MySQL
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof tests/bench/ingest.js   # then tests/bench/profile-top.js
 *
 * Environment: BENCH_BATCHES (default 20), BENCH_TRACED_BATCHES (10), BENCH_BASELINE (2000;
 * 0 skips the one-by-one baselines), BENCH_BASELINE_TRACED (500), STRAPI_JSON_LIMIT (16mb),
 * BENCH_FLOOR (1; 0 measures the route alone, for a profile), BENCH_OUT (results file); DATABASE_HOST, DATABASE_PORT, DATABASE_USERNAME, DATABASE_PASSWORD
 * on PostgreSQL and MariaDB/MySQL. Client and server share this process (and the machine's cores): the figures
 * include the client's JSON work.
 */

const fs = require('fs');
const os = require('os');
const path = require('path');

const { makeCall } = require('./calls');
const {
  benchClient,
  ENGINE_NAMES,
  RESULT_SUFFIXES,
  commandPrefix,
  engineVersion,
  freshDatabase,
} = require('./database');

const APP_DIR = path.resolve(__dirname, '..', 'app');
const ROOT = path.resolve(__dirname, '..', '..');
const BATCH = 1000;

const int = (name, fallback) => Number(process.env[name] ?? fallback);
const CLIENT = benchClient();
const settings = {
  batches: int('BENCH_BATCHES', 20),
  tracedBatches: int('BENCH_TRACED_BATCHES', 10),
  baseline: int('BENCH_BASELINE', 2000),
  baselineTraced: int('BENCH_BASELINE_TRACED', 500),
  // 0 leaves the floor out of the measured runs: a CPU profile of the route alone.
  floor: int('BENCH_FLOOR', 1) !== 0,
  jsonLimit: process.env.STRAPI_JSON_LIMIT ?? '16mb',
  out:
    process.env.BENCH_OUT ?? path.join(__dirname, 'results', `ingest${RESULT_SUFFIXES[CLIENT]}.md`),
};

const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'call-history-bench-'));
Object.assign(process.env, {
  DATABASE_CLIENT: CLIENT,
  DATABASE_FILENAME: path.join(dbDir, 'bench.db'),
  STRAPI_JSON_LIMIT: settings.jsonLimit,
  // The baseline creates calls through the Content Manager, which shows call records only then.
  CALL_HISTORY_SHOW_IN_CONTENT_MANAGER: 'true',
  STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error',
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'none',
});

/** @param {string} prefix @param {number} count @param {boolean} traced */
const batchBodies = (prefix, count, traced) =>
  Array.from({ length: count }, (_, b) =>
    JSON.stringify({
      data: Array.from({ length: BATCH }, (_, i) => makeCall(`${prefix}-${b}-${i}`, traced)),
    })
  );

/** The environment this run was sized or configured by, as it would be typed before the command. */
const settingsPrefix = () =>
  [
    'BENCH_BATCHES',
    'BENCH_TRACED_BATCHES',
    'BENCH_BASELINE',
    'BENCH_BASELINE_TRACED',
    'BENCH_FLOOR',
    'STRAPI_JSON_LIMIT',
    'CALL_HISTORY_SQLITE_DAY_INDEXES',
  ]
    .filter((name) => process.env[name] !== undefined)
    .map((name) => `${name}=${process.env[name]} `)
    .join('');

const main = async () => {
  const database =
    CLIENT === 'sqlite' ? null : await freshDatabase(CLIENT, 'call_history_bench_ingest');
  const createStrapi = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: APP_DIR, distDir: APP_DIR });
  await strapi.load();
  await strapi.server.mount();
  const httpServer = strapi.server.httpServer;
  // On a loaded machine a floor batch between two requests can outlast Node's 5 s keep-alive,
  // and fetch would reuse a socket the server is closing.
  httpServer.keepAliveTimeout = 60_000;
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

    /** @type {(calls: any[]) => Promise<void>} */
    let floor = async () => undefined;

    /**
     * Posts pre-serialised batches one after the other, each right after the floor inserted
     * the same calls under other callIds; returns calls/s of both.
     */
    const ingest = async (/** @type {string[]} */ bodies, withFloor = settings.floor) => {
      let stored = 0;
      /** @type {number[]} */
      const batchSeconds = [];
      /** @type {number[]} */
      const floorSeconds = [];
      for (const body of bodies) {
        if (withFloor) {
          // The floor starts from the parsed calls, as the route's handler does after koa-body.
          const calls = JSON.parse(body).data.map((/** @type {any} */ c) => ({
            ...c,
            callId: `floor-${c.callId}`,
          }));
          const floorStarted = process.hrtime.bigint();
          await floor(calls);
          floorSeconds.push(Number(process.hrtime.bigint() - floorStarted) / 1e9);
        }
        const batchStarted = process.hrtime.bigint();
        const answer = await call('POST', '/api/call-history/calls/batch', apiToken, body);
        batchSeconds.push(Number(process.hrtime.bigint() - batchStarted) / 1e9);
        stored += answer.data.counts.stored;
      }
      if (stored !== bodies.length * BATCH) {
        throw new Error(`stored ${stored} of ${bodies.length * BATCH}`);
      }
      return { route: timing(batchSeconds), floor: timing(floorSeconds) };
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
    await ingest(batchBodies('warm', 2, false), false);
    floor = await floorWriter(strapi);
    await ingest(batchBodies('warm-floor', 2, false));
    await ingest(batchBodies('warm-traced', 1, true));
    if (settings.baseline > 0) await baseline(100, false, 'warm-cm');

    const plain = await ingest(batchBodies('plain', settings.batches, false));
    const traced = await ingest(batchBodies('traced', settings.tracedBatches, true));
    const loadAfterIngest = os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(', ');
    const skip = { calls: 0, seconds: 0, perSecond: NaN };
    const basePlain = settings.baseline > 0 ? await baseline(settings.baseline, false, 'cm') : skip;
    const baseTraced =
      settings.baselineTraced > 0
        ? await baseline(settings.baselineTraced, true, 'cm-traced')
        : skip;
    const baseEntity = settings.baseline > 0 ? await entityService(settings.baseline, 'es') : skip;
    const total = await strapi.db.query('plugin::call-history.call-record').count();
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    const results = {
      settings,
      client: CLIENT,
      engine: await engineVersion(strapi),
      loadBefore,
      loadAfterIngest,
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
    await database?.drop();
  }
};

/** @param {number[]} batchSeconds */
const timing = (batchSeconds) => {
  const seconds = batchSeconds.reduce((sum, s) => sum + s, 0);
  const sorted = [...batchSeconds].sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const calls = batchSeconds.length * BATCH;
  return { calls, seconds, perSecond: calls / seconds, medianBatchPerSecond: BATCH / median };
};

/**
 * The floor: plain knex, one transaction per batch, one multi-row `INSERT … VALUES` per 10,000
 * bound values (the fastest form on both databases; knex's builder turns a SQLite multi-row
 * insert into `SELECT … UNION ALL`), with the columns and values the route writes: the
 * plugin-owned fields are those of a row the route stored (read once), the JSON columns
 * serialised, the times as Dates. Nothing is validated, decided or looked up.
 * @param {any} strapi
 */
const floorWriter = async (strapi) => {
  const meta = strapi.db.metadata.get('plugin::call-history.call-record');
  const knex = strapi.db.connection;
  const skipped = new Set(['relation', 'component', 'dynamiczone', 'media']);
  const columns = Object.entries(meta.attributes)
    .filter(([name, spec]) => name !== 'id' && !skipped.has(/** @type {any} */ (spec).type))
    .map(([name, spec]) => ({ name, column: /** @type {any} */ (spec).columnName ?? name }));
  const names = columns.map((c) => c.column);
  const sample = await knex(meta.tableName).first('bot_name', 'recording_decision');
  const decision =
    typeof sample.recording_decision === 'string'
      ? sample.recording_decision
      : JSON.stringify(sample.recording_decision);
  const tuple = `(${names.map(() => '?').join(', ')})`;
  const perStatement = Math.floor(10_000 / names.length);
  /** @param {any[]} calls */
  return async (calls) => {
    const now = new Date();
    const bindings = [];
    for (const call of calls) {
      /** @type {Record<string, unknown>} */
      const values = {
        ...call,
        startTime: new Date(call.startTime),
        endTime: new Date(call.endTime),
        flowTrace: call.flowTrace ? JSON.stringify(call.flowTrace) : null,
        flowSteps: call.flowTrace ? call.flowTrace.length : null,
        recordingDecision: decision,
        botName: sample.bot_name,
        callingNumberReversed: [...call.callingNumber].reverse().join(''),
        durationSeconds: 125,
        createdAt: now,
        updatedAt: now,
      };
      bindings.push(columns.map((c) => values[c.name] ?? null));
    }
    await knex.transaction(async (/** @type {any} */ trx) => {
      for (let start = 0; start < bindings.length; start += perStatement) {
        const chunk = bindings.slice(start, start + perStatement);
        await trx.raw(
          `INSERT INTO ?? (${names.map(() => '??').join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
          [meta.tableName, ...names, ...chunk.flat()]
        );
      }
    });
  };
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
  const database =
    r.client === 'sqlite'
      ? `${r.engine}, fresh database file`
      : `${r.engine}, fresh database on 127.0.0.1`;
  const ratio = (/** @type {any} */ run) =>
    `**${Math.round((run.route.perSecond / run.floor.perSecond) * 100)}%** of the floor`;
  const baselines =
    r.basePlain.calls > 0
      ? `| baseline: Content Manager create, one by one, no trace | ${fmt(r.basePlain)} |
| baseline: Content Manager create, one by one, 20-step traces | ${fmt(r.baseTraced)} |
| baseline: \`strapi.entityService.create\`, one by one, in process, no trace | ${fmt(r.baseEntity)} |

- Ratio, no trace: **${(r.plain.route.perSecond / r.basePlain.perSecond).toFixed(1)}×** the Content Manager
- Ratio, 20-step traces: **${(r.traced.route.perSecond / r.baseTraced.perSecond).toFixed(1)}×** the Content Manager
- Ratio, no trace, against the entity service: **${(r.plain.route.perSecond / r.baseEntity.perSecond).toFixed(1)}×**`
      : '\n(one-by-one baselines skipped: BENCH_BASELINE=0)';
  return `# Ingest benchmark${r.client === 'sqlite' ? '' : ` (${ENGINE_NAMES[r.client]})`}

- Date: ${new Date().toISOString()}
- Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}
- Node ${process.version}, Strapi ${strapiVersion}, ${database}
- Load average (1, 5, 15 min) before the run: ${r.loadBefore}; after the ingest runs: ${r.loadAfterIngest} (the machine is shared)
- \`strapi::body\` jsonLimit: ${r.settings.jsonLimit}
- Command: \`npm run build && ${commandPrefix(r.client)}${settingsPrefix()}node tests/bench/ingest.js\`
- Client and server in one process, over HTTP on 127.0.0.1, one request at a time, with a
  full-access API token; flags all ON, so 20-step traces are stored.
- The floor: the same 1,000-call batches inserted by plain knex in one transaction each (a
  multi-row \`INSERT … VALUES\`, same table, same columns and values, no validation, no decision,
  no HTTP), each right before the route's batch, so both meet a table of the same size.

| path | calls/s |
|---|---|
| ingest route, batches of 1,000, no trace | ${fmt(r.plain.route)}; median batch ${rate(r.plain.route.medianBatchPerSecond)} |
| floor: plain knex, same batches, no trace | ${fmt(r.plain.floor)}; median batch ${rate(r.plain.floor.medianBatchPerSecond)} |
| ingest route, batches of 1,000, 20-step traces | ${fmt(r.traced.route)}; median batch ${rate(r.traced.route.medianBatchPerSecond)} |
| floor: plain knex, same batches, 20-step traces | ${fmt(r.traced.floor)}; median batch ${rate(r.traced.floor.medianBatchPerSecond)} |
${baselines}

- Route against the floor, no trace: ${ratio(r.plain)} (target ≥ 50%)
- Route against the floor, 20-step traces: ${ratio(r.traced)} (target ≥ 50%)
- Peak RSS of the process (server and client): ${Math.round(r.peakRssMb)} MB
- Rows at the end: ${r.total.toLocaleString('en-US')} (warm-up and floor included)
`;
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
