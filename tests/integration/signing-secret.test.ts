import createStrapi from '@strapi/strapi';

import { MISSING_SIGNING_KEY } from '../../server/src/domain/deployment-secret';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { APP_DIR } from '../helpers/strapi';

/**
 * Cursors are signed with the deployment's secret; without one they would be signed with a key
 * anyone can compute, so the plugin refuses to boot. Strapi itself requires admin.auth.secret
 * only when it serves the admin panel, so these boots leave the panel off (an API-only node) and
 * empty the host app's secrets through its env variables (tests/app/config).
 */
describe('booting without a signing secret', () => {
  let database: TestDatabase;
  const env = { ADMIN_JWT_SECRET: '', APP_KEYS: '', CALL_HISTORY_HOST_EXTENSION: 'off' };

  const boot = async (overrides: Record<string, string>) => {
    Object.assign(process.env, database.env, env, overrides);
    const strapi = createStrapi({ appDir: APP_DIR, distDir: APP_DIR, serveAdminPanel: false });
    try {
      await strapi.load();
    } finally {
      await strapi.destroy().catch(() => undefined);
    }
    return strapi;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const key of Object.keys(env)) delete process.env[key];
    await database?.drop();
  });

  it('fails with neither admin.auth.secret nor server.app.keys, naming both', async () => {
    await expect(boot({})).rejects.toThrow(MISSING_SIGNING_KEY);
    expect(MISSING_SIGNING_KEY).toContain('admin.auth.secret');
    expect(MISSING_SIGNING_KEY).toContain('server.app.keys');
  });

  it('boots with the app keys alone (no admin panel, so Strapi needs no admin secret)', async () => {
    const strapi = await boot({ APP_KEYS: 'key-one,key-two' });
    expect(strapi.config.get('admin.auth.secret')).toBe('');
  });
});
