import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { UID } from '../constants';
import { BUCKET_MS } from '../domain/day-buckets';
import { getDb } from '../utils/strapi';

import { mysqlBucketOf } from './bucket-sql';
import { type Dialect, dialectOf } from './dialect';
import { columnOf, tableOf } from './metadata';
import { existingMysqlTriggers, quoteMysqlIdentifier, withMysqlSetupLock } from './mysql-setup';

/**
 * The statistics rollup's upkeep (docs/design.md#statistics-rollup): triggers on the call table
 * add and remove counts in the transaction of the write itself, whatever wrote it (the batch
 * ingest, the Query Engine, the deletion service, raw SQL), so the rollup cannot drift from the
 * calls. Created if missing on every boot, as the access-code guards are (SQLite drops a
 * table's triggers whenever a schema change makes knex rebuild it).
 *
 * Every change is an upsert that adds (`calls = calls + n`, n < 0 for a removal), never a
 * read-modify-write, so concurrent writers on PostgreSQL stay exact. PostgreSQL's triggers run
 * once per statement over its transition table: one grouped upsert per 1,000-call batch, its
 * keys in sorted order so that two batches lock the same rollup rows in the same order.
 * SQLite's run per row, in-process, where a row trigger is cheap.
 */

export interface RollupNames {
  calls: string;
  id: string;
  startTime: string;
  accessCode: string;
  botKind: string;
  rollup: string;
  bucketStart: string;
  rollupAccessCode: string;
  rollupBotKind: string;
  count: string;
}

export const rollupNames = (strapi: Strapi): RollupNames => ({
  calls: tableOf(strapi, UID.callRecord),
  id: columnOf(strapi, UID.callRecord, 'id'),
  startTime: columnOf(strapi, UID.callRecord, 'startTime'),
  accessCode: columnOf(strapi, UID.callRecord, 'accessCode'),
  botKind: columnOf(strapi, UID.callRecord, 'botKind'),
  rollup: tableOf(strapi, UID.callRollup),
  bucketStart: columnOf(strapi, UID.callRollup, 'bucketStart'),
  rollupAccessCode: columnOf(strapi, UID.callRollup, 'accessCode'),
  rollupBotKind: columnOf(strapi, UID.callRollup, 'botKind'),
  count: columnOf(strapi, UID.callRollup, 'calls'),
});

/** Trigger bodies and function bodies take no bindings: identifiers are quoted here. */
export const quoteIdentifier = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const q = quoteIdentifier;
const quoteFor = (dialect: Dialect) => (dialect === 'mysql' ? quoteMysqlIdentifier : q);

/**
 * The bucket of a stored start time, in the column's own representation: epoch milliseconds on
 * SQLite, a timestamp on PostgreSQL, a DATETIME on MySQL/MariaDB (the same 15-minute UTC grid
 * each time; database/bucket-sql.ts says why MySQL's is arithmetic from a DATETIME epoch).
 */
export const bucketOf = (dialect: Dialect, startTime: string): string => {
  switch (dialect) {
    case 'postgres':
      return `date_trunc('hour', ${startTime}) + floor(extract(minute from ${startTime}) / 15) * interval '15 minutes'`;
    case 'mysql':
      return mysqlBucketOf(startTime);
    case 'sqlite':
      return `(${startTime} / ${BUCKET_MS}) * ${BUCKET_MS}`;
  }
};

const TRIGGER = {
  insert: 'call_history_call_records_rollup_insert',
  delete: 'call_history_call_records_rollup_delete',
  update: 'call_history_call_records_rollup_update',
  truncate: 'call_history_call_records_rollup_truncate',
} as const;

const sqliteTriggers = (n: RollupNames): string[] => {
  /**
   * Adds `delta` to the row's bucket. The SELECT form, with its WHERE, is what lets SQLite's
   * parser tell the upsert's ON CONFLICT from a join constraint; a call without a start time
   * is in no bucket.
   */
  const add = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
    `INSERT INTO ${q(n.rollup)} (${q(n.bucketStart)}, ${q(n.rollupAccessCode)}, ${q(n.rollupBotKind)}, ${q(n.count)})
      SELECT ${bucketOf('sqlite', `${row}.${q(n.startTime)}`)}, COALESCE(${row}.${q(n.accessCode)}, ''),
        COALESCE(${row}.${q(n.botKind)}, ''), ${delta}
      WHERE ${row}.${q(n.startTime)} IS NOT NULL
      ON CONFLICT (${q(n.bucketStart)}, ${q(n.rollupAccessCode)}, ${q(n.rollupBotKind)})
      DO UPDATE SET ${q(n.count)} = ${q(n.count)} + ${delta};`;
  const dropEmptied = `DELETE FROM ${q(n.rollup)}
      WHERE ${q(n.bucketStart)} = ${bucketOf('sqlite', `OLD.${q(n.startTime)}`)}
      AND ${q(n.rollupAccessCode)} = COALESCE(OLD.${q(n.accessCode)}, '')
      AND ${q(n.rollupBotKind)} = COALESCE(OLD.${q(n.botKind)}, '') AND ${q(n.count)} <= 0;`;
  const keyChanged = [n.startTime, n.accessCode, n.botKind]
    .map((column) => `OLD.${q(column)} IS NOT NEW.${q(column)}`)
    .join(' OR ');
  return [
    `CREATE TRIGGER IF NOT EXISTS ${q(TRIGGER.insert)} AFTER INSERT ON ${q(n.calls)}
     BEGIN ${add('NEW', 1)} END`,
    `CREATE TRIGGER IF NOT EXISTS ${q(TRIGGER.delete)} AFTER DELETE ON ${q(n.calls)}
     BEGIN ${add('OLD', -1)} ${dropEmptied} END`,
    // Contract fields never change (lifecycles/call-record.ts); raw SQL still may.
    `CREATE TRIGGER IF NOT EXISTS ${q(TRIGGER.update)}
     AFTER UPDATE OF ${q(n.startTime)}, ${q(n.accessCode)}, ${q(n.botKind)} ON ${q(n.calls)}
     WHEN ${keyChanged}
     BEGIN ${add('OLD', -1)} ${dropEmptied} ${add('NEW', 1)} END`,
  ];
};

const PG_SETUP_LOCK = 'call-history:rollup-triggers';
const PG_FUNCTION = {
  insert: 'call_history_rollup_on_insert',
  delete: 'call_history_rollup_on_delete',
  update: 'call_history_rollup_on_update',
  truncate: 'call_history_rollup_on_truncate',
} as const;

/** Adds the grouped `changes` (bucket, code, kind, n) to the rollup, then drops emptied rows. */
const pgApply = (n: RollupNames, changes: string) => {
  const key = `${q(n.bucketStart)}, ${q(n.rollupAccessCode)}, ${q(n.rollupBotKind)}`;
  return `
    INSERT INTO ${q(n.rollup)} (${key}, ${q(n.count)})
    SELECT bucket, code, kind, SUM(delta) FROM (${changes}) changes
    GROUP BY bucket, code, kind HAVING SUM(delta) <> 0 ORDER BY bucket, code, kind
    ON CONFLICT (${key}) DO UPDATE SET ${q(n.count)} = ${q(n.rollup)}.${q(n.count)} + EXCLUDED.${q(n.count)};
    DELETE FROM ${q(n.rollup)} WHERE ${q(n.count)} <= 0 AND (${key}) IN (
      SELECT bucket, code, kind FROM (${changes}) emptied);`;
};

/** The rollup key and `delta` of each row of `source` (a transition table or a subquery). */
const pgKeys = (n: RollupNames, source: string, delta: string) =>
  `SELECT ${bucketOf('postgres', `r.${q(n.startTime)}`)} AS bucket,
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
  return {
    insert: fn(PG_FUNCTION.insert, pgApply(n, pgKeys(n, 'new_rows', '1'))),
    delete: fn(PG_FUNCTION.delete, pgApply(n, pgKeys(n, 'old_rows', '-1'))),
    update: fn(
      PG_FUNCTION.update,
      pgApply(n, `${pgKeys(n, movedFrom, '-1')} UNION ALL ${pgKeys(n, movedTo, '1')}`)
    ),
    truncate: fn(PG_FUNCTION.truncate, `DELETE FROM ${q(n.rollup)};`),
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
 * MySQL and MariaDB run triggers per row only; each is one upsert that adds, on the rollup's
 * unique key, which InnoDB locks per key until the commit. TRUNCATE runs no trigger there: after
 * one, rebuild the rollup (docs/design.md#statistics-rollup).
 */
const mysqlTriggers = (n: RollupNames): Array<{ name: string; ddl: string }> => {
  const add = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
    `IF ${row}.${quoteMysqlIdentifier(n.startTime)} IS NOT NULL THEN
       INSERT INTO ${quoteMysqlIdentifier(n.rollup)} (${quoteMysqlIdentifier(n.bucketStart)}, ${quoteMysqlIdentifier(n.rollupAccessCode)}, ${quoteMysqlIdentifier(n.rollupBotKind)}, ${quoteMysqlIdentifier(n.count)})
       VALUES (${bucketOf('mysql', `${row}.${quoteMysqlIdentifier(n.startTime)}`)}, COALESCE(${row}.${quoteMysqlIdentifier(n.accessCode)}, ''),
         COALESCE(${row}.${quoteMysqlIdentifier(n.botKind)}, ''), ${delta})
       ON DUPLICATE KEY UPDATE ${quoteMysqlIdentifier(n.count)} = ${quoteMysqlIdentifier(n.count)} + ${delta};
     END IF;`;
  const dropEmptied = `DELETE FROM ${quoteMysqlIdentifier(n.rollup)}
      WHERE ${quoteMysqlIdentifier(n.bucketStart)} = ${bucketOf('mysql', `OLD.${quoteMysqlIdentifier(n.startTime)}`)}
      AND ${quoteMysqlIdentifier(n.rollupAccessCode)} = COALESCE(OLD.${quoteMysqlIdentifier(n.accessCode)}, '')
      AND ${quoteMysqlIdentifier(n.rollupBotKind)} = COALESCE(OLD.${quoteMysqlIdentifier(n.botKind)}, '') AND ${quoteMysqlIdentifier(n.count)} <= 0;`;
  const keyKept = [n.startTime, n.accessCode, n.botKind]
    .map((column) => `OLD.${quoteMysqlIdentifier(column)} <=> NEW.${quoteMysqlIdentifier(column)}`)
    .join(' AND ');
  const trigger = (name: string, event: string, body: string) => ({
    name,
    ddl: `CREATE TRIGGER ${quoteMysqlIdentifier(name)} AFTER ${event} ON ${quoteMysqlIdentifier(n.calls)} FOR EACH ROW BEGIN ${body} END`,
  });
  return [
    trigger(TRIGGER.insert, 'INSERT', add('NEW', 1)),
    trigger(TRIGGER.delete, 'DELETE', `${add('OLD', -1)} ${dropEmptied}`),
    trigger(
      TRIGGER.update,
      'UPDATE',
      `IF NOT (${keyKept}) THEN ${add('OLD', -1)} ${dropEmptied} ${add('NEW', 1)} END IF;`
    ),
  ];
};

const MYSQL_SETUP_LOCK = 'call-history:rollup-triggers';

const ensureMysqlTriggers = async (knex: Knex, n: RollupNames) => {
  await withMysqlSetupLock(knex, MYSQL_SETUP_LOCK, async (trx) => {
    const existing = await existingMysqlTriggers(trx);
    for (const { name, ddl } of mysqlTriggers(n)) if (!existing.has(name)) await trx.raw(ddl);
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
      for (const ddl of sqliteTriggers(names)) await db.connection.raw(ddl);
  }
};

/** The whole rollup from the calls, in one grouped statement (the caller holds a transaction). */
export const rebuildRollupSql = (dialect: Dialect, n: RollupNames): string => {
  const i = quoteFor(dialect);
  return `INSERT INTO ${i(n.rollup)} (${i(n.bucketStart)}, ${i(n.rollupAccessCode)}, ${i(n.rollupBotKind)}, ${i(n.count)})
   SELECT ${bucketOf(dialect, i(n.startTime))}, COALESCE(${i(n.accessCode)}, ''), COALESCE(${i(n.botKind)}, ''), COUNT(*)
   FROM ${i(n.calls)} WHERE ${i(n.startTime)} IS NOT NULL GROUP BY 1, 2, 3`;
};
