import type { Strapi } from '@strapi/types';

import { afterAdminBootstrap } from './bootstrap';
import { ACTIONS, UID } from './constants';
import { registerCustomFields } from './custom-fields';
import { assertSigningSecret, getConfig } from './utils/strapi';

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

/** The types a team may choose to see in the Content Manager; settings and audit never show. */
const CONTENT_MANAGER_OPTIONAL = [UID.chatbot, UID.ivrFlow, UID.callRecord];

/**
 * Before the Content Manager's bootstrap reads them: it registers its permissions, and Strapi's
 * first boot grants Editor and Author, only for the types it shows. Whatever is chosen, the
 * lifecycles keep a stored call's contract fields unchanged and refuse deleting it.
 */
const applyContentManagerVisibility = (strapi: Strapi) => {
  const visible = getConfig(strapi).showInContentManager;
  for (const uid of CONTENT_MANAGER_OPTIONAL) {
    const model = strapi.contentTypes[uid] as { pluginOptions?: Record<string, object> };
    model.pluginOptions = {
      ...model.pluginOptions,
      'content-manager': { ...model.pluginOptions?.['content-manager'], visible },
    };
  }
};

interface GraphqlExtension {
  shadowCRUD(uid: string): { disable(): void };
}

/**
 * A host's GraphQL plugin would otherwise generate queries and mutations for every type of the
 * plugin, and a read-only API token (the one a public front end holds) may run every query:
 * call records, numbers and traces included. The plugin's own routes and actions are the way in.
 */
const hideFromGraphql = (strapi: Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension') as unknown as GraphqlExtension;
  for (const uid of Object.values(UID)) extension.shadowCRUD(uid).disable();
};

export default async ({ strapi }: { strapi: Strapi }) => {
  // First: a plugin that would sign cursors with a public key must not start at all.
  assertSigningSecret(strapi);
  applyContentManagerVisibility(strapi);
  hideFromGraphql(strapi);
  const { actionProvider } = strapi.service('admin::permission') as unknown as {
    actionProvider: ActionProvider;
  };
  await actionProvider.registerMany(ACTIONS);
  registerCustomFields(strapi);
  runAfterAdminBootstrap(strapi, ({ strapi: booted }) => afterAdminBootstrap(booted));
};
