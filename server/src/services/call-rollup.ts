import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import {
  rebuildRollupSql,
  rollupNames,
  rollupTables,
  type RollupTable,
} from '../database/call-rollup';
import { dialectOf } from '../database/dialect';
import { withMysqlLock } from '../database/session-lock';
import { classifyWriteFailure } from '../domain/write-failure';
import { DEADLOCK_ATTEMPTS, retryPause } from '../utils/retry-pause';
import { getDb } from '../utils/strapi';

/** One key per database for rebuilding, so two nodes booting together build it once. */
const REBUILD_LOCK = 'call-history:rollup-rebuild';
/** How long a node waits for another's rebuild on MySQL/MariaDB (PostgreSQL waits unbounded). */
const MYSQL_REBUILD_WAIT_SECONDS = 600;

export interface RollupRebuild {
  /** Rows written at the 15-minute level. */
  rows: number;
  /** Rows written at the hour level. */
  hourRows: number;
  /** Calls they count. */
  calls: number;
  milliseconds: number;
}

/**
 * The statistics rollup (docs/design.md#statistics-rollup) as a whole, both levels: rebuilt from
 * the calls for an install upgrading from a version without it (or after a bulk load that
 * bypassed the call table's triggers), and built once at boot when it is missing. The triggers keep it
 * afterwards.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  /**
   * A level empty while calls are stored: what an install upgrading from a version without the
   * rollup, or without its hour level, has.
   */
  const isMissing = async (knex: Knex) => {
    const names = rollupNames(strapi);
    for (const t of rollupTables(names)) {
      if (!(await knex(t.table).first(t.bucketStart))) {
        return Boolean(await knex(names.calls).first(names.id));
      }
    }
    return false;
  };

  /** Rebuilds in `trx`, which holds the rebuild's lock and keeps the calls' writers out. */
  const rebuildIn = async (
    trx: Knex.Transaction,
    onlyIfMissing: boolean,
    started: number
  ): Promise<RollupRebuild | null> => {
    const names = rollupNames(strapi);
    // Again under the lock: another node booting meanwhile may have built it.
    if (onlyIfMissing && !(await isMissing(trx))) return null;
    // Both levels, whichever was missing: the hour level is summed from the quarter level.
    for (const t of rollupTables(names)) await trx(t.table).delete();
    for (const statement of rebuildRollupSql(dialectOf(strapi), names)) await trx.raw(statement);
    const totalsOf = async (t: RollupTable) => {
      const [totals] = (await trx(t.table).count({ rows: '*' }).sum({ calls: t.count })) as Array<{
        rows: number | string;
        calls: number | string;
      }>;
      return { rows: Number(totals?.rows ?? 0), calls: Number(totals?.calls ?? 0) };
    };
    const quarter = await totalsOf(names.levels.quarter);
    const hour = await totalsOf(names.levels.hour);
    return {
      rows: quarter.rows,
      hourRows: hour.rows,
      calls: quarter.calls,
      milliseconds: Date.now() - started,
    };
  };

  /**
   * MySQL/MariaDB: LOCK TABLES would commit the transaction, so every row and gap of the
   * tables' primary keys is locked instead, until the commit: the rollup's levels first
   * (exclusively; quarter, then hour), in the order a batch ingest locks them (its rollup keys,
   * then its calls: repositories/call-record-writes.ts), then the calls' (shared: writers wait,
   * readers do not).
   */
  const lockedForRebuild = async (
    trx: Knex.Transaction,
    onlyIfMissing: boolean,
    started: number
  ) => {
    const names = rollupNames(strapi);
    for (const t of rollupTables(names)) {
      await trx.raw('SELECT COUNT(*) AS n FROM ?? FORCE INDEX (PRIMARY) FOR UPDATE', [t.table]);
    }
    await trx.raw('SELECT COUNT(*) AS n FROM ?? FORCE INDEX (PRIMARY) LOCK IN SHARE MODE', [
      names.calls,
    ]);
    return rebuildIn(trx, onlyIfMissing, started);
  };

  const rebuild = async ({ onlyIfMissing = false } = {}): Promise<RollupRebuild | null> => {
    const knex = getDb(strapi).connection;
    const names = rollupNames(strapi);
    const started = Date.now();
    switch (dialectOf(strapi)) {
      case 'sqlite':
        // One writer at a time already.
        return knex.transaction((trx) => rebuildIn(trx, onlyIfMissing, started));
      case 'postgres':
        return knex.transaction(async (trx) => {
          await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [REBUILD_LOCK]);
          // Writers wait for the rebuild (readers do not): a call inserted meanwhile would be
          // counted by its trigger and again by the rebuild's GROUP BY, or by neither.
          await trx.raw('LOCK TABLE ?? IN SHARE MODE', [names.calls]);
          return rebuildIn(trx, onlyIfMissing, started);
        });
      case 'mysql': {
        // A named lock outlives transactions: held on the transaction's own connection until
        // after its commit, so that the next node's check reads the rollup committed.
        const rebuilt = await withMysqlLock(
          knex,
          REBUILD_LOCK,
          MYSQL_REBUILD_WAIT_SECONDS,
          async (connection) => {
            for (let attempt = 1; ; attempt += 1) {
              try {
                return await knex.transaction(
                  async (trx) => ({ result: await lockedForRebuild(trx, onlyIfMissing, started) }),
                  // Repeatable read: the locks cover the gaps, so no row is inserted either.
                  { connection, isolationLevel: 'repeatable read' }
                );
              } catch (error) {
                // Every writer locks rollup keys before calls, as the rebuild does; a purge
                // batch whose calls changed between its two reads may not: run again.
                if (attempt >= DEADLOCK_ATTEMPTS || classifyWriteFailure(error) !== 'retry') {
                  throw error;
                }
                await retryPause(attempt);
              }
            }
          }
        );
        if (rebuilt === null) {
          throw new Error(
            `call-history: waited ${MYSQL_REBUILD_WAIT_SECONDS} s for another node's rebuild of the statistics rollup`
          );
        }
        return rebuilt.result;
      }
    }
  };

  return {
    /** Replaces the whole rollup with the counts of the stored calls. */
    rebuild: () => rebuild() as Promise<RollupRebuild>,

    /**
     * Builds the rollup, both levels, when a level is empty while calls are stored: an install
     * upgrading from a version without it or without its hour level. Null when there was
     * nothing to build.
     */
    ensureBuilt: async () =>
      // Checked without a lock first: every boot asks, and the lock would hold other nodes'
      // writers for as long as it waits.
      (await isMissing(getDb(strapi).connection)) ? rebuild({ onlyIfMissing: true }) : null,
  };
};
