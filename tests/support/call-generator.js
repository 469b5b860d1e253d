// @ts-check
'use strict';

/**
 * Realistic calls, written straight through knex in multi-row INSERTs inside transactions, for
 * the demo, the tests and the benchmarks. Each call goes through the plugin's own pure decision
 * (dist/server/src/domain/call-policy: evaluateCall + storedFields) against the current flags and
 * robots / IVR flows, exactly like every write path: a call the flags refuse is not written,
 * a flow trace they do not keep is stripped, every row carries its recordingDecision snapshot,
 * its callingNumberReversed and its flowSteps. Build the server first (`npm run build`).
 *
 *   const { generateCalls } = require('./tests/support/call-generator');
 *   await generateCalls(strapi, { count: 1_000_000, from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z', seed: 7 });
 */

const path = require('path');

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'server', 'src', 'domain');
/** @type {{ evaluateCall: Function, storedFields: Function }} */
const { evaluateCall, storedFields } = require(path.join(DIST, 'call-policy'));
/** @type {{ INDEXES: Array<{ name: string, uid: string, unique?: boolean }>, ensureIndexes: Function }} */
const { INDEXES, ensureIndexes } = require(path.join(DIST, '..', 'database', 'indexes'));
const callRecordSchema = require(
  path.join(DIST, '..', 'content-types', 'call-record', 'schema')
).default;

const UID = {
  callRecord: 'plugin::call-history.call-record',
  chatbot: 'plugin::call-history.chatbot',
  ivrFlow: 'plugin::call-history.ivr-flow',
};

/** Deterministic PRNG (mulberry32): the same seed gives the same calls. */
const prng = (seed) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const MOBILE_PREFIXES = [
  '138',
  '139',
  '135',
  '136',
  '137',
  '150',
  '151',
  '158',
  '186',
  '188',
  '177',
  '199',
];
const LANDLINE_PREFIXES = ['010', '021', '020', '0755', '0571'];
const END_REASONS = [
  ['USER_HANGUP', 0.62],
  ['BOT_HANGUP', 0.18],
  ['TRANSFER', 0.14],
  ['TIMEOUT', 0.04],
  ['SYSTEM_ERROR', 0.02],
];
const NODE_TYPES = ['menu', 'intent', 'reply', 'collect', 'api_call', 'condition'];

/** @param {() => number} random @param {number} digits */
const digits = (random, count) => {
  let out = '';
  for (let i = 0; i < count; i += 1) out += Math.floor(random() * 10);
  return out;
};

/** A plausible caller: mostly Chinese mobiles (+86 or not), some landlines, a few foreign. */
const makeNumber = (random) => {
  const kind = random();
  if (kind < 0.55)
    return `1${MOBILE_PREFIXES[Math.floor(random() * MOBILE_PREFIXES.length)].slice(1)}${digits(random, 8)}`;
  if (kind < 0.8)
    return `+861${MOBILE_PREFIXES[Math.floor(random() * MOBILE_PREFIXES.length)].slice(1)}${digits(random, 8)}`;
  if (kind < 0.95) {
    const area = LANDLINE_PREFIXES[Math.floor(random() * LANDLINE_PREFIXES.length)];
    return `${area}${digits(random, 11 - area.length + 1)}`;
  }
  return `+${['44', '1', '65', '81'][Math.floor(random() * 4)]}${digits(random, 9)}`;
};

const pick = (random, weighted) => {
  let roll = random();
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return weighted[weighted.length - 1][0];
};

/** A flow trace inside the call; sometimes a sys_err logged after the hang-up (docs/design.md#benign-sys_err-after-the-hang-up). */
const makeTrace = (random, start, end, sysErrAfterHangup) => {
  const steps = 4 + Math.floor(random() * 7);
  const span = Math.max(1000, end - start);
  const trace = [];
  for (let seq = 1; seq <= steps; seq += 1) {
    const at = start + Math.floor(((seq - 1) / steps) * span);
    const nodeType =
      seq === 1
        ? 'start'
        : seq === steps
          ? 'end'
          : NODE_TYPES[Math.floor(random() * NODE_TYPES.length)];
    trace.push({
      seq,
      at: new Date(at).toISOString(),
      nodeId: `node-${seq}-${nodeType}`,
      nodeName: `${nodeType[0].toUpperCase()}${nodeType.slice(1)} ${seq}`,
      nodeType,
      ...(nodeType === 'collect' || nodeType === 'intent'
        ? { userInput: random() < 0.5 ? '1' : 'balance enquiry' }
        : {}),
      ...(nodeType === 'reply' || nodeType === 'menu'
        ? { botReply: 'Please press 1 for billing, 2 for support.' }
        : {}),
      resultCode: 'OK',
      durationMs: Math.floor(span / steps),
    });
  }
  if (sysErrAfterHangup) {
    trace.push({
      seq: steps + 1,
      at: new Date(end + 200 + Math.floor(random() * 2800)).toISOString(),
      nodeId: 'sys-err',
      nodeName: 'System error',
      nodeType: 'sys_err',
      resultCode: 'CHANNEL_CLOSED',
      durationMs: 0,
    });
  }
  return trace;
};

const toBot = (kind) => (row) => ({
  kind,
  id: row.id,
  name: row.name,
  accessCode: row.accessCode,
  historicalCallRecord: Boolean(row.historicalCallRecord),
  flowCallRecording: Boolean(row.flowCallRecording),
});

/**
 * The dialect of Strapi's client name, as server/src/database/dialect.ts reads it: MySQL and
 * MariaDB are both `mysql`. Any other client stops the generator rather than getting SQLite's SQL.
 * @param {string} client
 * @returns {'sqlite' | 'postgres' | 'mysql'}
 */
const dialectOf = (client) => {
  if (client === 'sqlite' || client === 'postgres' || client === 'mysql') return client;
  throw new Error(`generateCalls: unsupported database client "${client}"`);
};

/**
 * Drops the plugin's `indexes` on `table` where they exist. SQLite and PostgreSQL name an index
 * in the schema; MySQL and MariaDB within its table, and MySQL 8 has no `DROP INDEX IF EXISTS`.
 * @param {any} knex
 * @param {'sqlite' | 'postgres' | 'mysql'} dialect
 * @param {string} table
 * @param {Array<{ name: string }>} indexes
 */
const dropIndexes = async (knex, dialect, table, indexes) => {
  if (dialect !== 'mysql') {
    for (const index of indexes) await knex.raw('DROP INDEX IF EXISTS ??', [index.name]);
    return;
  }
  const [rows] = await knex.raw(
    `SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`,
    [table]
  );
  const existing = new Set(rows.map((/** @type {{ name: string }} */ row) => row.name));
  for (const index of indexes.filter((candidate) => existing.has(candidate.name)))
    await knex.raw('DROP INDEX ?? ON ??', [index.name, table]);
};

/** The most bound variables one SQLite statement takes: 32766 since 3.32, 999 before. */
const sqliteVariableLimit = async (knex) => {
  const rows = await knex.raw('select sqlite_version() as version');
  const [major, minor] = String(rows[0].version).split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 32) ? 32766 : 999;
};

/**
 * Writes up to `count` calls (those the current flags record) with start times spread over
 * [from, to), returns the numbers stored and refused.
 *
 * @param {any} strapi a loaded Strapi instance with the plugin
 * @param {{ count: number, from: string | Date, to: string | Date, seed?: number,
 *   callIdPrefix?: string, traceRatio?: number, sysErrRatio?: number, unknownRatio?: number,
 *   numberPool?: number, accessCodes?: string[], batchRows?: number, rowsPerTransaction?: number,
 *   deferIndexes?: boolean,
 *   onProgress?: (written: number) => void }} options
 * @returns {Promise<{ stored: number, notRecorded: number, flowRecorded: number, numbers: string[] }>}
 */
const generateCalls = async (strapi, options) => {
  const {
    count,
    seed = 1,
    callIdPrefix = `gen${seed}`,
    traceRatio = 0.1,
    sysErrRatio = 0.25,
    unknownRatio = 0.1,
    rowsPerTransaction = 50_000,
  } = options;
  const from = new Date(options.from).getTime();
  const to = new Date(options.to).getTime();
  if (!(to > from)) throw new Error('generateCalls: to must be after from');
  const random = prng(seed);
  const db = strapi.db;
  const knex = db.connection;
  const meta = db.metadata.get(UID.callRecord);
  const columnOf = (attribute) =>
    (meta.attributes[attribute] && meta.attributes[attribute].columnName) || attribute;

  const flags = await strapi.plugin('call-history').service('settings').get();
  const bots = [
    ...(await db.query(UID.chatbot).findMany({})).map(toBot('INTELLIGENT_ROBOT')),
    ...(await db.query(UID.ivrFlow).findMany({})).map(toBot('COMMON_IVR')),
  ];
  const owners = new Map(bots.map((bot) => [bot.accessCode, bot]));
  const unknownCodes = ['9999', '8000', '7777'];
  const accessCodes = options.accessCodes ?? bots.map((bot) => bot.accessCode);
  const numbers = Array.from(
    { length: options.numberPool ?? Math.max(50, Math.ceil(count / 20)) },
    () => makeNumber(random)
  );

  // The plugin's own attributes: a developer's extension attributes keep their defaults (null).
  const attributes = [...Object.keys(callRecordSchema.attributes), 'createdAt', 'updatedAt'];
  const columns = attributes.map(columnOf);
  const dialect = dialectOf(db.dialect.client);
  const isSqlite = dialect === 'sqlite';
  // MySQL and MariaDB: 65535 placeholders in a prepared statement (mysql2's query() binds on
  // the client, but the bound keeps one batch size valid on either path).
  const limit = isSqlite ? await sqliteVariableLimit(knex) : 65535;
  // DATETIME has no zone, and mysql2 would write a Date in this process's zone: the plugin's
  // calls are stored in UTC (docs/design.md#databases), so the generator writes UTC text.
  const toDatetime =
    dialect === 'mysql'
      ? (/** @type {Date} */ date) => date.toISOString().slice(0, 23).replace('T', ' ')
      : (/** @type {Date} */ date) => date;
  const batchRows = Math.min(options.batchRows ?? 2000, Math.floor(limit / columns.length));
  const rowSql = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ?? (${columns.map(() => '??').join(', ')}) VALUES `;
  const now = new Date();

  let stored = 0;
  let notRecorded = 0;
  let flowRecorded = 0;
  const step = (to - from) / count;

  /** The call at position i, as the platform would send it. */
  const makeCall = (i) => {
    const known = accessCodes.length > 0 && random() >= unknownRatio;
    const accessCode = known
      ? accessCodes[Math.floor(random() * accessCodes.length)]
      : unknownCodes[Math.floor(random() * unknownCodes.length)];
    // Whole seconds, like call platforms log them: ties on startTime are common.
    const start = Math.floor((from + (i + random()) * step) / 1000) * 1000;
    const duration = 5 + Math.floor(-Math.log(1 - random()) * 90);
    const end = Math.min(start + duration * 1000, to + 3_600_000);
    const withTrace = random() < traceRatio;
    return {
      callId: `${callIdPrefix}-${String(i).padStart(9, '0')}`,
      callingNumber: numbers[Math.floor(random() * numbers.length)],
      calledNumber: random() < 0.7 ? `400${digits(random, 7)}` : null,
      accessCode,
      botKind: owners.has(accessCode)
        ? undefined
        : random() < 0.5
          ? 'INTELLIGENT_ROBOT'
          : 'COMMON_IVR',
      startTime: new Date(start).toISOString(),
      endTime: new Date(end).toISOString(),
      endReason: pick(random, END_REASONS),
      flowTrace: withTrace ? makeTrace(random, start, end, random() < sysErrRatio) : null,
    };
  };

  // A large load builds the plugin's search indexes once at the end (a sort) instead of
  // updating them row by row; the unique callId index stays, so duplicates still fail.
  const deferIndexes = options.deferIndexes ?? count >= 100_000;
  const deferred = INDEXES.filter((index) => index.uid === UID.callRecord && !index.unique);
  if (deferIndexes) await dropIndexes(knex, dialect, meta.tableName, deferred);

  // Two of the search indexes (number, reversed number) take rows in random order: a page cache
  // big enough to hold them turns most of their writes into memory writes. Restored at the end.
  const previousCache = isSqlite ? (await knex.raw('PRAGMA cache_size'))[0].cache_size : null;
  if (isSqlite) await knex.raw('PRAGMA cache_size = -262144');

  let i = 0;
  while (i < count) {
    const transactionEnd = Math.min(count, i + rowsPerTransaction);
    await knex.transaction(async (trx) => {
      while (i < transactionEnd) {
        const batchEnd = Math.min(transactionEnd, i + batchRows);
        const bindings = [];
        let rows = 0;
        for (; i < batchEnd; i += 1) {
          const call = makeCall(i);
          const evaluation = evaluateCall(call, { flags, owners });
          if (evaluation.outcome !== 'record') {
            notRecorded += 1;
            continue;
          }
          const row = { ...call, ...storedFields(call, evaluation.decision) };
          if (row.flowTrace) flowRecorded += 1;
          bindings.push(
            row.callId,
            row.callingNumber,
            row.calledNumber ?? null,
            row.accessCode,
            row.botKind ?? null,
            row.botName ?? null,
            toDatetime(new Date(row.startTime)),
            toDatetime(new Date(row.endTime)),
            row.durationSeconds ?? null,
            row.endReason ?? null,
            row.flowTrace ? JSON.stringify(row.flowTrace) : null,
            JSON.stringify(row.recordingDecision),
            row.callingNumberReversed,
            row.flowSteps ?? null,
            // heldAt, holdReason: a generated call is not under legal hold.
            null,
            null,
            toDatetime(now),
            toDatetime(now)
          );
          rows += 1;
        }
        if (rows > 0) {
          const sql = head + Array(rows).fill(rowSql).join(', ');
          await trx.raw(sql, [meta.tableName, ...columns, ...bindings]);
          stored += rows;
        }
      }
    });
    if (options.onProgress) options.onProgress(i);
  }
  if (deferIndexes) await ensureIndexes(strapi, deferred);
  switch (dialect) {
    case 'sqlite':
      await knex.raw(`PRAGMA cache_size = ${Number(previousCache)}`);
      break;
    case 'postgres':
      // After a bulk load: planner statistics, and the visibility map that lets the capped
      // counts be index-only scans, as autovacuum would leave them soon after.
      await knex.raw('VACUUM (ANALYZE) ??', [meta.tableName]);
      break;
    case 'mysql':
      // InnoDB samples its statistics by itself after enough changes, but only in the
      // background: the first searches after the load would be planned on the empty table's.
      await knex.raw('ANALYZE TABLE ??', [meta.tableName]);
      break;
  }
  return { stored, notRecorded, flowRecorded, numbers };
};

/** Demo robots and IVR flows, created through the Query Engine (lifecycles apply) when missing. */
const ensureDemoBots = async (strapi) => {
  const bots = [
    [
      UID.chatbot,
      {
        name: 'Billing assistant',
        accessCode: '1001',
        historicalCallRecord: true,
        flowCallRecording: true,
      },
    ],
    [
      UID.chatbot,
      {
        name: 'Card services',
        accessCode: '1002',
        historicalCallRecord: true,
        flowCallRecording: false,
      },
    ],
    [
      UID.chatbot,
      {
        name: 'Roaming helper',
        accessCode: '1003',
        historicalCallRecord: false,
        flowCallRecording: false,
      },
    ],
    [
      UID.ivrFlow,
      {
        name: 'Main menu',
        accessCode: '2001',
        historicalCallRecord: true,
        flowCallRecording: true,
      },
    ],
    [
      UID.ivrFlow,
      {
        name: 'After-hours',
        accessCode: '2002',
        historicalCallRecord: true,
        flowCallRecording: false,
      },
    ],
  ];
  for (const [uid, data] of bots) {
    const existing = await strapi.db.query(uid).findOne({ where: { accessCode: data.accessCode } });
    if (!existing) await strapi.db.query(uid).create({ data });
  }
};

module.exports = { generateCalls, ensureDemoBots, dropIndexes, prng };
