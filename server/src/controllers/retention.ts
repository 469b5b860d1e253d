import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { getService } from '../utils/strapi';
import { requestBody } from '../utils/types';

import { validateErasure, validateErasurePreview } from './validation/erasure';

export default ({ strapi }: { strapi: Strapi }) => ({
  /** The purge's dry run: what the next run would delete, per robot and IVR flow. */
  async preview(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'retention').preview() };
  },

  async erasurePreview(ctx: Context) {
    const { callingNumber } = await validateErasurePreview(requestBody(ctx));
    ctx.body = { data: await getService(strapi, 'erasure').preview(callingNumber) };
  },

  async erase(ctx: Context) {
    const request = await validateErasure(requestBody(ctx));
    ctx.body = { data: await getService(strapi, 'erasure').erase(request) };
  },
});
