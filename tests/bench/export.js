#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * CSV export benchmark (docs/design.md#performance-targets): boots the host app (tests/app) on
 * its own database, fills it with N calls from the generator inside one export period (30 days),
 * logs in as an admin and exports them all over real HTTP, as the panel's download does
 * (`POST /call-history/calls/export`, tz Asia/Shanghai). The client runs in a child process, so
 * the RSS measured is the server's alone: its growth over the RSS before the request, and the
 * rows per second to the last byte.
 *
 *   npm run build && node --expose-gc tests/bench/export.js        # 1,000,000 calls on SQLite
 *   node --expose-gc tests/bench/export.js --calls 100000 --reuse
 *   DATABASE_CLIENT=postgres DATABASE_PORT=55433 node --expose-gc tests/bench/export.js
 *
 * Options: --calls N (default 1000000), --runs N (exports of the whole period, default 3),
 * --reuse (keep and reuse the database of an earlier run with the same N), --out FILE (default
 * tests/bench/results/export.md, or export-postgres.md on PostgreSQL, export-mariadb.md on
 * MariaDB/MySQL). With `node --cpu-prof`
 * the profile is the server's.
 */

const { spawnSync } = require('child_process');
const os = require('os');

const { commandPrefix } = require('./database');
const { measureExport } = require('./support/export-run');
const {
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
  loadAverage,
  engineVersion,
  writeResults,
  topUpCalls,
} = require('./support/harness');

const CALLS = Number(option('calls', '1000000'));
const RUNS = Number(option('runs', '3'));
const REUSE = flag('reuse');
const OUT = outFile('export');
const UID = 'plugin::call-history.call-record';
/** Calls are generated inside one export period: 30 days, within the 31 an export may span. */
const GENERATED = { from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z', seed: 42 };
const PERIOD = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };
const TZ = 'Asia/Shanghai';

/** Fills the database up to N calls, in a process of its own (--generate-only). */
const generate = async () => {
  await prepareDatabase({ prefix: 'export', calls: CALLS, reuse: true });
  const { strapi } = await bootStrapi();
  await topUpCalls(strapi, { calls: CALLS, generated: GENERATED, prefix: 'export' });
  await strapi.destroy();
};

const main = async () => {
  const described = await prepareDatabase({ prefix: 'export', calls: CALLS, reuse: REUSE });
  // The generation runs in a child process: the server measured starts with its own heap, not
  // one grown by a million generated rows.
  const generator = spawnSync(
    process.execPath,
    [__filename, ...args, '--reuse', '--generate-only'],
    {
      stdio: 'inherit',
    }
  );
  if (generator.status !== 0) throw new Error(`the generation exited with ${generator.status}`);
  const { strapi, port } = await bootStrapi();
  log(`Strapi up on port ${port} (${described})`);
  const total = await strapi.db
    .query(UID)
    .count({ where: { startTime: { $gte: new Date(PERIOD.from), $lt: new Date(PERIOD.to) } } });

  const { request, close } = requester();
  const token = await adminToken(request, port);

  // A warm-up export of one day: JIT and caches, not measured.
  await measureExport(port, token, {
    from: PERIOD.from,
    to: '2026-03-02T00:00:00+08:00',
    tz: TZ,
  });
  const runs = [];
  for (let run = 1; run <= RUNS; run += 1) {
    const load = loadAverage();
    const result = { ...(await measureExport(port, token, { ...PERIOD, tz: TZ })), load };
    runs.push(result);
    log(
      `export ${run}: ${result.rows.toLocaleString('en')} rows in ${result.seconds.toFixed(1)} s (${result.perSecond.toLocaleString('en')} rows/s, ${result.cpuSeconds.toFixed(1)} CPU s), server RSS ${result.baselineMb.toFixed(0)} → peak ${result.peakMb.toFixed(0)} MB (+${result.growthMb.toFixed(0)} MB, heap +${result.heapGrowthMb.toFixed(0)} MB), load ${load}`
    );
  }

  const engine = await engineVersion(strapi);
  const lines = [
    `# Call History CSV export benchmark (${ENGINE_NAME})`,
    '',
    `Command: \`${commandPrefix(CLIENT)}node --expose-gc tests/bench/export.js ${args.join(' ')}\` — run ${new Date().toISOString()}.`,
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM (shared with other jobs), Node ${process.version}, ${engine}, Strapi 4.26.2.`,
    `Data: ${total.toLocaleString('en')} calls in the exported period (the generator, tests/support/call-generator.js, seed ${GENERATED.seed}, over ${GENERATED.from.slice(0, 10)} – ${GENERATED.to.slice(0, 10)}, about 10 % with flow traces).`,
    '',
    `Each run exports the whole period (\`POST /call-history/calls/export\`, ${PERIOD.from} – ${PERIOD.to}, tz ${TZ}, numbers masked) after a warm-up export of one day. The client runs in a child process: the RSS is the Strapi process's alone, sampled every 20 ms; growth is its peak over its value just before the request${global.gc ? ' (after a GC)' : ''}. Target: growth ≤ 50 MB at ≥ 50,000 rows/s on SQLite.`,
    '',
    '"server CPU s": user + system CPU time of the Strapi process during the export, and the rows per CPU second: on a machine shared with other jobs, steadier than the wall time.',
    '',
    '| run | rows | seconds | rows/s | server CPU s | rows per CPU s | MB sent | server RSS before MB | peak MB | growth MB | of which V8 heap MB | load (1, 5, 15 min) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...runs.map(
      (entry, index) =>
        `| ${index + 1} | ${entry.rows.toLocaleString('en')} | ${entry.seconds.toFixed(1)} | ${entry.perSecond.toLocaleString('en')} | ${entry.cpuSeconds.toFixed(1)} | ${entry.perCpuSecond.toLocaleString('en')} | ${entry.mb.toFixed(1)} | ${entry.baselineMb.toFixed(0)} | ${entry.peakMb.toFixed(0)} | ${entry.growthMb.toFixed(0)} | ${entry.heapGrowthMb.toFixed(0)} | ${entry.load} |`
    ),
    '',
  ];
  writeResults(OUT, lines.join('\n'));
  close();
  await strapi.destroy();
};

(flag('generate-only') ? generate() : main()).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  }
);
