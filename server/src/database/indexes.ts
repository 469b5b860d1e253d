import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { UID } from '../constants';
import { getConfig, getDb } from '../utils/strapi';

import { sqliteUtcDayOf } from './bucket-sql';
import { dialectOf } from './dialect';
import { columnOf, tableOf } from './metadata';
import { mysqlRows, withMysqlSetupLock } from './mysql-setup';

export interface IndexSpec {
  name: string;
  uid: string;
  /** Attribute names, in index order; column names come from Strapi's metadata. */
  attributes: string[];
  unique?: boolean;
  /**
   * SQLite only: the index leads with the UTC day of this attribute, an epoch-milliseconds
   * start time (bucket-sql.ts, sqliteUtcDayOf), before `attributes`. Not created elsewhere.
   */
  sqliteUtcDayOf?: string;
}

const rollupIndexes = (prefix: string, uid: string): IndexSpec[] => [
  {
    name: `${prefix}_key_uq`,
    uid,
    attributes: ['bucketStart', 'accessCode', 'botKind'],
    unique: true,
  },
  { name: `${prefix}_period_idx`, uid, attributes: ['bucketStart', 'accessCode', 'calls'] },
  { name: `${prefix}_access_code_idx`, uid, attributes: ['accessCode', 'bucketStart', 'calls'] },
];

/**
 * Indexes the plugin owns. Strapi 4's `unique: true` is not a database constraint, and its
 * schema sync drops indexes it did not declare whenever a schema changes (a developer extending
 * call-record does exactly that), so they are (re)created, if missing, on every boot.
 */
export const INDEXES: IndexSpec[] = [
  {
    name: 'call_history_call_records_call_id_uq',
    uid: UID.callRecord,
    attributes: ['callId'],
    unique: true,
  },
  {
    name: 'call_history_chatbots_access_code_uq',
    uid: UID.chatbot,
    attributes: ['accessCode'],
    unique: true,
  },
  {
    name: 'call_history_ivr_flows_access_code_uq',
    uid: UID.ivrFlow,
    attributes: ['accessCode'],
    unique: true,
  },
  {
    name: 'call_history_export_tickets_token_hash_uq',
    uid: UID.exportTicket,
    attributes: ['tokenHash'],
    unique: true,
  },
  // Call History search (docs/design.md#search-contract): each filter is an index range scan, newest first by
  // (startTime, id) so that the keyset ORDER BY is read from the index, not sorted. The period
  // index also carries durationSeconds: a duration sort cannot read it in order, so it reads
  // the period's entries index only and sorts their (duration, id), and only a page's rows are
  // read whole. It carries the calling number and the access code too: a broad number filter
  // read through the period (its matches are dense there) is checked, counted and charted from
  // the index alone; looking each row up for its number cost SQLite 3.4 times the reading of
  // the index at 10^7 calls (1 day + `*8`: 52 → 15 ms).
  {
    name: 'call_history_call_records_period_number_code_idx',
    uid: UID.callRecord,
    attributes: ['startTime', 'id', 'durationSeconds', 'callingNumber', 'accessCode'],
  },
  // The number indexes carry the access code too: the statistics of a number filter, which the
  // rollup cannot answer (it has no numbers), count per day and access code from the index
  // alone. Looking each match's row up for its code cost SQLite 4 times the reading of the index.
  {
    name: 'call_history_call_records_number_period_code_idx',
    uid: UID.callRecord,
    attributes: ['callingNumber', 'startTime', 'id', 'accessCode'],
  },
  {
    name: 'call_history_call_records_access_code_period_idx',
    uid: UID.callRecord,
    attributes: ['accessCode', 'startTime', 'id'],
  },
  {
    name: 'call_history_call_records_reversed_number_period_code_idx',
    uid: UID.callRecord,
    attributes: ['callingNumberReversed', 'startTime', 'id', 'accessCode'],
  },
  // SQLite, with the plugin config's `sqliteDayIndexes`: the number range within one UTC day
  // (domain/search-plan.ts). The statistics of a broad number filter over a long period count
  // its newest 10,000 matches; the period index reads every call of the period until it has
  // them (213,000 entries for 31 days of 138* at 10^7 calls, 17 ms), these read the matches
  // alone, a day at a time (5 ms). Each costs ingest what the number indexes do: an entry at a
  // random place (docs/benchmarks.md). PostgreSQL met its target without them; MySQL and
  // MariaDB choose their index alone.
  {
    name: 'call_history_call_records_day_number_code_idx',
    uid: UID.callRecord,
    sqliteUtcDayOf: 'startTime',
    attributes: ['callingNumber', 'startTime', 'id', 'accessCode'],
  },
  {
    name: 'call_history_call_records_day_reversed_number_code_idx',
    uid: UID.callRecord,
    sqliteUtcDayOf: 'startTime',
    attributes: ['callingNumberReversed', 'startTime', 'id', 'accessCode'],
  },
  // The statistics rollup (docs/design.md#statistics-rollup), each level: the key its triggers
  // upsert on; then the period and the access code then period, each with the count, so that a
  // chart reads index entries only.
  ...rollupIndexes('call_history_call_rollup', UID.callRollup),
  ...rollupIndexes('call_history_call_rollup_hour', UID.callRollupHour),
  // The audit log (docs/design.md#privacy): newest first by id, filtered by kind or by user,
  // each a seek on the filter then the id order read from the index.
  {
    name: 'call_history_audit_action_idx',
    uid: UID.auditEntry,
    attributes: ['action', 'id'],
  },
  {
    name: 'call_history_audit_user_idx',
    uid: UID.auditEntry,
    attributes: ['userId', 'id'],
  },
];

/**
 * Indexes of earlier versions that a declared one replaces: dropped at boot, once their
 * replacement exists, so that the database keeps one period index, not two of equal cost.
 */
export const RETIRED_INDEXES: string[] = [
  // (startTime, id): the period index before it carried durationSeconds.
  'call_history_call_records_period_idx',
  // (startTime, id, durationSeconds): the period index before it carried the calling number
  // and the access code.
  'call_history_call_records_period_duration_idx',
  // (callingNumber, startTime, id) and its reverse: the number indexes before they carried the
  // access code.
  'call_history_call_records_number_period_idx',
  'call_history_call_records_reversed_number_period_idx',
];

const SETUP_LOCK = 'call-history:indexes';

/** Index names on a MySQL/MariaDB table: MySQL 8 has no `CREATE INDEX IF NOT EXISTS`. */
const mysqlIndexNames = async (knex: Knex, table: string): Promise<Set<string>> =>
  new Set(
    mysqlRows<{ name: string }>(
      await knex.raw(
        `SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS
         WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`,
        [table]
      )
    ).map((row) => row.name)
  );

const createSql = (index: IndexSpec, columns: string[], ifNotExists: boolean) => {
  // `columns` leads with the day's column where the index leads with its day.
  const keys = columns.map((_, at) =>
    at === 0 && index.sqliteUtcDayOf !== undefined ? sqliteUtcDayOf('??') : '??'
  );
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${ifNotExists ? 'IF NOT EXISTS ' : ''}?? ON ?? (${keys.join(', ')})`;
};

/** Whether this install keeps the day indexes: on SQLite, where the plugin config asks. */
export const hasDayIndexes = (strapi: Strapi): boolean =>
  dialectOf(strapi) === 'sqlite' && getConfig(strapi).sqliteDayIndexes;

/** The indexes of `indexes` a database gets: the day indexes where `dayIndexes`. */
export const indexesFor = (dayIndexes: boolean, indexes: IndexSpec[] = INDEXES): IndexSpec[] =>
  indexes.filter((index) => index.sqliteUtcDayOf === undefined || dayIndexes);

/** The day indexes' names: dropped at boot where they are not wanted (a config turned off). */
export const DAY_INDEX_NAMES = INDEXES.filter((index) => index.sqliteUtcDayOf !== undefined).map(
  (index) => index.name
);

export const ensureIndexes = async (strapi: Strapi, indexes: IndexSpec[] = INDEXES) => {
  const db = getDb(strapi);
  const planned = indexesFor(hasDayIndexes(strapi), indexes).map((index) => ({
    index,
    table: tableOf(strapi, index.uid),
    columns: [
      ...(index.sqliteUtcDayOf === undefined
        ? []
        : [columnOf(strapi, index.uid, index.sqliteUtcDayOf)]),
      ...index.attributes.map((attribute) => columnOf(strapi, index.uid, attribute)),
    ],
  }));
  if (dialectOf(strapi) !== 'mysql') {
    for (const { index, table, columns } of planned) {
      await db.connection.raw(createSql(index, columns, true), [index.name, table, ...columns]);
    }
    return;
  }
  await withMysqlSetupLock(db.connection, SETUP_LOCK, async (trx) => {
    for (const { index, table, columns } of planned) {
      if ((await mysqlIndexNames(trx, table)).has(index.name)) continue;
      await trx.raw(createSql(index, columns, false), [index.name, table, ...columns]);
    }
  });
};

/**
 * SQLite and PostgreSQL name an index in their schema without its table; MySQL and MariaDB
 * name it within its table, so there it is looked for on the tables the plugin indexes.
 */
export const dropRetiredIndexes = async (strapi: Strapi, names: string[] = RETIRED_INDEXES) => {
  const db = getDb(strapi);
  if (dialectOf(strapi) !== 'mysql') {
    for (const name of names) await db.connection.raw('DROP INDEX IF EXISTS ??', [name]);
    return;
  }
  const tables = [...new Set(INDEXES.map((index) => tableOf(strapi, index.uid)))];
  await withMysqlSetupLock(db.connection, SETUP_LOCK, async (trx) => {
    for (const table of tables) {
      const existing = await mysqlIndexNames(trx, table);
      for (const name of names.filter((retired) => existing.has(retired))) {
        await trx.raw('DROP INDEX ?? ON ??', [name, table]);
      }
    }
  });
};
