import type { Strapi } from '@strapi/types';

import { customFieldSubscriber } from '../custom-fields';
import { getDb } from '../utils/strapi';

import { adminUserSubscriber } from './admin-user';
import { auditEntrySubscriber } from './audit-entry';
import { botSubscribers } from './bots';
import { callRecordSubscriber } from './call-record';
import { settingSubscriber } from './setting';

/** Returns the unsubscribe functions, called on destroy so a reloaded plugin never doubles up. */
export const subscribeLifecycles = (strapi: Strapi): Array<() => void> => {
  const { lifecycles } = getDb(strapi);
  return [
    callRecordSubscriber(strapi),
    settingSubscriber(strapi),
    auditEntrySubscriber(),
    ...botSubscribers(strapi),
    customFieldSubscriber(strapi),
    adminUserSubscriber(strapi),
  ].map((subscriber) => lifecycles.subscribe(subscriber));
};
