import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { getService } from '../utils/strapi';
import { requestBody } from '../utils/types';

import { validateBotCreate, validateBotParams, validateBotUpdate } from './validation/bots';

export default ({ strapi }: { strapi: Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'bots').list() };
  },

  async create(ctx: Context) {
    const { kind, ...input } = await validateBotCreate(requestBody(ctx));
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'bots').create(kind, input) };
  },

  async update(ctx: Context) {
    const { kind, id } = await validateBotParams(ctx.params);
    const input = await validateBotUpdate(requestBody(ctx));
    ctx.body = { data: await getService(strapi, 'bots').update(kind, id, input) };
  },

  async remove(ctx: Context) {
    const { kind, id } = await validateBotParams(ctx.params);
    ctx.body = { data: await getService(strapi, 'bots').remove(kind, id) };
  },
});
