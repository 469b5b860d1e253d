// @ts-check
'use strict';

/**
 * Streamed-ingest benchmark (docs/design.md#streaming-ingest): boots the host app on a fresh
 * database and posts 1,000,000 calls in ONE request, `Content-Type: application/x-ndjson`, to
 * the batch route. The body is generated as a stream by a child process (never whole in
 * memory, and never in the server's heap), which reads the answer line by line and keeps only
 * the counts. The server process samples its own RSS every 100 ms during the upload: the growth
 * is the peak minus the RSS just before the upload. Writes tests/bench/results/ingest-stream.md,
 * or ingest-stream-postgres.md on PostgreSQL, ingest-stream-mariadb.md on MariaDB/MySQL.
 *
 *   npm run build && node tests/bench/ingest-stream.js [--calls 1000000]
 *   DATABASE_CLIENT=postgres DATABASE_PORT=55433 node tests/bench/ingest-stream.js
 *
 * Environment: CALL_HISTORY_STREAM_CHUNK_SIZE (the plugin's streamChunkSize, default 1,000),
 * STRAPI_JSON_LIMIT (left at Strapi's 1 MB: the upload is far larger and is read all the same),
 * BENCH_OUT; DATABASE_* on PostgreSQL and MariaDB/MySQL.
 */

const { fork } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const v8 = require('v8');

const {
  benchClient,
  ENGINE_NAMES,
  RESULT_SUFFIXES,
  commandPrefix,
  engineVersion,
  freshDatabase,
} = require('./database');
const { option, flag } = require('./support/harness');

/** The client: streams the upload with backpressure, counts the answer's lines. */
const client = async () => {
  const { makeCall } = require('./calls');
  const prefix = option('prefix', 'stream');
  const [port, token, calls] = [
    Number(option('port', '0')),
    option('token', ''),
    Number(option('calls', '0')),
  ];
  const counts = { stored: 0, notRecorded: 0, duplicate: 0, invalid: 0 };
  let summary = null;
  let bytes = 0;
  const started = process.hrtime.bigint();
  await new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/call-history/calls/batch',
        headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Bearer ${token}` },
      },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`status ${response.statusCode}`));
        let rest = '';
        response.setEncoding('utf8');
        response.on('data', (text) => {
          rest += text;
          let newline = rest.indexOf('\n');
          while (newline >= 0) {
            const line = JSON.parse(rest.slice(0, newline));
            if (line.summary) summary = line.summary;
            else if (line.status === 'not_recorded') counts.notRecorded += 1;
            else counts[line.status] += 1;
            rest = rest.slice(newline + 1);
            newline = rest.indexOf('\n');
          }
        });
        response.on('end', resolve);
        response.on('error', reject);
      }
    );
    request.on('error', reject);
    (async () => {
      const LINES_PER_WRITE = 100;
      for (let i = 0; i < calls; i += LINES_PER_WRITE) {
        let piece = '';
        for (let j = i; j < Math.min(calls, i + LINES_PER_WRITE); j += 1) {
          piece += `${JSON.stringify(makeCall(`${prefix}-${j}`, false))}\n`;
        }
        bytes += Buffer.byteLength(piece);
        if (!request.write(piece)) await new Promise((drained) => request.once('drain', drained));
      }
      request.end();
    })().catch(reject);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.send?.({
    counts,
    summary,
    seconds,
    bytes,
    clientPeakRssMb: process.resourceUsage().maxRSS / 1024,
  });
};

const server = async () => {
  const CALLS = Number(option('calls', '1000000'));
  const CLIENT = benchClient();
  const OUT =
    process.env.BENCH_OUT ??
    path.join(__dirname, 'results', `ingest-stream${RESULT_SUFFIXES[CLIENT]}.md`);
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'call-history-stream-bench-'));
  Object.assign(process.env, {
    DATABASE_CLIENT: CLIENT,
    DATABASE_FILENAME: path.join(dbDir, 'bench.db'),
    STRAPI_JSON_LIMIT: process.env.STRAPI_JSON_LIMIT ?? '1mb',
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
  });
  const database =
    CLIENT === 'sqlite' ? null : await freshDatabase(CLIENT, 'call_history_bench_stream');
  const createStrapi = require('@strapi/strapi');
  const APP_DIR = path.resolve(__dirname, '..', 'app');
  const strapi = createStrapi({ appDir: APP_DIR, distDir: APP_DIR });
  await strapi.load();
  await strapi.server.mount();
  const httpServer = strapi.server.httpServer;
  await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('net').AddressInfo} */ (httpServer.address());
  // Node's 300 s bound on receiving one request would cut a slow million-call upload short: a
  // host running such a backfill raises it (server.http.serverOptions), as this run does.
  httpServer.requestTimeout = 0;
  const base = `http://127.0.0.1:${port}`;
  const json = async (method, url, auth, body) => {
    const response = await fetch(base + url, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(auth ? { Authorization: `Bearer ${auth}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status}`);
    return response.json();
  };
  try {
    const adminToken = (
      await json('POST', '/admin/register-admin', null, {
        email: 'bench@call-history.test',
        password: 'Bench-Pass-1234',
        firstname: 'Bench',
        lastname: 'Admin',
      })
    ).data.token;
    await json('PUT', '/call-history/settings', adminToken, {
      CHATRECORDFLAG: 'ON',
      FLOWRECORDFLAG: 'ON',
      CCIVRRECORDFLAG: 'ON',
    });
    const apiToken = (
      await json('POST', '/admin/api-tokens', adminToken, {
        name: 'bench platform',
        type: 'full-access',
        lifespan: null,
        description: '',
      })
    ).data.accessKey;

    const run = (calls, prefix) =>
      new Promise((resolve, reject) => {
        const child = fork(__filename, [
          '--client',
          '--port',
          String(port),
          '--token',
          apiToken,
          '--calls',
          String(calls),
          '--prefix',
          prefix,
        ]);
        child.once('message', resolve);
        child.once('error', reject);
        child.once('exit', (code) =>
          code ? reject(new Error(`client exited ${code}`)) : undefined
        );
      });

    // Warm-up, not measured: JIT, statements, the first pages of the table.
    await run(20_000, 'warm');
    // No forced GC before: the baseline is a server that has just served an upload, as in use.
    const loadBefore = os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(', ');
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let rssPeak = rssBefore;
    /** RSS every 100 ms: the report shows the largest of each tenth of the upload. */
    const samples = [];
    /** @type {Record<string, number>} the largest use of each V8 heap space */
    const spacePeaks = {};
    let heapPeak = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      rssPeak = Math.max(rssPeak, usage.rss);
      samples.push(usage.rss);
      for (const space of v8.getHeapSpaceStatistics()) {
        spacePeaks[space.space_name] = Math.max(
          spacePeaks[space.space_name] ?? 0,
          space.space_used_size
        );
      }
      heapPeak = Math.max(heapPeak, usage.heapUsed);
    }, 100);
    const result = /** @type {any} */ (await run(CALLS, 'stream'));
    clearInterval(sampler);
    global.gc?.();
    const heapAfterGcMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    const rssAfterGcMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    const loadAfter = os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(', ');
    const total = await strapi.db.query('plugin::call-history.call-record').count();
    const mb = (value) => Math.round(value / 2 ** 20);
    const r = {
      client: CLIENT,
      engine: await engineVersion(strapi),
      calls: CALLS,
      ...result,
      perSecond: CALLS / result.seconds,
      rssBeforeMb: mb(rssBefore),
      rssPeakMb: mb(rssPeak),
      rssGrowthMb: mb(rssPeak - rssBefore),
      heapPeakMb: mb(heapPeak),
      spacePeaksMb: Object.fromEntries(
        Object.entries(spacePeaks).map(([name, bytes]) => [name, mb(bytes)])
      ),
      rssByTenthMb: Array.from({ length: 10 }, (_, tenth) =>
        mb(
          Math.max(
            ...samples.slice(
              Math.floor((tenth * samples.length) / 10),
              Math.max(Math.floor(((tenth + 1) * samples.length) / 10), 1)
            )
          )
        )
      ),
      heapBeforeMb: mb(heapBefore),
      heapAfterGcMb,
      rssAfterGcMb,
      loadBefore,
      loadAfter,
      total,
      chunk: strapi.config.get('plugin.call-history').streamChunkSize,
      requestTimeoutMs: httpServer.requestTimeout,
    };
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    if (result.summary?.counts?.stored !== CALLS)
      throw new Error(`stored ${result.summary?.counts?.stored} of ${CALLS}`);
    fs.writeFileSync(OUT, report(r));
    process.stdout.write(`written to ${path.relative(process.cwd(), OUT)}\n`);
  } finally {
    await strapi.destroy();
    fs.rmSync(dbDir, { recursive: true, force: true });
    await database?.drop();
  }
};

const report = (r) => {
  const cpus = os.cpus();
  return `# Streamed ingest benchmark${r.client === 'sqlite' ? '' : ` (${ENGINE_NAMES[r.client]})`}

- Date: ${new Date().toISOString()}
- Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.version}
- Database: ${r.engine}, ${r.client === 'sqlite' ? 'fresh database file' : 'fresh database on 127.0.0.1'}
- Load average (1, 5, 15 min) before the upload: ${r.loadBefore}; after it: ${r.loadAfter} (the machine is shared)
- Command: \`npm run build && ${commandPrefix(r.client)}node --expose-gc tests/bench/ingest-stream.js\`
- One request, \`POST /api/call-history/calls/batch\` with \`Content-Type: application/x-ndjson\`,
  ${r.calls.toLocaleString('en-US')} calls without traces (${(r.bytes / 2 ** 20).toFixed(0)} MB of NDJSON), generated as a stream by a
  client process; the server's \`strapi::body\` jsonLimit is Strapi's default 1 MB;
  streamChunkSize ${r.chunk.toLocaleString('en-US')}; a 20,000-call upload warmed up first.

| figure | value |
|---|---|
| calls/s, end to end | **${Math.round(r.perSecond).toLocaleString('en-US')}** (${r.calls.toLocaleString('en-US')} calls in ${r.seconds.toFixed(1)} s) |
| answer | ${r.counts.stored.toLocaleString('en-US')} stored lines, summary ${JSON.stringify(r.summary.counts)}, complete: ${r.summary.complete} |
| server RSS before the upload | ${r.rssBeforeMb} MB |
| server RSS peak during the upload | ${r.rssPeakMb} MB |
| **server RSS growth** | **${r.rssGrowthMb} MB** (target < 100 MB) |
| server RSS, largest in each tenth of the upload | ${r.rssByTenthMb.join(', ')} MB |
| server heap: before, peak, after a full GC at the end | ${r.heapBeforeMb} MB, ${r.heapPeakMb} MB, ${r.heapAfterGcMb} MB |
| server RSS after a full GC at the end | ${r.rssAfterGcMb} MB |
| client peak RSS | ${Math.round(r.clientPeakRssMb)} MB |
| rows at the end | ${r.total.toLocaleString('en-US')} (warm-up included) |

Node's \`server.requestTimeout\` (300 s by default) bounds how long one upload may take to send;
this run lifts it (${r.requestTimeoutMs}, none), as a host running a backfill of this size would
(\`server.http.serverOptions\`), or the backfill is split into several uploads.
`;
};

(flag('client') ? client() : server()).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
