import path from 'path';

import createStrapi from '@strapi/strapi';
import type { Strapi as StrapiInstance } from '@strapi/types';
import request from 'supertest';

import { createTestDatabase, type TestDatabase } from './database';

export const APP_DIR = path.resolve(__dirname, '..', 'app');

export interface TestApp {
  strapi: StrapiInstance;
  http: () => ReturnType<typeof request>;
  /** The first admin (Super Admin), registered through the real admin API. */
  admin: { email: string; password: string; token: string };
  stop(): Promise<void>;
}

const SUPER_ADMIN = { email: 'admin@call-history.test', password: 'Admin-Pass-1234' };
const CALL_RECORD = 'plugin::call-history.call-record';

/**
 * The env of a host app whose team chose to see the plugin's types in the Content Manager
 * (`showInContentManager`): the tests of the Content Manager path boot with it.
 */
export const SHOWN_IN_CONTENT_MANAGER = { CALL_HISTORY_SHOW_IN_CONTENT_MANAGER: 'true' };

/**
 * Waits (2 s at most) until no query holds or waits for a connection. Strapi runs some queries
 * without awaiting them (after an admin user is created, its metrics count the users): one
 * still waiting when the pool is destroyed fails the whole test file after its tests passed.
 */
const untilPoolIdle = async (strapi: StrapiInstance): Promise<void> => {
  const pool = (
    strapi.db?.connection.client as {
      pool?: { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };
    }
  ).pool;
  const deadline = Date.now() + 2000;
  while (
    pool &&
    pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0 &&
    Date.now() < deadline
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

export interface TestAppOptions {
  /**
   * Attributes added to call-record between Strapi's register and bootstrap, where a
   * developer's extension adds them (on top of the host app's own, tests/app/src/call-history).
   */
  callRecordAttributes?: Record<string, object>;
}

/**
 * Boots the real host app on a fresh database (SQLite file or PostgreSQL database), mounts its
 * HTTP server and registers the first admin. One per test file; `stop` in afterAll.
 */
export const startTestApp = async (
  env: Record<string, string> = {},
  options: TestAppOptions = {}
): Promise<TestApp> => {
  const database: TestDatabase = await createTestDatabase();
  Object.assign(process.env, database.env, env);
  const instance = createStrapi({ appDir: APP_DIR, distDir: APP_DIR });
  try {
    await instance.register();
    if (options.callRecordAttributes) {
      const model = instance.contentTypes[CALL_RECORD] as { attributes: Record<string, object> };
      Object.assign(model.attributes, options.callRecordAttributes);
    }
    await instance.bootstrap();
  } catch (error) {
    // A failed boot still holds the database open: close it or jest never exits.
    await instance.destroy().catch(() => undefined);
    await database.drop();
    throw error;
  }
  const strapi = instance as unknown as StrapiInstance;
  await strapi.server.mount();
  // Listening once: supertest would otherwise listen anew for each request, and concurrent
  // requests on a server that is not listening yet reset each other's connections.
  const server = strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const http = () => request(server);

  const registered = await http()
    .post('/admin/register-admin')
    .send({ ...SUPER_ADMIN, firstname: 'Ada', lastname: 'Admin' })
    .expect(200);

  return {
    strapi,
    http,
    admin: { ...SUPER_ADMIN, token: registered.body.data.token as string },
    async stop() {
      await untilPoolIdle(strapi);
      await strapi.destroy();
      await database.drop();
      for (const key of Object.keys(env)) delete process.env[key];
    },
  };
};

export const login = async (app: TestApp, email: string, password: string): Promise<string> => {
  const response = await app.http().post('/admin/login').send({ email, password }).expect(200);
  return response.body.data.token as string;
};

interface AdminRole {
  id: number;
  name: string;
}

/** An active admin user holding the named roles, logged in; returns its JWT. */
export const createAdminUser = async (
  app: TestApp,
  email: string,
  roleNames: string[]
): Promise<string> => {
  const roleService = app.strapi.service('admin::role') as unknown as {
    find(params: object): Promise<AdminRole[]>;
  };
  const roles = (await roleService.find({})).filter((role) => roleNames.includes(role.name));
  if (roles.length !== roleNames.length)
    throw new Error(`missing role among ${roleNames.join(', ')}`);
  const password = 'User-Pass-1234';
  const userService = app.strapi.service('admin::user') as unknown as {
    create(attributes: object): Promise<unknown>;
  };
  await userService.create({
    email,
    firstname: email.split('@')[0],
    lastname: 'Test',
    password,
    isActive: true,
    registrationToken: null,
    roles: roles.map((role) => role.id),
  });
  return login(app, email, password);
};

/** A role holding exactly these actions (ids such as `plugin::call-history.calls.read`). */
export const createRole = async (app: TestApp, name: string, actions: string[]) => {
  const roles = app.strapi.service('admin::role') as unknown as {
    create(attributes: object): Promise<{ id: number }>;
    assignPermissions(id: number, permissions: object[]): Promise<unknown>;
  };
  const role = await roles.create({ name, description: `${name} (test)` });
  await roles.assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, conditions: [], properties: {} }))
  );
  return role;
};

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A supertest parser that keeps the body as text: supertest leaves a CSV download unparsed. */
export const asText: Parameters<request.Test['parse']>[0] = (res, done) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => done(null, text));
};
