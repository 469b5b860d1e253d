import type { Strapi } from '@strapi/types';

import { EVENTS } from './constants';
import { ensureAccessCodeGuards } from './database/access-code-guard';
import { ensureIndexes } from './database/indexes';
import { attachUniqueConstraints } from './database/unique-constraints';
import { subscribeLifecycles } from './lifecycles';
import { backfillFlowSteps } from './repositories/flow-steps-backfill';
import { getConfig, getService } from './utils/strapi';

const unsubscribers: Array<() => void> = [];

/** The admin creates its own roles after the plugins' bootstraps (see register.ts). */
export const afterAdminBootstrap = async (strapi: Strapi) => {
  if (getConfig(strapi).createDefaultRoles) await getService(strapi, 'default-roles').createOnce();
};

export default async ({ strapi }: { strapi: Strapi }) => {
  unsubscribers.push(...subscribeLifecycles(strapi));
  await ensureIndexes(strapi);
  await backfillFlowSteps(strapi);
  await attachUniqueConstraints(strapi);
  await ensureAccessCodeGuards(strapi);
  await getService(strapi, 'settings').ensure();
  strapi.webhookStore?.addAllowedEvent('CALL_HISTORY_CALL_RECORDED', EVENTS.callRecorded);
  strapi.webhookStore?.addAllowedEvent('CALL_HISTORY_SETTINGS_UPDATED', EVENTS.settingsUpdated);
};

export const destroy = () => {
  unsubscribers.splice(0).forEach((unsubscribe) => unsubscribe());
};
