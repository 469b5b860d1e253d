import type { Strapi } from '@strapi/types';

import { PLUGIN_ID, UID } from '../constants';
import { dialectOf, type Dialect } from '../database/dialect';
import { columnOf, tableOf } from '../database/metadata';
import { getDb } from '../utils/strapi';

/**
 * The `flowSteps` count of calls stored before the plugin kept it. The search and the CSV read
 * the count, never the trace, so the calls of an upgraded install get it once, counted by the
 * database in the trace's json, in bounded id ranges: each statement holds the write lock
 * briefly, whatever the table's size, while other nodes keep ingesting. A flag in the plugin's
 * store keeps later boots from scanning again; calls stored since carry their count already
 * (domain/call-policy.ts).
 */

const STORE_KEY = 'flow-steps-backfilled';
const ID_RANGE = 10_000;

interface Statement {
  sql: string;
  bindings: string[];
}

/**
 * The count and the test for an array, per database: the trace's column is text on SQLite
 * (checked valid first, as json_type raises on malformed text), jsonb on PostgreSQL, json on
 * MySQL and MariaDB.
 */
const countOf = (dialect: Dialect, column: string): Statement => {
  switch (dialect) {
    case 'sqlite':
      return {
        sql: "json_array_length(??) WHERE CASE WHEN json_valid(??) THEN json_type(??) = 'array' ELSE 0 END",
        bindings: [column, column, column],
      };
    case 'postgres':
      return {
        sql: "jsonb_array_length(??) WHERE jsonb_typeof(??) = 'array'",
        bindings: [column, column],
      };
    case 'mysql':
      // MariaDB's json is LONGTEXT checked by JSON_VALID, MySQL 8's a JSON type: both valid.
      return { sql: "JSON_LENGTH(??) WHERE JSON_TYPE(??) = 'ARRAY'", bindings: [column, column] };
  }
};

export const backfillFlowSteps = async (strapi: Strapi): Promise<void> => {
  if (!strapi.store) throw new Error('call-history: the core store is not initialised yet');
  const flag = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });
  if ((await flag.get({})) === true) return;

  const db = getDb(strapi);
  const table = tableOf(strapi, UID.callRecord);
  const id = columnOf(strapi, UID.callRecord, 'id');
  const steps = columnOf(strapi, UID.callRecord, 'flowSteps');
  const count = countOf(dialectOf(strapi), columnOf(strapi, UID.callRecord, 'flowTrace'));
  const [top] = (await db.connection(table).max({ top: id })) as Array<{ top: unknown }>;
  const last = Number(top?.top ?? 0);
  for (let from = 0; from < last; from += ID_RANGE) {
    await db.connection.raw(
      `UPDATE ?? SET ?? = ${count.sql} AND ?? > ? AND ?? <= ? AND ?? IS NULL`,
      [table, steps, ...count.bindings, id, from, id, from + ID_RANGE, steps] as never
    );
  }
  await flag.set({ value: true });
  if (last > 0) strapi.log.info('[call-history] flow step counts of stored calls filled in');
};
