#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Call History search benchmark (docs/design.md#performance-targets): boots the host app (tests/app) on its own
 * database, fills it with N calls from the generator, logs in as an admin and measures over
 * real HTTP, like the admin panel:
 *   - per search shape, the page: its first page and its statistics in one request, as the
 *     Call History page asks a new search (POST /calls/page), beside the same two requested at
 *     once as the page asked them before (p50 / p95 of the slower of the two), and the search
 *     alone;
 *   - the fixed cost of a do-nothing admin route, and the page's floor: two of them at once;
 *   - page 50 through the cursor;
 *   - the same filters through Strapi's own Content Manager list, the baseline;
 *   - the CSV export of about 10,000 and 100,000 rows (rows/s, the server's RSS; a million:
 *     tests/bench/export.js);
 *   - the database's plan of every search shape.
 *
 *   npm run build && node tests/bench/search.js                 # 1,000,000 calls on SQLite
 *   node tests/bench/search.js --calls 100000 --iterations 30
 *   DATABASE_CLIENT=postgres DATABASE_PORT=55433 node tests/bench/search.js
 *   DATABASE_CLIENT=mysql DATABASE_PORT=3310 node tests/bench/search.js      # MariaDB/MySQL
 *   CALL_HISTORY_SQLITE_DAY_INDEXES=true node tests/bench/search.js --calls 10000000  # SQLite's day indexes
 *
 * Options: --calls N (default 1000000), --iterations N (default 50; the Content Manager gets a
 * fifth), --reuse (keep and reuse the database of an earlier run with the same N),
 * --out FILE (default tests/bench/results/search.md, or search-postgres.md on PostgreSQL,
 * search-mariadb.md on MariaDB/MySQL).
 */

const os = require('os');

const { commandPrefix } = require('./database');
const { measureExport } = require('./support/export-run');
const {
  CLIENT,
  ENGINE_NAME,
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
} = require('./support/harness');

// The baseline lists the calls in Strapi's Content Manager, where the plugin hides them unless
// the host shows them.
process.env.CALL_HISTORY_SHOW_IN_CONTENT_MANAGER =
  process.env.CALL_HISTORY_SHOW_IN_CONTENT_MANAGER || 'true';

const CALLS = Number(option('calls', '1000000'));
const ITERATIONS = Number(option('iterations', '50'));
const REUSE = flag('reuse');
const OUT = outFile('search');

const GENERATED = { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z', seed: 42 };
const UID = 'plugin::call-history.call-record';
/** The zone the page sends with every request: the viewer's (admin/src/utils/time.ts). */
const TZ = 'Asia/Shanghai';

// Two sockets: two requests go out together, as a browser sends them (the floor, the baseline).
const { request, close } = requester({ sockets: 2 });

/** A request that must answer 200; its answer. */
const expectOk = async (port, token, { method, path: url, body }) => {
  const answer = await request(port, method, url, { token, body });
  if (answer.status !== 200)
    throw new Error(`${method} ${url} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return answer;
};

/** A URL to GET, or `{ method, path, body }` (the plugin's searches are POSTs). */
const asTarget = (target) =>
  typeof target === 'string' ? { method: 'GET', path: target } : target;

/** p50 / p95 of `iterations` requests one after the other, after `warmups`. */
const measure = async (port, token, target, iterations, warmups = 5) => {
  const resolved = asTarget(target);
  for (let i = 0; i < Math.min(warmups, iterations); i += 1) await expectOk(port, token, resolved);
  const times = [];
  let last = null;
  for (let i = 0; i < iterations; i += 1) {
    last = await expectOk(port, token, resolved);
    times.push(last.ms);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), body: last ? last.text : '' };
};

/**
 * Two requests sent together, as the page sends its search and its statistics: p50 / p95 of
 * the slower of the two, i.e. of the time until both have answered.
 */
const measurePair = async (port, token, first, second, iterations, warmups = 5) => {
  const both = () =>
    Promise.all([expectOk(port, token, asTarget(first)), expectOk(port, token, asTarget(second))]);
  for (let i = 0; i < Math.min(warmups, iterations); i += 1) await both();
  const times = [];
  for (let i = 0; i < iterations; i += 1) {
    const answers = await both();
    times.push(Math.max(answers[0].ms, answers[1].ms));
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
};

/** The Call History search: its filters travel in a POST body, like the admin panel sends them. */
const search = (body) => ({ method: 'POST', path: '/call-history/calls/search', body });
/** The page's statistics (chart and per-access-code card), for the same filters. */
const stats = (body) => ({ method: 'POST', path: '/call-history/calls/stats', body });
/** The same page in one request: its first page and its statistics in one answer. */
const wholePage = (body) => ({ method: 'POST', path: '/call-history/calls/page', body });
/** The bodies the page sends for these filters: its search (page 1) and its statistics. */
const pageBodies = (filters) => ({
  search: { ...filters, tz: TZ, pageSize: 20 },
  stats: { ...filters, tz: TZ },
});

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
  const described = await prepareDatabase({ prefix: 'bench', calls: CALLS, reuse: REUSE });
  const bootStarted = Date.now();
  const { strapi, port } = await bootStrapi();
  log(`Strapi up on port ${port} in ${Date.now() - bootStarted} ms (${described})`);

  const generation = await topUpCalls(strapi, {
    calls: CALLS,
    generated: GENERATED,
    prefix: 'bench',
  });
  const total = await strapi.db.query(UID).count();

  // Logged in after the generation: an idle keep-alive socket would have been closed meanwhile.
  const token = await adminToken(request, port);

  // The filters: a day and a month inside the generated period, a caller of that month.
  const day = { from: '2026-03-10T00:00:00+08:00', to: '2026-03-11T00:00:00+08:00' };
  // A day after the generated period: no call, while every month's calls are in each range.
  const emptyDay = { from: '2026-08-10T00:00:00+08:00', to: '2026-08-11T00:00:00+08:00' };
  const month = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };
  // 31 days of which only the last 5 hold calls: a broad range's calls mostly fall outside it.
  const mostlyBefore = { from: '2025-12-06T00:00:00+08:00', to: '2026-01-06T00:00:00+08:00' };
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
    {
      name: '31 days mostly before the calls + broad prefix',
      filters: { ...mostlyBefore, callingNumber: '138*' },
      target: 25,
    },
    { name: '31 days + access code', filters: { ...month, accessCode: '1001' }, target: 25 },
  ];

  // Warm-up of the whole process (JIT, caches, the garbage of the generation), then the fixed
  // cost of any admin route: JWT, admin user and RBAC check, one tiny query.
  for (let i = 0; i < 100; i += 1) {
    await request(port, 'POST', '/call-history/calls/search', { token, body: i % 2 ? day : month });
  }
  // The fixed cost of a do-nothing admin route, for two candidates; the cheaper one, requested
  // twice at once, is the page's floor: the page asks two routes at once of one Node process.
  const idle = [];
  for (const url of ['/call-history/settings', '/admin/users/me']) {
    idle.push({ url, ...(await measure(port, token, url, ITERATIONS)) });
    log(
      `fixed cost (GET ${url}): p50 ${idle[idle.length - 1].p50.toFixed(1)} ms p95 ${idle[idle.length - 1].p95.toFixed(1)} ms`
    );
  }
  const fixed = idle.reduce((best, entry) => (entry.p50 < best.p50 ? entry : best));
  const floor = {
    url: fixed.url,
    ...(await measurePair(port, token, fixed.url, fixed.url, ITERATIONS)),
  };
  log(
    `floor (two GET ${floor.url} at once): p50 ${floor.p50.toFixed(1)} ms p95 ${floor.p95.toFixed(1)} ms`
  );
  const loadAtStart = loadAverage();

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
  /** p50 of `call` in process, after 5 warm-ups: what the plugin itself costs, without HTTP and admin auth. */
  const p50InProcess = async (call) => {
    for (let i = 0; i < 5; i += 1) await call();
    const times = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      const started = process.hrtime.bigint();
      await call();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return percentile(times, 50);
  };
  const inProcess = (filters, cursor = null) =>
    p50InProcess(() =>
      service.search({
        ...asFilters(filters),
        sort: 'startTime:desc',
        pageSize: 20,
        cursor,
        tz: 'UTC',
      })
    );
  /** The page's statistics in process, in the zone the panel sends. */
  const statsInProcess = (filters) =>
    p50InProcess(() => service.stats({ ...asFilters(filters), tz: TZ }));

  const rows = [];
  const cmIterations = Math.max(5, Math.round(ITERATIONS / 5));
  for (const scenario of scenarios) {
    const bodies = pageBodies(scenario.filters);
    const plugin = await measure(port, token, search(bodies.search), ITERATIONS);
    // The page as the panel asks a new search: one request for the first page and its
    // statistics; and as it asked before POST /calls/page, two at once, the baseline.
    const page = await measure(port, token, wholePage(bodies.search), ITERATIONS);
    const pair = await measurePair(
      port,
      token,
      search(bodies.search),
      stats(bodies.stats),
      ITERATIONS
    );
    const parsed = JSON.parse(plugin.body);
    const cm = await measure(port, token, contentManagerUrl(scenario.filters), cmIterations);
    const cmTotal = JSON.parse(cm.body).pagination.total;
    rows.push({
      ...scenario,
      plugin,
      page,
      pair,
      cm,
      service50: await inProcess(scenario.filters),
      stats50: await statsInProcess(scenario.filters),
      matches: `${parsed.pagination.total}${parsed.pagination.totalIsCapped ? '+' : ''} (CM: ${cmTotal})`,
    });
    log(
      `${scenario.name}: page p50 ${page.p50.toFixed(1)} ms p95 ${page.p95.toFixed(1)} ms | two requests p50 ${pair.p50.toFixed(1)} ms p95 ${pair.p95.toFixed(1)} ms | search p50 ${plugin.p50.toFixed(1)} ms p95 ${plugin.p95.toFixed(1)} ms | Content Manager p50 ${cm.p50.toFixed(1)} ms p95 ${cm.p95.toFixed(1)} ms`
    );
  }

  // Page 50 of the month, through the cursor of page 49 (the panel's "next" 49 times).
  let cursor = null;
  for (let page = 1; page < 50; page += 1) {
    const answer = await request(port, 'POST', '/call-history/calls/search', {
      token,
      body: { ...pageBodies(month).search, ...(cursor ? { cursor } : {}) },
    });
    cursor = JSON.parse(answer.text).pagination.nextCursor;
  }
  const page50 = await measure(
    port,
    token,
    search({ ...pageBodies(month).search, cursor }),
    ITERATIONS
  );
  const cm50 = await measure(port, token, contentManagerUrl(month, 50), cmIterations);
  rows.push({
    name: '31 days, page 50 via cursor',
    filters: month,
    target: 15,
    plugin: page50,
    // "Next" asks the search alone: the statistics of the filters are already on the page.
    page: null,
    pair: null,
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
    const result = await measureExport(port, token, {
      from: from.toISOString(),
      to: exportTo.toISOString(),
      tz: TZ,
    });
    exports.push({ label, ...result });
    log(
      `export ${label}: ${result.rows.toLocaleString('en')} rows in ${result.seconds.toFixed(2)} s (${result.perSecond.toLocaleString('en')} rows/s), server RSS ${result.baselineMb.toFixed(0)} → peak ${result.peakMb.toFixed(0)} MB`
    );
  }

  // The Content Manager on Strapi alone: without the plugin's search indexes (dropped for this
  // measurement, then rebuilt exactly as at boot).
  const { INDEXES, ensureIndexes } = require('../../dist/server/src/database/indexes');
  const { dropIndexes } = require('../support/call-generator');
  // --no-bare: at 10^7 calls the table without indexes answers in seconds, and rebuilding them
  // takes minutes; the baseline that matters is the Content Manager with them, measured above.
  const bare = !flag('no-bare');
  const searchIndexes = INDEXES.filter((index) => index.uid === UID && !index.unique);
  const bareIterations = Math.max(3, Math.round(ITERATIONS / 10));
  if (bare) {
    await dropIndexes(
      strapi.db.connection,
      CLIENT,
      strapi.db.metadata.get(UID).tableName,
      searchIndexes
    );
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
  }

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
        body: { ...pageBodies(month).search, cursor },
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

  const engine = await engineVersion(strapi);
  const fmt = (value) => value.toFixed(1);
  const ratio = (cm, plugin) => `${(cm / plugin).toFixed(0)}×`;
  /** ✓ or ✗ for the target, and the p95 over the floor's. */
  const withinFloor = (timing) =>
    `${timing.p95 <= 1.5 * floor.p95 ? '✓' : '✗'} ${(timing.p95 / floor.p95).toFixed(2)}×`;
  const lines = [
    `# Call History search benchmark (${ENGINE_NAME})`,
    '',
    `Command: \`${commandPrefix(CLIENT)}${process.env.CALL_HISTORY_SQLITE_DAY_INDEXES ? `CALL_HISTORY_SQLITE_DAY_INDEXES=${process.env.CALL_HISTORY_SQLITE_DAY_INDEXES} ` : ''}node tests/bench/search.js --calls ${CALLS}${ITERATIONS !== 50 ? ` --iterations ${ITERATIONS}` : ''}\` — run ${new Date().toISOString()}.`,
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM (shared with other jobs), Node ${process.version}, ${engine}, Strapi 4.26.2.`,
    `Data: ${total.toLocaleString('en')} calls from the generator (tests/support/call-generator.js, seed ${GENERATED.seed}) over ${GENERATED.from.slice(0, 10)} – ${GENERATED.to.slice(0, 10)}, about 10 % with flow traces.`,
    generation
      ? `Generation: ${generation.stored.toLocaleString('en')} calls in ${generation.seconds.toFixed(1)} s (${generation.perSecond.toLocaleString('en')} calls/s, multi-row INSERTs in transactions of 50,000, every row through the plugin's recording decision).`
      : 'Generation: reused the database of an earlier run (--reuse).',
    ...(CLIENT === 'sqlite'
      ? [
          `Day indexes (plugin config \`sqliteDayIndexes\`, env CALL_HISTORY_SQLITE_DAY_INDEXES): ${strapi.config.get('plugin.call-history').sqliteDayIndexes ? 'on' : 'off'}.`,
        ]
      : []),
    '',
    `Latency over HTTP (keep-alive, admin JWT, client in the same process), ${ITERATIONS} requests (or pairs) per plugin route after 5 warm-ups, ${cmIterations} per Content Manager route. pageSize 20, newest first. Period filters are in +08:00.`,
    '',
    '"service alone": the same search called in process (`service.search`), without HTTP, JWT and RBAC: what the plugin itself costs. "stats service alone": the page\'s statistics the same way (`service.stats`, tz ' +
      TZ +
      ').',
    '',
    `Load average (1, 5, 15 min) when the measurements started: ${loadAtStart}; when they ended: ${loadAverage()}.`,
    '',
    `Fixed cost of a do-nothing admin route (admin JWT, user and RBAC check, one tiny query): ${idle.map((entry) => `\`GET ${entry.url}\` p50 ${fmt(entry.p50)} ms, p95 ${fmt(entry.p95)} ms`).join('; ')}. The cheaper, \`GET ${floor.url}\`, gives the floor.`,
    '',
    `**Page**: what the Call History page asks for a new search, its first page and its statistics in one request (\`POST /call-history/calls/page\`, the search's body, tz ${TZ} as the panel sends it), one request at a time. **Floor**: two \`GET ${floor.url}\` at once, on two keep-alive sockets, as the issue defines it (the page asked two routes at once): p50 ${fmt(floor.p50)} ms, p95 ${fmt(floor.p95)} ms. Target: page p95 ≤ 1.5 × floor p95 = ${fmt(1.5 * floor.p95)} ms. Beside it, the page's p95 over one do-nothing route's (\`GET ${fixed.url}\`, p95 ${fmt(fixed.p95)} ms), the stricter floor of one request.`,
    '',
    `**Two requests**, the baseline: the page as it asked before \`POST /calls/page\`, its search (\`POST /call-history/calls/search\`, page 1) and its statistics (\`POST /call-history/calls/stats\`) at once on the two sockets; p50 / p95 of the slower of the two, against the same floor.`,
    '',
    "Baselines: Strapi's Content Manager list of the same filters, page and sort, on the same database (so it benefits from the plugin's indexes too), and on the table as Strapi alone leaves it (all four of the plugin's search indexes dropped: period, number, reversed number and access code; the unique callId index kept; " +
      bareIterations +
      ' requests each after one warm-up).',
    '',
    "| search | matches (plugin total, cap 10,000) | page p50 ms | page p95 ms | page p95 ≤ 1.5 × floor p95 | page p95 / one route p95 | two requests p50 ms | two requests p95 ms | two requests p95 ≤ 1.5 × floor p95 | search alone p50 ms | search alone p95 ms | search target p95 | service alone p50 ms | stats service alone p50 ms | CM p50 ms | CM p95 ms | CM / search (p50) | CM without the plugin's indexes, p50 ms | ratio |",
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.name}${row.filters.callingNumber ? ` (\`${row.filters.callingNumber}\`)` : ''}${row.filters.accessCode ? ` (\`${row.filters.accessCode}\`)` : ''} | ${row.matches} | ${row.page ? fmt(row.page.p50) : '–'} | ${row.page ? fmt(row.page.p95) : '–'} | ${row.page ? withinFloor(row.page) : '–'} | ${row.page ? `${(row.page.p95 / fixed.p95).toFixed(2)}×` : '–'} | ${row.pair ? fmt(row.pair.p50) : '–'} | ${row.pair ? fmt(row.pair.p95) : '–'} | ${row.pair ? withinFloor(row.pair) : '–'} | ${fmt(row.plugin.p50)} | ${fmt(row.plugin.p95)} | ${row.plugin.p95 <= row.target ? '✓' : '✗'} ≤ ${row.target} | ${fmt(row.service50)} | ${row.stats50 === undefined ? '–' : fmt(row.stats50)} | ${fmt(row.cm.p50)} | ${fmt(row.cm.p95)} | ${ratio(row.cm.p50, row.plugin.p50)} | ${row.bare ? fmt(row.bare.p50) : 'not run (--no-bare)'} | ${row.bare ? ratio(row.bare.p50, row.plugin.p50) : '–'} |`
    ),
    '',
    `CSV export (\`POST /call-history/calls/export\`, tz ${TZ}); the client in a child process, so the RSS is the Strapi process's alone. A million rows: \`tests/bench/export.js\` (results in export.md).`,
    '',
    '| export | rows | seconds | rows/s | server CPU s | MB sent | server RSS before MB | peak MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...exports.map(
      (entry) =>
        `| ${entry.label} | ${entry.rows.toLocaleString('en')} | ${entry.seconds.toFixed(2)} | ${entry.perSecond.toLocaleString('en')} | ${entry.cpuSeconds.toFixed(1)} | ${entry.mb.toFixed(1)} | ${entry.baselineMb.toFixed(0)} | ${entry.peakMb.toFixed(0)} |`
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
  writeResults(OUT, `${lines.join('\n')}\n`);
  for (const plan of plans) log(`plan ${plan.name}:\n  ${plan.lines.join('\n  ')}`);

  close();
  await strapi.destroy();
};

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  }
);
