import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { getService } from '../utils/strapi';
import { requestBody } from '../utils/types';

import { validateSettingsUpdate } from './validation/settings';

export default ({ strapi }: { strapi: Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'settings').get() };
  },

  async update(ctx: Context) {
    const patch = await validateSettingsUpdate(requestBody(ctx));
    ctx.body = { data: await getService(strapi, 'settings').update(patch) };
  },

  async history(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'settings').history() };
  },
});
