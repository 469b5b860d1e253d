import type { Strapi } from '@strapi/types';

import { DEFAULT_ROLES, PLUGIN_ID } from '../constants';

const STORE_KEY = 'defaultRolesCreated';

interface RoleService {
  findOne(params: { name: string }): Promise<{ id: number } | null>;
  create(attributes: { name: string; description: string }): Promise<{ id: number }>;
  assignPermissions(
    roleId: number,
    permissions: Array<{ action: string; subject: null; conditions: string[]; properties: object }>
  ): Promise<unknown>;
}

export default ({ strapi }: { strapi: Strapi }) => ({
  /**
   * Creates "Tenant Space Administrator" and "Agent" once in the life of the database: a store
   * flag remembers it, so a role an administrator later edits or deletes is never touched again.
   */
  async createOnce(): Promise<void> {
    const store = strapi.store?.({ type: 'plugin', name: PLUGIN_ID });
    if (!store || (await store.get({ key: STORE_KEY }))) return;
    const roles = strapi.service('admin::role') as unknown as RoleService;
    for (const role of DEFAULT_ROLES) {
      if (await roles.findOne({ name: role.name })) continue;
      const created = await roles.create({ name: role.name, description: role.description });
      await roles.assignPermissions(
        created.id,
        role.actions.map((action) => ({ action, subject: null, conditions: [], properties: {} }))
      );
      strapi.log.info(`[call-history] created the admin role "${role.name}"`);
    }
    await store.set({ key: STORE_KEY, value: true });
  },
});
