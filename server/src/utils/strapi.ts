import type { Database } from '@strapi/database';
import type { Strapi } from '@strapi/types';

import type { PluginConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { MISSING_SIGNING_KEY, deploymentSecret, signingKey } from '../domain/deployment-secret';
import { logText } from '../domain/log-text';
import type services from '../services';

type ServiceFactories = typeof services;
export type Services = { [K in keyof ServiceFactories]: ReturnType<ServiceFactories[K]> };

export const getService = <N extends keyof Services>(strapi: Strapi, name: N): Services[N] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[N];

export const getConfig = (strapi: Strapi): PluginConfig =>
  strapi.config.get(`plugin.${PLUGIN_ID}`) as PluginConfig;

/** Strapi 4's types mark `strapi.db` optional; it exists from bootstrap on. */
export const getDb = (strapi: Strapi): Database => {
  if (!strapi.db) throw new Error('call-history: the database is not initialised yet');
  return strapi.db;
};

/**
 * Emits on Strapi's event hub without awaiting the listeners: a slow host listener must not
 * hold up a write, and one that throws is logged instead of becoming an unhandled rejection
 * (which would end the process). Inside a transaction the event waits for the commit, so a
 * listener never hears of a change that is rolled back, nor reads the database before it lands.
 */
export const emitEvent = (strapi: Strapi, name: string, payload: object): void => {
  const emit = () => {
    strapi.eventHub.emit(name, payload).catch((error: unknown) => {
      strapi.log.error(`call-history: a listener of ${name} failed: ${logText(error)}`);
    });
  };
  const db = strapi.db;
  if (!db?.inTransaction()) {
    emit();
    return;
  }
  // A nested transaction joins the current one and shares its commit callbacks.
  void db.transaction(({ onCommit }) => onCommit(emit));
};

const secretOf = (strapi: Strapi): string | null =>
  deploymentSecret(strapi.config.get('admin.auth.secret'), strapi.config.get('server.app.keys'));

/** Refuses to boot without a deployment secret (register), naming the settings. */
export const assertSigningSecret = (strapi: Strapi): void => {
  if (secretOf(strapi) === null) throw new Error(MISSING_SIGNING_KEY);
};

/**
 * A key for what the plugin signs (search cursors), one per purpose. It never falls back to a
 * constant: without a deployment secret it throws (and register refused to boot already).
 */
export const signingSecret = (strapi: Strapi, purpose: string): string => {
  const secret = secretOf(strapi);
  if (secret === null) throw new Error(MISSING_SIGNING_KEY);
  return signingKey(secret, purpose);
};
