import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { getService } from '../utils/strapi';

export default ({ strapi }: { strapi: Strapi }) => ({
  /** The whole trail (settings, robots and IVR flows, call deletions), newest first. */
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'audit').list() };
  },
});
