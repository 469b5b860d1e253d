import { createTestDatabase } from '../helpers/database';
import { APP_DIR, startTestApp } from '../helpers/strapi';

interface Role {
  id: number;
  name: string;
}

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

  it('never creates them again on a later boot, even after an administrator deleted one', async () => {
    const database = await createTestDatabase();
    Object.assign(process.env, database.env);
    // Both boots share one database: the second must respect what the first left.
    const createStrapi = (await import('@strapi/strapi')).default;
    const boot = async () => createStrapi({ appDir: APP_DIR, distDir: APP_DIR }).load();
    try {
      const first = await boot();
      const roles = first.service('admin::role') as {
        findOne(p: object): Promise<Role>;
        deleteByIds(ids: number[]): Promise<unknown>;
      };
      await roles.deleteByIds([(await roles.findOne({ name: 'Agent' })).id]);
      await first.destroy();

      const second = await boot();
      try {
        expect(await roleNames({ strapi: second })).not.toContain('Agent');
        expect(await roleNames({ strapi: second })).toContain('Tenant Space Administrator');
      } finally {
        await second.destroy();
      }
    } finally {
      await database.drop();
    }
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
