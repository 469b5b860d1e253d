import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { getService } from '../utils/strapi';

export default ({ strapi }: { strapi: Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'bots').list() };
  },
});
