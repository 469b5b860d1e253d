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
 * purge-postgres.md on PostgreSQL, purge-mariadb.md on MariaDB/MySQL).
 */

const os = require('os');

const {
  ENGINE_NAME,
  args,
  option,
  outFile,
  log,
  prepareDatabase,
  bootStrapi,
  requester,
  adminToken,
  percentile,
  writeResults,
} = require('./support/harness');

const CALLS = Number(option('calls', '1000000'));
const BASELINE_SECONDS = Number(option('baseline-seconds', '30'));
const OUT = outFile('purge');
const BATCH = 1000;
const DAY_MS = 86_400_000;
/** Calls older than this many days are expired. */
const RETENTION_DAYS = 200;

// The host app's cron stays off: the benchmark starts the purge itself, once.
process.env.CALL_HISTORY_PURGE_CRON = process.env.CALL_HISTORY_PURGE_CRON || 'false';

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
  // One request per client on its own keep-alive connection: the two clients never queue.
  const ingestRequest = requester().request;
  const searchRequest = requester().request;
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
  const described = await prepareDatabase({ prefix: 'purge', calls: CALLS });
  const { generateCalls, ensureDemoBots } = require('../support/call-generator');
  const { strapi, port } = await bootStrapi();
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

  const adminJwt = await adminToken(requester().request, port);
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
  const clients = { apiToken, adminToken: adminJwt, searchBody };

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
  const report = `# Retention purge benchmark (${ENGINE_NAME})

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
  log(report);
  writeResults(OUT, report);
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
