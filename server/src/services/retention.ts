import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import type {
  PurgeCount,
  PurgeResult,
  RetentionPreview,
  RetentionPreviewRow,
} from '../../../shared/contracts/retention';
import { EVENTS } from '../constants';
import { dialectOf } from '../database/dialect';
import { withMysqlLock, withPooledConnection } from '../database/session-lock';
import { retentionRules, type RetentionRule } from '../domain/retention';
import type { CallSelection } from '../repositories/call-deletion-batches';
import { nextTurn } from '../utils/event-loop';
import { emitEvent, getConfig, getDb, getService } from '../utils/strapi';

/**
 * The key of the purge's PostgreSQL advisory lock: one per database, so that of several Strapi
 * nodes on it exactly one purges at a time. ASCII "chis" ("call history"), a constant no other
 * part of the plugin uses.
 */
export const PURGE_LOCK_KEY = 0x63686973;
/** The name of the purge's MySQL/MariaDB named lock (scoped to the database by session-lock.ts). */
export const PURGE_LOCK_NAME = 'call-history:retention-purge';

/** The calls a rule covers; `before` its cutoff for what expired. */
const selectionOf = (rule: RetentionRule): CallSelection =>
  rule.accessCode !== null
    ? { accessCode: rule.accessCode }
    : { excludedAccessCodes: rule.excludedAccessCodes };

const iso = (millis: number | null) => (millis === null ? null : new Date(millis).toISOString());

/**
 * Retention (docs/design.md#privacy): the dry run and the purge. Deletes go through the
 * call-deletion service, one bounded batch per short transaction, never a held call.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const deletion = () => getService(strapi, 'call-deletion');
  let running = false;

  const loadRules = async (now: Date) => {
    const settings = await getService(strapi, 'settings').get();
    const bots = await getService(strapi, 'bots').listRetention();
    return {
      tenant: settings.retentionDays,
      rules: retentionRules(now, settings.retentionDays, bots),
    };
  };

  /**
   * On PostgreSQL a session-level advisory lock, on MySQL and MariaDB a named lock (GET_LOCK),
   * held on one dedicated connection for the whole run, not waited for: a node that does not get
   * it skips its run (the holder deletes everything expired). SQLite is one process: the
   * in-process guard of `purge` is all it needs.
   */
  const withPurgeLock = async <T>(work: () => Promise<T>): Promise<T | null> => {
    const knex: Knex = getDb(strapi).connection;
    switch (dialectOf(strapi)) {
      case 'sqlite':
        return work();
      case 'mysql':
        return withMysqlLock(knex, PURGE_LOCK_NAME, 0, work);
      case 'postgres':
        return withPooledConnection(knex, async (connection) => {
          const result = await knex
            .raw('SELECT pg_try_advisory_lock(?) AS locked', [PURGE_LOCK_KEY])
            .connection(connection);
          if (!(result as { rows: Array<{ locked: boolean }> }).rows[0]?.locked) return null;
          try {
            return await work();
          } finally {
            await knex.raw('SELECT pg_advisory_unlock(?)', [PURGE_LOCK_KEY]).connection(connection);
          }
        });
    }
  };

  const purgeRule = async (rule: RetentionRule, cutoff: Date, batchSize: number) => {
    let deleted = 0;
    let batches = 0;
    for (;;) {
      const batch = await deletion().deleteBatch(
        { ...selectionOf(rule), before: cutoff },
        batchSize
      );
      if (batch.selected === 0) break;
      batches += 1;
      for (const count of batch.perAccessCode.values()) deleted += count;
      if (batch.selected < batchSize) break;
      await nextTurn();
    }
    // Counted after the deletes: only the held calls are left in the expired range.
    const held = await deletion().count({ ...selectionOf(rule), before: cutoff, held: true });
    return { deleted, batches, held };
  };

  const run = async (now: Date): Promise<PurgeResult> => {
    const { rules } = await loadRules(now);
    const batchSize = getConfig(strapi).purgeBatchSize;
    const result: PurgeResult = {
      at: now.toISOString(),
      deleted: 0,
      perBot: [],
      batches: 0,
      skippedHeld: 0,
    };
    for (const rule of rules) {
      if (rule.cutoff === null || rule.retentionDays === null) continue;
      const { deleted, batches, held } = await purgeRule(rule, rule.cutoff, batchSize);
      result.batches += batches;
      result.skippedHeld += held;
      if (deleted === 0) continue;
      result.deleted += deleted;
      const count: PurgeCount = { bot: rule.bot, retentionDays: rule.retentionDays, deleted };
      result.perBot.push(count);
    }
    if (result.deleted > 0) {
      const { at, ...changes } = result;
      await getService(strapi, 'audit').record(
        { action: 'calls.purge', subject: null, changes: { ...changes, ranAt: at } },
        null
      );
      emitEvent(strapi, EVENTS.callsPurged, result);
    }
    return result;
  };

  return {
    /**
     * Deletes every expired call that is not held. Runs once at a time: a call while this node
     * or another is purging returns at once with `skipped`.
     */
    async purge({ now = new Date() }: { now?: Date } = {}): Promise<PurgeResult> {
      const skipped: PurgeResult = {
        at: now.toISOString(),
        deleted: 0,
        perBot: [],
        batches: 0,
        skippedHeld: 0,
        skipped: 'another-node-is-purging',
      };
      if (running) return skipped;
      running = true;
      try {
        return (await withPurgeLock(() => run(now))) ?? skipped;
      } finally {
        running = false;
      }
    },

    /**
     * The dry run: per robot and IVR flow, and for the calls of no known bot, what the next run
     * would delete and the oldest start time it keeps. Each count walks one index range and
     * stops past the config's `totalCap`.
     */
    async preview({ now = new Date() }: { now?: Date } = {}): Promise<RetentionPreview> {
      const { tenant, rules } = await loadRules(now);
      const cap = getConfig(strapi).totalCap;
      const rows: RetentionPreviewRow[] = [];
      for (const rule of rules) {
        const scope = selectionOf(rule);
        const cutoff = rule.cutoff;
        const expiring = cutoff
          ? await deletion().count({ ...scope, before: cutoff, held: false }, cap)
          : 0;
        const held = cutoff
          ? await deletion().count({ ...scope, before: cutoff, held: true }, cap)
          : 0;
        const kept = await deletion().oldestStart({ ...scope, from: cutoff });
        const heldKept =
          cutoff && held > 0
            ? await deletion().oldestStart({ ...scope, before: cutoff, held: true })
            : null;
        const oldest = [kept, heldKept].filter((value): value is number => value !== null);
        rows.push({
          bot: rule.bot,
          retentionDays: rule.retentionDays,
          source: rule.source,
          cutoff: cutoff?.toISOString() ?? null,
          expiring: Math.min(expiring, cap),
          capped: expiring > cap,
          held: Math.min(held, cap),
          oldestKept: iso(oldest.length > 0 ? Math.min(...oldest) : null),
        });
      }
      return { at: now.toISOString(), tenantRetentionDays: tenant, rows };
    },
  };
};
