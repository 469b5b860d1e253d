#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Call History search benchmark (docs/design.md#performance-targets): boots the host app (tests/app) on its own
 * database, fills it with N calls from the generator, logs in as an admin and measures over
 * real HTTP, like the admin panel:
 *   - the plugin's search (p50 / p95) for each search shape, and page 50 through the cursor;
 *   - the same filters through Strapi's own Content Manager list, the baseline;
 *   - the CSV export of about 100,000 rows (rows/s, peak RSS of the process);
 *   - the database's plan of every search shape.
 *
 *   npm run build && node tests/bench/search.js                 # 1,000,000 calls on SQLite
 *   node tests/bench/search.js --calls 100000 --iterations 30
 *   DATABASE_CLIENT=postgres DATABASE_PORT=55433 node tests/bench/search.js
 *
 * Options: --calls N (default 1000000), --iterations N (default 50; the Content Manager gets a
 * fifth), --reuse (keep and reuse the database of an earlier run with the same N),
 * --out FILE (default tests/bench/results/search.md, or search-postgres.md on PostgreSQL).
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
const ITERATIONS = Number(option('iterations', '50'));
const REUSE = args.includes('--reuse');
const CLIENT = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
const OUT = path.resolve(
  option(
    'out',
    path.join(__dirname, 'results', CLIENT === 'postgres' ? 'search-postgres.md' : 'search.md')
  )
);

process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL || 'error';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.BROWSER = 'none';

const GENERATED = { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z', seed: 42 };
const UID = 'plugin::call-history.call-record';
const ADMIN = {
  email: 'bench@call-history.test',
  password: 'Bench-Pass-1234',
  firstname: 'Bench',
  lastname: 'Admin',
};

const log = (...parts) => process.stdout.write(`${parts.join(' ')}\n`);

/** A database of this run's own: a SQLite file in the OS temp folder, or a PG database. */
const prepareDatabase = async () => {
  if (CLIENT === 'sqlite') {
    const file = path.join(os.tmpdir(), `call-history-bench-${CALLS}.db`);
    if (!REUSE)
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        fs.rmSync(file + suffix, { force: true });
    process.env.DATABASE_FILENAME = file;
    return { describe: `SQLite file ${file}`, drop: async () => undefined };
  }
  const { Client } = require('pg');
  const name = `call_history_bench_${CALLS}`;
  const admin = new Client({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
    database: 'postgres',
  });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]))
    .rowCount;
  if (exists && !REUSE) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  if (!exists || !REUSE) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  process.env.DATABASE_NAME = name;
  return { describe: `PostgreSQL database ${name}`, drop: async () => undefined };
};

/** One HTTP GET on a keep-alive connection: status, body size and milliseconds to the last byte. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const requestOnce = (port, method, urlPath, { token, body, onData } = {}) =>
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
    return await requestOnce(port, method, urlPath, options);
  } catch (error) {
    if (error && error.code === 'ECONNRESET') return requestOnce(port, method, urlPath, options);
    throw error;
  }
};

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** `target`: a URL to GET, or `{ method, path, body }` (the plugin's searches are POSTs). */
const measure = async (port, token, target, iterations, warmups = 5) => {
  const {
    method,
    path: url,
    body,
  } = typeof target === 'string' ? { method: 'GET', path: target } : target;
  for (let i = 0; i < Math.min(warmups, iterations); i += 1) {
    const warm = await request(port, method, url, { token, body });
    if (warm.status !== 200)
      throw new Error(`${method} ${url} answered ${warm.status}: ${warm.text.slice(0, 300)}`);
  }
  const times = [];
  let last = null;
  for (let i = 0; i < iterations; i += 1) {
    last = await request(port, method, url, { token, body });
    if (last.status !== 200) throw new Error(`${method} ${url} answered ${last.status}`);
    times.push(last.ms);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), body: last ? last.text : '' };
};

/** The Call History search: its filters travel in a POST body, like the admin panel sends them. */
const search = (body) => ({ method: 'POST', path: '/call-history/calls/search', body });

const qs = (params) =>
  Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');

/** The Content Manager's list URL for the same filters, page and sort. */
const contentManagerUrl = (filters, page = 1) => {
  const conditions = [{ startTime: { $gte: filters.from } }, { startTime: { $lt: filters.to } }];
  const number = filters.callingNumber;
  if (number && number.startsWith('*'))
    conditions.push({ callingNumber: { $endsWith: number.slice(1) } });
  else if (number && number.endsWith('*'))
    conditions.push({ callingNumber: { $startsWith: number.slice(0, -1) } });
  else if (number) conditions.push({ callingNumber: { $eq: number } });
  if (filters.accessCode) conditions.push({ accessCode: { $eq: filters.accessCode } });
  const params = { page, pageSize: 20, sort: 'startTime:DESC' };
  conditions.forEach((condition, index) => {
    const [attribute, operators] = Object.entries(condition)[0];
    const [operator, value] = Object.entries(operators)[0];
    params[`filters[$and][${index}][${attribute}][${operator}]`] = value;
  });
  return `/content-manager/collection-types/${UID}?${qs(params)}`;
};

const main = async () => {
  const database = await prepareDatabase();
  const createStrapi = require('@strapi/strapi');
  const { generateCalls, ensureDemoBots } = require('../support/call-generator');
  const bootStarted = Date.now();
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: APP_DIR }).load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const port = strapi.server.httpServer.address().port;
  log(`Strapi up on port ${port} in ${Date.now() - bootStarted} ms (${database.describe})`);

  const existing = await strapi.db.query(UID).count();
  let generation = null;
  if (existing < CALLS) {
    await strapi
      .plugin('call-history')
      .service('settings')
      .update({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'BOT_LEVEL', CCIVRRECORDFLAG: 'ON' });
    await ensureDemoBots(strapi);
    const started = Date.now();
    const result = await generateCalls(strapi, {
      count: CALLS - existing,
      ...GENERATED,
      callIdPrefix: `bench${existing}`,
      onProgress: (written) => {
        if (written % 200_000 < 50_000)
          process.stdout.write(`  generated ${written.toLocaleString('en')} calls\r`);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    generation = { stored: result.stored, seconds, perSecond: Math.round(result.stored / seconds) };
    log(
      `Generated ${result.stored.toLocaleString('en')} calls in ${seconds.toFixed(1)} s (${generation.perSecond.toLocaleString('en')}/s)`
    );
  }
  const total = await strapi.db.query(UID).count();

  // Logged in after the generation: an idle keep-alive socket would have been closed meanwhile.
  const registered = await request(port, 'POST', '/admin/register-admin', { body: ADMIN });
  const session =
    registered.status === 200
      ? registered
      : await request(port, 'POST', '/admin/login', {
          body: { email: ADMIN.email, password: ADMIN.password },
        });
  const token = JSON.parse(session.text).data.token;

  // The filters: a day and a month inside the generated period, a caller of that month.
  const day = { from: '2026-03-10T00:00:00+08:00', to: '2026-03-11T00:00:00+08:00' };
  // A day after the generated period: no call, while every month's calls are in each range.
  const emptyDay = { from: '2026-08-10T00:00:00+08:00', to: '2026-08-11T00:00:00+08:00' };
  const month = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };
  const sample = await strapi.db.query(UID).findOne({
    select: ['callingNumber'],
    where: {
      startTime: { $gte: new Date(month.from), $lt: new Date(month.to) },
      callingNumber: { $startsWith: '1' },
    },
    orderBy: { startTime: 'desc' },
  });
  const number = sample.callingNumber;
  const scenarios = [
    { name: 'period 1 day', filters: { ...day }, target: 15 },
    // Broad number ranges (hundreds of thousands of entries over all months) over one day.
    { name: '1 day + broad prefix', filters: { ...day, callingNumber: '1*' }, target: 25 },
    { name: '1 day + broad suffix', filters: { ...day, callingNumber: '*8' }, target: 25 },
    {
      name: 'empty day + broad prefix',
      filters: { ...emptyDay, callingNumber: '1*' },
      target: 25,
    },
    { name: 'period 31 days', filters: { ...month }, target: 15 },
    { name: '31 days + exact number', filters: { ...month, callingNumber: number }, target: 25 },
    {
      name: '31 days + suffix number',
      filters: { ...month, callingNumber: `*${number.slice(-4)}` },
      target: 25,
    },
    {
      name: '31 days + prefix number',
      filters: { ...month, callingNumber: `${number.slice(0, 5)}*` },
      target: 25,
    },
    {
      name: '31 days + broad prefix',
      filters: { ...month, callingNumber: '138*' },
      target: 25,
    },
    { name: '31 days + access code', filters: { ...month, accessCode: '1001' }, target: 25 },
  ];

  // Warm-up of the whole process (JIT, caches, the garbage of the generation), then the fixed
  // cost of any admin route: JWT, admin user and RBAC check, one tiny query.
  for (let i = 0; i < 100; i += 1) {
    await request(port, 'POST', '/call-history/calls/search', { token, body: i % 2 ? day : month });
  }
  const floor = await measure(port, token, '/call-history/settings', ITERATIONS);
  log(
    `floor (GET /call-history/settings): p50 ${floor.p50.toFixed(1)} ms p95 ${floor.p95.toFixed(1)} ms`
  );

  const asFilters = (filters) => {
    const value = filters.callingNumber;
    return {
      from: new Date(filters.from),
      to: new Date(filters.to),
      accessCode: filters.accessCode || null,
      callingNumber: !value
        ? null
        : value.startsWith('*')
          ? { match: 'suffix', value: value.slice(1) }
          : value.endsWith('*')
            ? { match: 'prefix', value: value.slice(0, -1) }
            : { match: 'exact', value },
    };
  };
  const service = strapi.plugin('call-history').service('call-search');
  /** The service alone, in process: what the plugin itself costs, without HTTP and admin auth. */
  const inProcess = async (filters, cursor = null) => {
    const query = {
      ...asFilters(filters),
      sort: 'startTime:desc',
      pageSize: 20,
      cursor,
      tz: 'UTC',
    };
    for (let i = 0; i < 5; i += 1) await service.search(query);
    const times = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      const started = process.hrtime.bigint();
      await service.search(query);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return percentile(times, 50);
  };

  const rows = [];
  const cmIterations = Math.max(5, Math.round(ITERATIONS / 5));
  for (const scenario of scenarios) {
    const plugin = await measure(port, token, search(scenario.filters), ITERATIONS);
    const parsed = JSON.parse(plugin.body);
    const cm = await measure(port, token, contentManagerUrl(scenario.filters), cmIterations);
    const cmTotal = JSON.parse(cm.body).pagination.total;
    rows.push({
      ...scenario,
      plugin,
      cm,
      service50: await inProcess(scenario.filters),
      matches: `${parsed.pagination.total}${parsed.pagination.totalIsCapped ? '+' : ''} (CM: ${cmTotal})`,
    });
    log(
      `${scenario.name}: plugin p50 ${plugin.p50.toFixed(1)} ms p95 ${plugin.p95.toFixed(1)} ms | Content Manager p50 ${cm.p50.toFixed(1)} ms p95 ${cm.p95.toFixed(1)} ms`
    );
  }

  // Page 50 of the month, through the cursor of page 49 (the panel's "next" 49 times).
  let cursor = null;
  for (let page = 1; page < 50; page += 1) {
    const answer = await request(port, 'POST', '/call-history/calls/search', {
      token,
      body: { ...month, ...(cursor ? { cursor } : {}) },
    });
    cursor = JSON.parse(answer.text).pagination.nextCursor;
  }
  const page50 = await measure(port, token, search({ ...month, cursor }), ITERATIONS);
  const cm50 = await measure(port, token, contentManagerUrl(month, 50), cmIterations);
  rows.push({
    name: '31 days, page 50 via cursor',
    filters: month,
    target: 15,
    plugin: page50,
    cm: cm50,
    service50: await inProcess(month, cursor),
    matches: '',
  });
  log(
    `page 50: plugin p50 ${page50.p50.toFixed(1)} ms p95 ${page50.p95.toFixed(1)} ms | Content Manager p50 ${cm50.p50.toFixed(1)} ms`
  );

  // Export: the newest 100,000 calls before the end of March (a period under 31 days at 1M).
  const exportTo = new Date('2026-04-01T00:00:00Z');
  const [boundary] = await strapi.db.query(UID).findMany({
    select: ['startTime'],
    where: { startTime: { $lt: exportTo } },
    orderBy: { startTime: 'desc' },
    offset: 99_999,
    limit: 1,
  });
  const earliest = new Date(exportTo.getTime() - 31 * 24 * 3600 * 1000);
  const exportFrom =
    boundary && new Date(boundary.startTime) > earliest ? new Date(boundary.startTime) : earliest;
  const exports = [];
  for (const [label, from] of [
    [
      'about 10,000 rows',
      new Date(exportTo.getTime() - (exportTo.getTime() - exportFrom.getTime()) / 10),
    ],
    ['about 100,000 rows', exportFrom],
  ]) {
    if (global.gc) global.gc();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    let lines = 0;
    const answer = await request(port, 'POST', '/call-history/calls/export', {
      token,
      body: { from: from.toISOString(), to: exportTo.toISOString(), tz: 'Asia/Shanghai' },
      onData: (chunk) => {
        for (let i = 0; i < chunk.length; i += 1) if (chunk[i] === 10) lines += 1;
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    clearInterval(sampler);
    if (answer.status !== 200) throw new Error(`export answered ${answer.status}`);
    const rowsOut = lines - 1;
    exports.push({
      label,
      rows: rowsOut,
      seconds: answer.ms / 1000,
      mb: answer.bytes / 1e6,
      baseline,
      peak,
    });
    log(
      `export ${label}: ${rowsOut.toLocaleString('en')} rows in ${(answer.ms / 1000).toFixed(2)} s (${Math.round(rowsOut / (answer.ms / 1000)).toLocaleString('en')} rows/s), RSS ${(baseline / 1e6).toFixed(0)} → peak ${(peak / 1e6).toFixed(0)} MB`
    );
  }

  // The Content Manager on Strapi alone: without the plugin's search indexes (dropped for this
  // measurement, then rebuilt exactly as at boot).
  const { INDEXES, ensureIndexes } = require('../../dist/server/src/database/indexes');
  const searchIndexes = INDEXES.filter((index) => index.uid === UID && !index.unique);
  for (const index of searchIndexes)
    await strapi.db.connection.raw('DROP INDEX IF EXISTS ??', [index.name]);
  const bareIterations = Math.max(3, Math.round(ITERATIONS / 10));
  for (const row of rows) {
    const url = row.name.includes('page 50')
      ? contentManagerUrl(month, 50)
      : contentManagerUrl(row.filters);
    row.bare = await measure(port, token, url, bareIterations, 1);
    log(
      `${row.name}: Content Manager without the plugin's indexes p50 ${row.bare.p50.toFixed(1)} ms`
    );
  }
  await ensureIndexes(strapi, searchIndexes);

  // The database's plans, of the statements the service runs.
  const { explainSearch } = require('../helpers/search-explain');
  const plans = [];
  for (const scenario of scenarios)
    plans.push({
      name: scenario.name,
      lines: await explainSearch(strapi, asFilters(scenario.filters)),
    });
  const lastPage = JSON.parse(
    (
      await request(port, 'POST', '/call-history/calls/search', {
        token,
        body: { ...month, cursor },
      })
    ).text
  );
  const lastRow = lastPage.results[lastPage.results.length - 1];
  plans.push({
    name: '31 days, after a cursor',
    lines: await explainSearch(strapi, asFilters(month), {
      startTime: Date.parse(lastRow.startTime),
      id: lastRow.id,
    }),
  });

  const engine =
    CLIENT === 'sqlite'
      ? `SQLite ${(await strapi.db.connection.raw('select sqlite_version() as v'))[0].v} (better-sqlite3)`
      : (await strapi.db.connection.raw('select version() as v')).rows[0].v.split(' on ')[0];
  const fmt = (value) => value.toFixed(1);
  const ratio = (cm, plugin) => `${(cm / plugin).toFixed(0)}×`;
  const lines = [
    `# Call History search benchmark (${CLIENT === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
    '',
    `Command: \`${CLIENT === 'postgres' ? 'DATABASE_CLIENT=postgres ' : ''}node tests/bench/search.js --calls ${CALLS}${ITERATIONS !== 50 ? ` --iterations ${ITERATIONS}` : ''}\` — run ${new Date().toISOString()}.`,
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM (shared with other jobs), Node ${process.version}, ${engine}, Strapi 4.26.2.`,
    `Data: ${total.toLocaleString('en')} calls from the generator (tests/support/call-generator.js, seed ${GENERATED.seed}) over ${GENERATED.from.slice(0, 10)} – ${GENERATED.to.slice(0, 10)}, about 10 % with flow traces.`,
    generation
      ? `Generation: ${generation.stored.toLocaleString('en')} calls in ${generation.seconds.toFixed(1)} s (${generation.perSecond.toLocaleString('en')} calls/s, multi-row INSERTs in transactions of 50,000, every row through the plugin's recording decision).`
      : 'Generation: reused the database of an earlier run (--reuse).',
    '',
    `Latency over HTTP (keep-alive, admin JWT, client in the same process), ${ITERATIONS} requests per plugin route after 5 warm-ups, ${cmIterations} per Content Manager route. pageSize 20, newest first. Period filters are in +08:00.`,
    '',
    '"service alone": the same search called in process (`service.search`), without HTTP, JWT and RBAC: what the plugin itself costs.',
    '',
    `Fixed cost of any admin route here (\`GET /call-history/settings\`: admin JWT, user and RBAC check, one tiny query): p50 ${fmt(floor.p50)} ms, p95 ${fmt(floor.p95)} ms.`,
    '',
    "Baselines: Strapi's Content Manager list of the same filters, page and sort, on the same database (so it benefits from the plugin's indexes too), and on the table as Strapi alone leaves it (all four of the plugin's search indexes dropped: period, number, reversed number and access code; the unique callId index kept; " +
      bareIterations +
      ' requests each after one warm-up).',
    '',
    "| search | matches (plugin total, cap 10,000) | plugin p50 ms | plugin p95 ms | target p95 | service alone p50 ms | CM p50 ms | CM p95 ms | CM / plugin (p50) | CM without the plugin's indexes, p50 ms | ratio |",
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.name}${row.filters.callingNumber ? ` (\`${row.filters.callingNumber}\`)` : ''}${row.filters.accessCode ? ` (\`${row.filters.accessCode}\`)` : ''} | ${row.matches} | ${fmt(row.plugin.p50)} | ${fmt(row.plugin.p95)} | ${row.plugin.p95 <= row.target ? '✓' : '✗'} ≤ ${row.target} | ${fmt(row.service50)} | ${fmt(row.cm.p50)} | ${fmt(row.cm.p95)} | ${ratio(row.cm.p50, row.plugin.p50)} | ${fmt(row.bare.p50)} | ${ratio(row.bare.p50, row.plugin.p50)} |`
    ),
    '',
    'CSV export (`POST /call-history/calls/export`, tz Asia/Shanghai), streamed in keyset batches of 1,000 rows; RSS of the whole process (Strapi and the benchmark client):',
    '',
    '| export | rows | seconds | rows/s | MB sent | RSS before MB | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...exports.map(
      (entry) =>
        `| ${entry.label} | ${entry.rows.toLocaleString('en')} | ${entry.seconds.toFixed(2)} | ${Math.round(entry.rows / entry.seconds).toLocaleString('en')} | ${entry.mb.toFixed(1)} | ${(entry.baseline / 1e6).toFixed(0)} | ${(entry.peak / 1e6).toFixed(0)} |`
    ),
    '',
    `Query plans (${CLIENT === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'}) of each search page and its capped count:`,
    '',
    ...plans.flatMap((plan) => [
      `- ${plan.name}`,
      '',
      '  ```',
      ...plan.lines.map((line) => `  ${line}`),
      '  ```',
      '',
    ]),
  ];
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${lines.join('\n')}\n`);
  log(`Results written to ${path.relative(process.cwd(), OUT)}`);
  for (const plan of plans) log(`plan ${plan.name}:\n  ${plan.lines.join('\n  ')}`);

  agent.destroy();
  await strapi.destroy();
  await database.drop();
};

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  }
);
