import type { Strapi } from '@strapi/types';

import { createTestDatabase } from '../helpers/database';
import { APP_DIR, startTestApp } from '../helpers/strapi';

interface Role {
  id: number;
  name: string;
}

interface RoleService {
  findOne(p: object): Promise<Role | null>;
  create(p: object): Promise<Role>;
  deleteByIds(ids: number[]): Promise<unknown>;
  assignPermissions(roleId: number, permissions: object[]): Promise<unknown>;
}

const roleService = (strapi: { service(uid: string): unknown }) =>
  strapi.service('admin::role') as RoleService;

const actionsOf = async (strapi: { service(uid: string): unknown }, name: string) => {
  const role = await roleService(strapi).findOne({ name });
  const permissions = strapi.service('admin::permission') as {
    findMany(params: object): Promise<Array<{ action: string }>>;
  };
  return (await permissions.findMany({ where: { role: { id: role?.id } } }))
    .map((permission) => permission.action)
    .sort();
};

const permission = (action: string) => ({ action, subject: null, conditions: [], properties: {} });

const roleNames = async (app: { strapi: { service(uid: string): unknown } }) => {
  const roles = app.strapi.service('admin::role') as { find(params: object): Promise<Role[]> };
  return (await roles.find({})).map((role) => role.name).sort();
};

describe('default roles', () => {
  it('creates the two roles on the first boot, with their actions, beside the admin roles', async () => {
    const app = await startTestApp();
    try {
      expect(await roleNames(app)).toEqual(
        ['Agent', 'Author', 'Editor', 'Super Admin', 'Tenant Space Administrator'].sort()
      );
      const permissions = app.strapi.service('admin::permission') as {
        findMany(params: object): Promise<Array<{ action: string }>>;
      };
      const agent = (await (
        app.strapi.service('admin::role') as { findOne(p: object): Promise<Role> }
      ).findOne({
        name: 'Agent',
      })) as Role;
      const actions = (await permissions.findMany({ where: { role: { id: agent.id } } }))
        .map((permission) => permission.action)
        .sort();
      expect(actions).toEqual([
        'plugin::call-history.bots.read',
        'plugin::call-history.calls.details',
        'plugin::call-history.calls.read',
        'plugin::call-history.settings.read',
      ]);
    } finally {
      await app.stop();
    }
  });

  const withSharedDatabase = async (
    run: (boot: (env?: object) => Promise<Strapi>) => Promise<void>
  ) => {
    const database = await createTestDatabase();
    const createStrapi = (await import('@strapi/strapi')).default;
    // Every boot shares one database: a later boot must respect what an earlier one left.
    const boot = async (env: object = {}) => {
      Object.assign(process.env, database.env, { CALL_HISTORY_CREATE_DEFAULT_ROLES: 'true' }, env);
      return (await createStrapi({ appDir: APP_DIR, distDir: APP_DIR }).load()) as Strapi;
    };
    try {
      await run(boot);
    } finally {
      delete process.env.CALL_HISTORY_CREATE_DEFAULT_ROLES;
      await database.drop();
    }
  };

  it('never creates them again, nor changes them, on a later boot', async () => {
    await withSharedDatabase(async (boot) => {
      const first = await boot();
      const roles = roleService(first);
      await roles.deleteByIds([(await roles.findOne({ name: 'Agent' }))!.id]);
      const tenantAdmin = (await roles.findOne({ name: 'Tenant Space Administrator' }))!;
      await roles.assignPermissions(tenantAdmin.id, [
        permission('plugin::call-history.calls.read'),
      ]);
      await first.destroy();

      const second = await boot();
      try {
        expect(await roleNames({ strapi: second })).not.toContain('Agent');
        expect(await actionsOf(second, 'Tenant Space Administrator')).toEqual([
          'plugin::call-history.calls.read',
        ]);
      } finally {
        await second.destroy();
      }
    });
  });

  it('leaves a role of the same name that existed before the plugin as it was', async () => {
    await withSharedDatabase(async (boot) => {
      const before = await boot({ CALL_HISTORY_CREATE_DEFAULT_ROLES: 'false' });
      const agent = await roleService(before).create({ name: 'Agent', description: 'Our own' });
      await roleService(before).assignPermissions(agent.id, [
        permission('admin::marketplace.read'),
      ]);
      await before.destroy();

      const after = await boot();
      try {
        expect(await actionsOf(after, 'Agent')).toEqual(['admin::marketplace.read']);
        expect(await roleService(after).findOne({ name: 'Agent' })).toMatchObject({
          description: 'Our own',
        });
        expect(await roleNames({ strapi: after })).toContain('Tenant Space Administrator');
      } finally {
        await after.destroy();
      }
    });
  });

  it('creates none when the plugin config switch is off', async () => {
    const app = await startTestApp({ CALL_HISTORY_CREATE_DEFAULT_ROLES: 'false' });
    try {
      expect(await roleNames(app)).toEqual(['Author', 'Editor', 'Super Admin']);
    } finally {
      await app.stop();
    }
  });
});
