/**
 * The calls a purge or an erasure deletes, selected and deleted in bounded batches through
 * knex (as the other call-record writes: the lifecycles refuse deletes from anywhere else).
 * Every selection excludes held calls (`held_at IS NULL`) and walks an index oldest first:
 * one bot's calls by (access_code, start_time, id), the calls of no known bot by
 * (start_time, id), one number's forms by (calling_number, start_time, id). Table and column names
 * come from Strapi's metadata; values are always bound.
 */
import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { UID } from '../constants';
import { rollupNames } from '../database/call-rollup';
import { dialectOf } from '../database/dialect';
import { columnOf, tableOf } from '../database/metadata';
import { rawRows } from '../database/raw-rows';
import type { CallData } from '../domain/call-policy';
import { getDb } from '../utils/strapi';

import { lockRollupKeys, rollupKeyColumns } from './call-record-writes';

export interface CallSelection {
  /** The calls of this access code. */
  accessCode?: string | null;
  /** Or: the calls of none of these access codes. */
  excludedAccessCodes?: string[];
  /** The calls of any of these exact calling numbers (an erasure: one number's forms). */
  callingNumbers?: string[];
  /** Started strictly before this instant. */
  before?: Date | null;
  /** Started at or after this instant. */
  from?: Date | null;
  /** Held calls only (true) or calls not held only (false). */
  held?: boolean;
}

type Row = Record<string, unknown>;

const millisOf = (value: unknown): number | null => {
  if (value === null || value === undefined) return null;
  const millis = typeof value === 'number' ? value : new Date(value as string | Date).getTime();
  return Number.isNaN(millis) ? null : millis;
};

export default ({ strapi }: { strapi: Strapi }) => {
  const knex = () => getDb(strapi).connection;
  const column = (attribute: string) => columnOf(strapi, UID.callRecord, attribute);
  const table = () => tableOf(strapi, UID.callRecord);

  const where = (query: Knex.QueryBuilder, selection: CallSelection) => {
    if (selection.accessCode) query.where(column('accessCode'), selection.accessCode);
    if (selection.excludedAccessCodes?.length) {
      query.whereNotIn(column('accessCode'), selection.excludedAccessCodes);
    }
    if (selection.callingNumbers !== undefined) {
      query.whereIn(column('callingNumber'), selection.callingNumbers);
    }
    if (selection.before) query.where(column('startTime'), '<', selection.before);
    if (selection.from) query.where(column('startTime'), '>=', selection.from);
    if (selection.held === true) query.whereNotNull(column('heldAt'));
    if (selection.held === false) query.whereNull(column('heldAt'));
    return query;
  };

  return {
    /**
     * Deletes up to `limit` of the oldest matching calls that are not held, and answers how many
     * it selected and how many it deleted per access code. On PostgreSQL, MySQL and MariaDB the
     * selected rows are locked and rows another transaction holds are skipped, so a concurrent
     * erasure or hold never sees a row twice; the delete checks `held_at` again for a hold
     * placed meanwhile.
     */
    async deleteBatch(
      trx: Knex.Transaction,
      selection: CallSelection,
      limit: number
    ): Promise<{ selected: number; perAccessCode: Map<string, number> }> {
      const id = column('id');
      const accessCode = column('accessCode');
      const dialect = dialectOf(strapi);
      const oldestFirst = (columns: Record<string, string>) =>
        where(trx(table()).select(columns), { ...selection, held: false })
          .orderBy(column('startTime'))
          .orderBy(id)
          .limit(limit);
      if (dialect === 'mysql') {
        // The rollup keys of the batch are locked before its calls, in the order every writer
        // locks them: a batch locking its calls first would deadlock with an ingest or a
        // rebuild (the retry is for a batch whose calls changed between the two reads).
        const candidates = (await oldestFirst(rollupKeyColumns(strapi))) as CallData[];
        await lockRollupKeys(trx, rollupNames(strapi), candidates);
      }
      const select = oldestFirst(dialect === 'mysql' ? { id, accessCode } : { id });
      if (dialect !== 'sqlite') select.forUpdate().skipLocked();
      const selected = (await select) as Array<{ id: number | string; accessCode?: string }>;
      const ids = selected.map((row) => row.id);
      const perAccessCode = new Map<string, number>();
      const count = (code: string) => perAccessCode.set(code, (perAccessCode.get(code) ?? 0) + 1);
      if (ids.length === 0) return { selected: 0, perAccessCode };
      const inIds = ids.map(() => '?').join(', ');
      switch (dialect) {
        case 'sqlite':
        case 'postgres': {
          const result = await trx.raw(
            `DELETE FROM ?? WHERE ?? IN (${inIds}) AND ?? IS NULL RETURNING ?? AS ??`,
            [table(), id, ...ids, column('heldAt'), accessCode, 'accessCode']
          );
          for (const row of rawRows(result)) count(row.accessCode as string);
          break;
        }
        case 'mysql': {
          // No RETURNING: the rows are locked since the select (FOR UPDATE), so no hold can
          // land on them before the delete, and what was selected is what is deleted.
          await trx.raw(`DELETE FROM ?? WHERE ?? IN (${inIds}) AND ?? IS NULL`, [
            table(),
            id,
            ...ids,
            column('heldAt'),
          ]);
          for (const row of selected) count(row.accessCode as string);
          break;
        }
      }
      return { selected: ids.length, perAccessCode };
    },

    /** How many calls match, counting at most `cap + 1` rows (so `> cap` reads as capped). */
    async count(selection: CallSelection, cap?: number): Promise<number> {
      const rows = where(knex()(table()).select(column('id')), selection);
      if (cap !== undefined) rows.limit(cap + 1);
      const [result] = (await knex().count({ total: '*' }).from(rows.as('matching'))) as Array<{
        total: number | string;
      }>;
      return Number(result?.total ?? 0);
    },

    /** The start time of the oldest matching call, in epoch milliseconds; null when none. */
    async oldestStart(selection: CallSelection): Promise<number | null> {
      const startTime = column('startTime');
      const row = (await where(knex()(table()).select({ startTime }), selection)
        .orderBy(startTime)
        .first()) as Row | undefined;
      return millisOf(row?.startTime);
    },
  };
};
