import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { rebuildRollupSql, rollupNames } from '../database/call-rollup';
import { dialectOf } from '../database/dialect';
import { getDb } from '../utils/strapi';

/** One key per database for rebuilding, so two nodes booting together build it once. */
const REBUILD_LOCK = 'call-history:rollup-rebuild';

export interface RollupRebuild {
  /** Rollup rows written. */
  rows: number;
  /** Calls they count. */
  calls: number;
  milliseconds: number;
}

/**
 * The statistics rollup (docs/design.md#statistics-rollup) as a whole: rebuilt from the calls
 * for an install upgrading from a version without it (or after a bulk load that bypassed the
 * call table's triggers), and built once at boot when it is missing. The triggers keep it
 * afterwards.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  /** Empty while calls are stored: what an install upgrading from a version without it has. */
  const isMissing = async (knex: Knex) => {
    const names = rollupNames(strapi);
    const rollupRow = await knex(names.rollup).first(names.bucketStart);
    if (rollupRow) return false;
    return Boolean(await knex(names.calls).first(names.id));
  };

  const rebuild = async ({ onlyIfMissing = false } = {}): Promise<RollupRebuild | null> => {
    const db = getDb(strapi);
    const dialect = dialectOf(strapi);
    const names = rollupNames(strapi);
    const started = Date.now();
    return db.connection.transaction(async (trx) => {
      if (dialect === 'postgres') {
        await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [REBUILD_LOCK]);
        // Writers wait for the rebuild (readers do not): a call inserted meanwhile would be
        // counted by its trigger and again by the rebuild's GROUP BY, or by neither.
        await trx.raw('LOCK TABLE ?? IN SHARE MODE', [names.calls]);
      }
      // Again under the lock: another node booting meanwhile may have built it.
      if (onlyIfMissing && !(await isMissing(trx))) return null;
      await trx(names.rollup).delete();
      await trx.raw(rebuildRollupSql(dialect, names));
      const [totals] = (await trx(names.rollup)
        .count({ rows: '*' })
        .sum({ calls: names.count })) as Array<{ rows: number | string; calls: number | string }>;
      return {
        rows: Number(totals?.rows ?? 0),
        calls: Number(totals?.calls ?? 0),
        milliseconds: Date.now() - started,
      };
    });
  };

  return {
    /** Replaces the whole rollup with the counts of the stored calls. */
    rebuild: () => rebuild() as Promise<RollupRebuild>,

    /**
     * Builds the rollup when it is empty while calls are stored: an install upgrading from a
     * version without it. Null when there was nothing to build.
     */
    ensureBuilt: async () =>
      // Checked without a lock first: every boot asks, and the lock would hold other nodes'
      // writers for as long as it waits.
      (await isMissing(getDb(strapi).connection)) ? rebuild({ onlyIfMissing: true }) : null,
  };
};
