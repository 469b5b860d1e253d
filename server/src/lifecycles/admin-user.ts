import type { Strapi } from '@strapi/types';

import { getDb, getService } from '../utils/strapi';
import type { LifecycleEvent as Event } from '../utils/types';

const ADMIN_USER = 'admin::user';

const idOf = (row: unknown): number | null => {
  const id = (row as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'number' ? id : null;
};

/**
 * An admin user's saved searches go with the user, however the user is deleted (the admin's
 * Users page deletes one at a time; a deleteMany from code takes its ids before it runs).
 */
export const adminUserSubscriber = (strapi: Strapi) => ({
  models: [ADMIN_USER],
  async afterDelete(event: Event) {
    const id = idOf(event.result);
    if (id !== null) await getService(strapi, 'saved-searches').removeOwnedBy([id]);
  },
  async beforeDeleteMany(event: Event) {
    const rows = (await getDb(strapi)
      .query(ADMIN_USER)
      .findMany({ select: ['id'], where: event.params.where })) as unknown[];
    event.state.adminIds = rows.map(idOf).filter((id): id is number => id !== null);
  },
  async afterDeleteMany(event: Event) {
    const ids = (event.state.adminIds as number[] | undefined) ?? [];
    await getService(strapi, 'saved-searches').removeOwnedBy(ids);
  },
});
