import type { Database } from '@strapi/database';
import type { Strapi } from '@strapi/types';

import type { PluginConfig } from '../config';
import { PLUGIN_ID } from '../constants';
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
 * (which would end the process).
 */
export const emitEvent = (strapi: Strapi, name: string, payload: object): void => {
  strapi.eventHub.emit(name, payload).catch((error: unknown) => {
    strapi.log.error(`call-history: a listener of ${name} failed: ${logText(error)}`);
  });
};

/**
 * A key for what the plugin signs (cursors, export tickets): from the admin's JWT secret, so it
 * is private to this deployment and the same on all its nodes; one per purpose, so a value
 * signed for one never passes as the other.
 */
export const signingSecret = (strapi: Strapi, purpose: string): string => {
  const secret = strapi.config.get('admin.auth.secret') ?? strapi.config.get('server.app.keys');
  return `call-history-${purpose}:${JSON.stringify(secret ?? '')}`;
};
