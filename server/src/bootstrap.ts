import type { Strapi } from '@strapi/types';

import { EVENTS, PURGE_JOB } from './constants';
import { ensureAccessCodeGuards } from './database/access-code-guard';
import { ensureRollupTriggers } from './database/call-rollup';
import { assertSupportedDatabase, warnUnlessDatesInUtc } from './database/database-version';
import { dialectOf } from './database/dialect';
import { ensureExactCollation } from './database/exact-collation';
import {
  DAY_INDEX_NAMES,
  dropRetiredIndexes,
  ensureIndexes,
  hasDayIndexes,
} from './database/indexes';
import { attachUniqueConstraints } from './database/unique-constraints';
import { logText } from './domain/log-text';
import { subscribeLifecycles } from './lifecycles';
import { backfillFlowSteps } from './repositories/flow-steps-backfill';
import { getConfig, getService } from './utils/strapi';

const unsubscribers: Array<() => void> = [];

/** The admin creates its own roles after the plugins' bootstraps (see register.ts). */
export const afterAdminBootstrap = async (strapi: Strapi) => {
  if (getConfig(strapi).createDefaultRoles) await getService(strapi, 'default-roles').createOnce();
};

/**
 * The retention purge on Strapi's cron, under the plugin's own name. Strapi schedules jobs
 * added this way on every node: the purge's lock lets one of them work at a time.
 */
const schedulePurge = (strapi: Strapi) => {
  const rule = getConfig(strapi).purgeCron;
  if (rule === false) return;
  strapi.cron.add({
    [PURGE_JOB]: {
      task: async () => {
        try {
          const result = await getService(strapi, 'retention').purge();
          if (result.deleted > 0) {
            strapi.log.info(`call-history: the retention purge deleted ${result.deleted} calls`);
          }
        } catch (error) {
          strapi.log.error(`call-history: the retention purge failed: ${logText(error)}`);
        }
      },
      options: { rule },
    },
  });
  unsubscribers.push(() => strapi.cron.remove(PURGE_JOB));
};

/** An install upgrading from a version without the statistics rollup gets it at its first boot. */
const buildRollupIfMissing = async (strapi: Strapi) => {
  const built = await getService(strapi, 'call-rollup').ensureBuilt();
  if (built) {
    strapi.log.info(
      `call-history: built the statistics rollup from ${built.calls} stored calls in ${built.milliseconds} ms`
    );
  }
};

export default async ({ strapi }: { strapi: Strapi }) => {
  await assertSupportedDatabase(strapi);
  warnUnlessDatesInUtc(strapi);
  unsubscribers.push(...subscribeLifecycles(strapi));
  await ensureExactCollation(strapi);
  await ensureIndexes(strapi);
  await dropRetiredIndexes(strapi);
  // Not wanted (any more): each would go on costing every write.
  if (!hasDayIndexes(strapi) && dialectOf(strapi) === 'sqlite') {
    await dropRetiredIndexes(strapi, DAY_INDEX_NAMES);
  }
  await backfillFlowSteps(strapi);
  await attachUniqueConstraints(strapi);
  await ensureAccessCodeGuards(strapi);
  await ensureRollupTriggers(strapi);
  await buildRollupIfMissing(strapi);
  await getService(strapi, 'settings').ensure();
  strapi.webhookStore?.addAllowedEvent('CALL_HISTORY_CALL_RECORDED', EVENTS.callRecorded);
  strapi.webhookStore?.addAllowedEvent('CALL_HISTORY_SETTINGS_UPDATED', EVENTS.settingsUpdated);
  strapi.webhookStore?.addAllowedEvent('CALL_HISTORY_CALLS_PURGED', EVENTS.callsPurged);
  schedulePurge(strapi);
};

export const destroy = () => {
  unsubscribers.splice(0).forEach((unsubscribe) => unsubscribe());
};
