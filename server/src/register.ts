import type { Strapi } from '@strapi/types';

import { afterAdminBootstrap } from './bootstrap';
import { ACTIONS } from './constants';
import { registerCustomFields } from './custom-fields';
import { assertSigningSecret } from './utils/strapi';

interface ActionProvider {
  registerMany(actions: typeof ACTIONS): Promise<void>;
}

type Lifecycle = (context: { strapi: Strapi }) => Promise<void> | void;
interface AdminModule {
  bootstrap?: Lifecycle;
}

const originalAdminBootstraps = new WeakMap<AdminModule, Lifecycle>();

/**
 * Strapi runs the admin's bootstrap after every plugin's, and the admin creates its own roles
 * (Super Admin first) only when no role exists at all. Roles the plugin made in its own bootstrap
 * would leave a new app without a Super Admin, so that step runs right after the admin's.
 * The original is kept aside so that a second Strapi instance in one process wraps it only once.
 */
const runAfterAdminBootstrap = (strapi: Strapi, step: Lifecycle) => {
  const admin = strapi.admin as AdminModule | undefined;
  if (!admin) return;
  const original = originalAdminBootstraps.get(admin) ?? admin.bootstrap;
  if (!original) return;
  originalAdminBootstraps.set(admin, original);
  admin.bootstrap = async (context) => {
    await original(context);
    await step(context);
  };
};

export default async ({ strapi }: { strapi: Strapi }) => {
  // First: a plugin that would sign cursors with a public key must not start at all.
  assertSigningSecret(strapi);
  const { actionProvider } = strapi.service('admin::permission') as unknown as {
    actionProvider: ActionProvider;
  };
  await actionProvider.registerMany(ACTIONS);
  registerCustomFields(strapi);
  runAfterAdminBootstrap(strapi, ({ strapi: booted }) => afterAdminBootstrap(booted));
};
