import type { Database } from '@strapi/database';
import type { Strapi } from '@strapi/types';

import type { PluginConfig } from '../config';
import { PLUGIN_ID } from '../constants';
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
