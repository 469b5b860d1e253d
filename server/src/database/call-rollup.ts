import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { UID } from '../constants';
import { DAY_MS } from '../domain/day-buckets';
import { LEVEL_MS, ROLLUP_LEVELS, type RollupLevel } from '../domain/rollup-levels';
import { getDb } from '../utils/strapi';

import { mysqlBucketOf, mysqlLocalDayOf } from './bucket-sql';
import { type Dialect, dialectOf } from './dialect';
import { columnOf, tableOf } from './metadata';
import { mysqlRows, quoteMysqlIdentifier, withMysqlSetupLock } from './mysql-setup';
import { rawRows } from './raw-rows';

/**
 * The statistics rollup's upkeep (docs/design.md#statistics-rollup): triggers on the call table
 * add and remove counts in the transaction of the write itself, whatever wrote it (the batch
 * ingest, the Query Engine, the deletion service, raw SQL), so the rollup cannot drift from the
 * calls. Created if missing on every boot, as the access-code guards are (SQLite drops a
 * table's triggers whenever a schema change makes knex rebuild it). Each write updates both
 * levels, 15-minute and hourly (domain/rollup-levels.ts), in the same statement: the quarter
 * level's rows first, then the hour level's, the order every writer locks them in.
 *
 * Every change is an upsert that adds (`calls = calls + n`, n < 0 for a removal), never a
 * read-modify-write, so concurrent writers on PostgreSQL stay exact. PostgreSQL's triggers run
 * once per statement over its transition table: one grouped upsert per 1,000-call batch, its
 * keys in sorted order so that two batches lock the same rollup rows in the same order.
 * SQLite's run per row, in-process, where a row trigger is cheap.
 */

/** One level's table and columns: both levels have the same attributes. */
export interface RollupTable {
  table: string;
  bucketStart: string;
  accessCode: string;
  botKind: string;
  count: string;
}

export interface RollupNames {
  calls: string;
  id: string;
  startTime: string;
  accessCode: string;
  botKind: string;
  levels: Record<RollupLevel, RollupTable>;
}

const LEVEL_UID: Record<RollupLevel, typeof UID.callRollup | typeof UID.callRollupHour> = {
  quarter: UID.callRollup,
  hour: UID.callRollupHour,
};

const rollupTableOf = (strapi: Strapi, level: RollupLevel): RollupTable => {
  const uid = LEVEL_UID[level];
  return {
    table: tableOf(strapi, uid),
    bucketStart: columnOf(strapi, uid, 'bucketStart'),
    accessCode: columnOf(strapi, uid, 'accessCode'),
    botKind: columnOf(strapi, uid, 'botKind'),
    count: columnOf(strapi, uid, 'calls'),
  };
};

export const rollupNames = (strapi: Strapi): RollupNames => ({
  calls: tableOf(strapi, UID.callRecord),
  id: columnOf(strapi, UID.callRecord, 'id'),
  startTime: columnOf(strapi, UID.callRecord, 'startTime'),
  accessCode: columnOf(strapi, UID.callRecord, 'accessCode'),
  botKind: columnOf(strapi, UID.callRecord, 'botKind'),
  levels: { quarter: rollupTableOf(strapi, 'quarter'), hour: rollupTableOf(strapi, 'hour') },
});

/** The levels' tables in the order every writer locks their rows in (domain/rollup-levels.ts). */
export const rollupTables = (n: RollupNames): RollupTable[] =>
  ROLLUP_LEVELS.map((level) => n.levels[level]);

/** Trigger bodies and function bodies take no bindings: identifiers are quoted here. */
export const quoteIdentifier = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const q = quoteIdentifier;
const mq = quoteMysqlIdentifier;
const quoteFor = (dialect: Dialect) => (dialect === 'mysql' ? mq : q);

/**
 * The bucket of a stored start time, in the column's own representation: epoch milliseconds on
 * SQLite, a timestamp on PostgreSQL, a DATETIME on MySQL/MariaDB (the same UTC grid each time;
 * database/bucket-sql.ts says why MySQL's is arithmetic from a DATETIME epoch). A bucket start
 * is in that representation too, so the hour of a quarter bucket is `bucketOf(…, 'hour')` of it.
 */
export const bucketOf = (
  dialect: Dialect,
  startTime: string,
  level: RollupLevel = 'quarter'
): string => {
  switch (dialect) {
    case 'postgres':
      return level === 'hour'
        ? `date_trunc('hour', ${startTime})`
        : `date_trunc('hour', ${startTime}) + floor(extract(minute from ${startTime}) / 15) * interval '15 minutes'`;
    case 'mysql':
      return mysqlBucketOf(startTime, LEVEL_MS[level]);
    case 'sqlite':
      return `(${startTime} / ${LEVEL_MS[level]}) * ${LEVEL_MS[level]}`;
  }
};

/**
 * The first instant of a stored start time's local day, in the column's own representation, for
 * a zone whose days all start `shiftMs` after UTC midnight (domain/day-buckets.ts,
 * fixedDayShift): a whole number of seconds, written into the statement, never user text.
 */
export const localDayOf = (dialect: Dialect, startTime: string, shiftMs: number): string => {
  if (!Number.isInteger(shiftMs / 1000) || shiftMs < 0 || shiftMs >= DAY_MS) {
    throw new Error(`call-history: a day shift must be whole seconds within a day, not ${shiftMs}`);
  }
  switch (dialect) {
    case 'postgres': {
      const shift = `interval '${shiftMs / 1000} seconds'`;
      return `date_trunc('day', ${startTime} - ${shift}) + ${shift}`;
    }
    case 'mysql':
      return mysqlLocalDayOf(startTime, shiftMs);
    case 'sqlite':
      return `((${startTime} - ${shiftMs}) / ${DAY_MS}) * ${DAY_MS} + ${shiftMs}`;
  }
};

const TRIGGER = {
  insert: 'call_history_call_records_rollup_insert',
  delete: 'call_history_call_records_rollup_delete',
  update: 'call_history_call_records_rollup_update',
  truncate: 'call_history_call_records_rollup_truncate',
} as const;

/**
 * A trigger of the quarter-only version (0.1.x) does not write the hour level: it is replaced at
 * boot. Its table name is in every current trigger's body, on SQLite and MySQL/MariaDB alike.
 */
const isCurrentTrigger = (n: RollupNames, body: string) => body.includes(n.levels.hour.table);

const sqliteTriggers = (n: RollupNames): Array<{ name: string; ddl: string }> => {
  /**
   * Adds `delta` to the row's bucket of each level. The SELECT form, with its WHERE, is what
   * lets SQLite's parser tell the upsert's ON CONFLICT from a join constraint; a call without a
   * start time is in no bucket.
   */
  const add = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
    ROLLUP_LEVELS.map((level) => {
      const t = n.levels[level];
      return `INSERT INTO ${q(t.table)} (${q(t.bucketStart)}, ${q(t.accessCode)}, ${q(t.botKind)}, ${q(t.count)})
      SELECT ${bucketOf('sqlite', `${row}.${q(n.startTime)}`, level)}, COALESCE(${row}.${q(n.accessCode)}, ''),
        COALESCE(${row}.${q(n.botKind)}, ''), ${delta}
      WHERE ${row}.${q(n.startTime)} IS NOT NULL
      ON CONFLICT (${q(t.bucketStart)}, ${q(t.accessCode)}, ${q(t.botKind)})
      DO UPDATE SET ${q(t.count)} = ${q(t.count)} + ${delta};`;
    }).join('\n');
  const dropEmptied = ROLLUP_LEVELS.map((level) => {
    const t = n.levels[level];
    return `DELETE FROM ${q(t.table)}
      WHERE ${q(t.bucketStart)} = ${bucketOf('sqlite', `OLD.${q(n.startTime)}`, level)}
      AND ${q(t.accessCode)} = COALESCE(OLD.${q(n.accessCode)}, '')
      AND ${q(t.botKind)} = COALESCE(OLD.${q(n.botKind)}, '') AND ${q(t.count)} <= 0;`;
  }).join('\n');
  const keyChanged = [n.startTime, n.accessCode, n.botKind]
    .map((column) => `OLD.${q(column)} IS NOT NEW.${q(column)}`)
    .join(' OR ');
  return [
    {
      name: TRIGGER.insert,
      ddl: `CREATE TRIGGER ${q(TRIGGER.insert)} AFTER INSERT ON ${q(n.calls)}
       BEGIN ${add('NEW', 1)} END`,
    },
    {
      name: TRIGGER.delete,
      ddl: `CREATE TRIGGER ${q(TRIGGER.delete)} AFTER DELETE ON ${q(n.calls)}
       BEGIN ${add('OLD', -1)} ${dropEmptied} END`,
    },
    {
      name: TRIGGER.update,
      // Contract fields never change (lifecycles/call-record.ts); raw SQL still may.
      ddl: `CREATE TRIGGER ${q(TRIGGER.update)}
       AFTER UPDATE OF ${q(n.startTime)}, ${q(n.accessCode)}, ${q(n.botKind)} ON ${q(n.calls)}
       WHEN ${keyChanged}
       BEGIN ${add('OLD', -1)} ${dropEmptied} ${add('NEW', 1)} END`,
    },
  ];
};

/** SQLite's DDL is transactional: an outdated trigger is swapped for its successor atomically. */
const ensureSqliteTriggers = async (knex: Knex, n: RollupNames) => {
  await knex.transaction(async (trx) => {
    const existing = new Map(
      rawRows(await trx.raw("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).map(
        (row) => [String(row.name), String(row.sql)]
      )
    );
    for (const { name, ddl } of sqliteTriggers(n)) {
      const body = existing.get(name);
      if (body !== undefined && isCurrentTrigger(n, body)) continue;
      if (body !== undefined) await trx.raw(`DROP TRIGGER ${q(name)}`);
      await trx.raw(ddl);
    }
  });
};

const PG_SETUP_LOCK = 'call-history:rollup-triggers';
const PG_FUNCTION = {
  insert: 'call_history_rollup_on_insert',
  delete: 'call_history_rollup_on_delete',
  update: 'call_history_rollup_on_update',
  truncate: 'call_history_rollup_on_truncate',
} as const;

/**
 * Adds the grouped changes (bucket, code, kind, n) to each level, quarter then hour, then drops
 * emptied rows. `changes` is the keys and deltas of the rows at one level.
 */
const pgApply = (n: RollupNames, changes: (level: RollupLevel) => string) =>
  ROLLUP_LEVELS.map((level) => {
    const t = n.levels[level];
    const key = `${q(t.bucketStart)}, ${q(t.accessCode)}, ${q(t.botKind)}`;
    return `
    INSERT INTO ${q(t.table)} (${key}, ${q(t.count)})
    SELECT bucket, code, kind, SUM(delta) FROM (${changes(level)}) changes
    GROUP BY bucket, code, kind HAVING SUM(delta) <> 0 ORDER BY bucket, code, kind
    ON CONFLICT (${key}) DO UPDATE SET ${q(t.count)} = ${q(t.table)}.${q(t.count)} + EXCLUDED.${q(t.count)};
    DELETE FROM ${q(t.table)} WHERE ${q(t.count)} <= 0 AND (${key}) IN (
      SELECT bucket, code, kind FROM (${changes(level)}) emptied);`;
  }).join('');

/** The rollup key at `level` and `delta` of each row of `source` (a transition table or a subquery). */
const pgKeys = (n: RollupNames, source: string, delta: string) => (level: RollupLevel) =>
  `SELECT ${bucketOf('postgres', `r.${q(n.startTime)}`, level)} AS bucket,
     COALESCE(r.${q(n.accessCode)}, '') AS code, COALESCE(r.${q(n.botKind)}, '') AS kind,
     ${delta}::bigint AS delta
   FROM ${source} r WHERE r.${q(n.startTime)} IS NOT NULL`;

const pgFunctions = (n: RollupNames): Record<keyof typeof PG_FUNCTION, string> => {
  const fn = (name: string, body: string) =>
    `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $rollup$
     BEGIN ${body} RETURN NULL; END $rollup$`;
  const keyChanged = [n.startTime, n.accessCode, n.botKind]
    .map((column) => `o.${q(column)} IS DISTINCT FROM a.${q(column)}`)
    .join(' OR ');
  const movedFrom = `(SELECT o.* FROM old_rows o JOIN new_rows a ON a.${q(n.id)} = o.${q(n.id)} WHERE ${keyChanged})`;
  const movedTo = `(SELECT a.* FROM old_rows o JOIN new_rows a ON a.${q(n.id)} = o.${q(n.id)} WHERE ${keyChanged})`;
  const moved = (level: RollupLevel) =>
    `${pgKeys(n, movedFrom, '-1')(level)} UNION ALL ${pgKeys(n, movedTo, '1')(level)}`;
  return {
    insert: fn(PG_FUNCTION.insert, pgApply(n, pgKeys(n, 'new_rows', '1'))),
    delete: fn(PG_FUNCTION.delete, pgApply(n, pgKeys(n, 'old_rows', '-1'))),
    update: fn(PG_FUNCTION.update, pgApply(n, moved)),
    truncate: fn(
      PG_FUNCTION.truncate,
      rollupTables(n)
        .map((t) => `DELETE FROM ${q(t.table)};`)
        .join(' ')
    ),
  };
};

const pgTriggers = (n: RollupNames): Array<{ name: string; ddl: string }> => [
  {
    name: TRIGGER.insert,
    ddl: `CREATE TRIGGER ${q(TRIGGER.insert)} AFTER INSERT ON ${q(n.calls)}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${PG_FUNCTION.insert}()`,
  },
  {
    name: TRIGGER.delete,
    ddl: `CREATE TRIGGER ${q(TRIGGER.delete)} AFTER DELETE ON ${q(n.calls)}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${PG_FUNCTION.delete}()`,
  },
  {
    name: TRIGGER.update,
    ddl: `CREATE TRIGGER ${q(TRIGGER.update)} AFTER UPDATE ON ${q(n.calls)}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${PG_FUNCTION.update}()`,
  },
  {
    name: TRIGGER.truncate,
    ddl: `CREATE TRIGGER ${q(TRIGGER.truncate)} AFTER TRUNCATE ON ${q(n.calls)}
      FOR EACH STATEMENT EXECUTE FUNCTION ${PG_FUNCTION.truncate}()`,
  },
];

/**
 * The triggers call their functions by name, and CREATE OR REPLACE gives an upgraded install
 * the functions that write both levels, in the same transaction.
 */
const ensurePostgresTriggers = async (knex: Knex, n: RollupNames) => {
  await knex.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [PG_SETUP_LOCK]);
    for (const ddl of Object.values(pgFunctions(n))) await trx.raw(ddl);
    for (const { name, ddl } of pgTriggers(n)) {
      const exists = await trx.raw(
        'SELECT 1 FROM pg_trigger WHERE tgname = ? AND tgrelid = to_regclass(?)',
        [name, n.calls]
      );
      if ((exists as { rowCount: number }).rowCount === 0) await trx.raw(ddl);
    }
  });
};

/**
 * MySQL and MariaDB run triggers per row only; each is one upsert per level that adds, on the
 * level's unique key, which InnoDB locks per key until the commit: the quarter key, then the
 * hour key. TRUNCATE runs no trigger there: after one, rebuild the rollup
 * (docs/design.md#statistics-rollup).
 */
const mysqlTriggers = (n: RollupNames): Array<{ name: string; ddl: string }> => {
  const add = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
    `IF ${row}.${mq(n.startTime)} IS NOT NULL THEN ${ROLLUP_LEVELS.map((level) => {
      const t = n.levels[level];
      return `
       INSERT INTO ${mq(t.table)} (${mq(t.bucketStart)}, ${mq(t.accessCode)}, ${mq(t.botKind)}, ${mq(t.count)})
       VALUES (${bucketOf('mysql', `${row}.${mq(n.startTime)}`, level)}, COALESCE(${row}.${mq(n.accessCode)}, ''),
         COALESCE(${row}.${mq(n.botKind)}, ''), ${delta})
       ON DUPLICATE KEY UPDATE ${mq(t.count)} = ${mq(t.count)} + ${delta};`;
    }).join('')}
     END IF;`;
  /**
   * A removed call's rows exist (its insert counted it), so a plain UPDATE takes them: an
   * INSERT in a trigger of a DELETE or an UPDATE statement takes InnoDB's table-level AUTO-INC
   * lock until that statement ends, which a concurrent ingest then waits for while holding the
   * calls it inserted (MariaDB answers the loser "Failed to read auto-increment value").
   */
  const subtract = (row: 'OLD') =>
    ROLLUP_LEVELS.map((level) => {
      const t = n.levels[level];
      return `UPDATE ${mq(t.table)} SET ${mq(t.count)} = ${mq(t.count)} - 1
      WHERE ${mq(t.bucketStart)} = ${bucketOf('mysql', `${row}.${mq(n.startTime)}`, level)}
      AND ${mq(t.accessCode)} = COALESCE(${row}.${mq(n.accessCode)}, '')
      AND ${mq(t.botKind)} = COALESCE(${row}.${mq(n.botKind)}, '');`;
    }).join('\n');
  const dropEmptied = ROLLUP_LEVELS.map((level) => {
    const t = n.levels[level];
    return `DELETE FROM ${mq(t.table)}
      WHERE ${mq(t.bucketStart)} = ${bucketOf('mysql', `OLD.${mq(n.startTime)}`, level)}
      AND ${mq(t.accessCode)} = COALESCE(OLD.${mq(n.accessCode)}, '')
      AND ${mq(t.botKind)} = COALESCE(OLD.${mq(n.botKind)}, '') AND ${mq(t.count)} <= 0;`;
  }).join('\n');
  const keyKept = [n.startTime, n.accessCode, n.botKind]
    .map((column) => `OLD.${quoteMysqlIdentifier(column)} <=> NEW.${quoteMysqlIdentifier(column)}`)
    .join(' AND ');
  const trigger = (name: string, event: string, body: string) => ({
    name,
    ddl: `CREATE TRIGGER ${quoteMysqlIdentifier(name)} AFTER ${event} ON ${quoteMysqlIdentifier(n.calls)} FOR EACH ROW BEGIN ${body} END`,
  });
  return [
    trigger(TRIGGER.insert, 'INSERT', add('NEW', 1)),
    trigger(TRIGGER.delete, 'DELETE', `${subtract('OLD')} ${dropEmptied}`),
    trigger(
      TRIGGER.update,
      'UPDATE',
      `IF NOT (${keyKept}) THEN ${subtract('OLD')} ${dropEmptied} ${add('NEW', 1)} END IF;`
    ),
  ];
};

const MYSQL_SETUP_LOCK = 'call-history:rollup-triggers';

/**
 * An outdated trigger is dropped, then created anew: DDL commits there, so a write between the
 * two is not counted. That happens on upgrade only, when the hour level is still empty, and the
 * boot's build (services/call-rollup.ts ensureBuilt) then recounts both levels from the calls.
 */
const ensureMysqlTriggers = async (knex: Knex, n: RollupNames) => {
  await withMysqlSetupLock(knex, MYSQL_SETUP_LOCK, async (trx) => {
    const existing = new Map(
      mysqlRows<{ name: string; body: string }>(
        await trx.raw(
          `SELECT TRIGGER_NAME AS name, ACTION_STATEMENT AS body FROM information_schema.TRIGGERS
           WHERE TRIGGER_SCHEMA = DATABASE()`
        )
      ).map((row) => [row.name, row.body])
    );
    for (const { name, ddl } of mysqlTriggers(n)) {
      const body = existing.get(name);
      if (body !== undefined && isCurrentTrigger(n, body)) continue;
      if (body !== undefined) await trx.raw(`DROP TRIGGER ${mq(name)}`);
      await trx.raw(ddl);
    }
  });
};

export const ensureRollupTriggers = async (strapi: Strapi) => {
  const db = getDb(strapi);
  const names = rollupNames(strapi);
  switch (dialectOf(strapi)) {
    case 'postgres':
      return ensurePostgresTriggers(db.connection, names);
    case 'mysql':
      return ensureMysqlTriggers(db.connection, names);
    case 'sqlite':
      return ensureSqliteTriggers(db.connection, names);
  }
};

/**
 * Both levels from the calls, in order (the caller holds a transaction and has emptied them):
 * the quarter level grouped from the calls, the hour level from the quarter level, a few
 * thousand rows a month instead of every call again.
 */
export const rebuildRollupSql = (dialect: Dialect, n: RollupNames): string[] => {
  const i = quoteFor(dialect);
  const { quarter, hour } = n.levels;
  const columns = (t: RollupTable) =>
    `${i(t.bucketStart)}, ${i(t.accessCode)}, ${i(t.botKind)}, ${i(t.count)}`;
  return [
    `INSERT INTO ${i(quarter.table)} (${columns(quarter)})
     SELECT ${bucketOf(dialect, i(n.startTime))}, COALESCE(${i(n.accessCode)}, ''), COALESCE(${i(n.botKind)}, ''), COUNT(*)
     FROM ${i(n.calls)} WHERE ${i(n.startTime)} IS NOT NULL GROUP BY 1, 2, 3`,
    `INSERT INTO ${i(hour.table)} (${columns(hour)})
     SELECT ${bucketOf(dialect, i(quarter.bucketStart), 'hour')}, ${i(quarter.accessCode)}, ${i(quarter.botKind)}, SUM(${i(quarter.count)})
     FROM ${i(quarter.table)} GROUP BY 1, 2, 3`,
  ];
};
