import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { parseSavedSearch } from '../domain/saved-search';
import { getConfig, getService } from '../utils/strapi';
import { requestFields } from '../utils/types';
import { validationError } from '../utils/validation';

/** The admin who asks: every saved-search route is scoped to their own. */
const adminIdOf = (ctx: Context): number => (ctx.state.user as { id: number }).id;

/** Saved searches (behind calls.read): list, save and delete the admin's own. */
export default ({ strapi }: { strapi: Strapi }) => {
  const service = () => getService(strapi, 'saved-searches');

  return {
    async find(ctx: Context) {
      ctx.body = { data: await service().list(adminIdOf(ctx)) };
    },

    async create(ctx: Context) {
      const parsed = parseSavedSearch(
        requestFields(ctx, 'with a name and search fields'),
        getConfig(strapi)
      );
      if (!parsed.ok) throw validationError(parsed.errors);
      ctx.status = 201;
      ctx.body = { data: await service().create(adminIdOf(ctx), parsed.value) };
    },

    async remove(ctx: Context) {
      const id = Number(ctx.params.id);
      if (!Number.isSafeInteger(id) || id < 1) {
        throw new errors.NotFoundError(`You have no saved search ${String(ctx.params.id)}`);
      }
      ctx.body = { data: await service().remove(adminIdOf(ctx), id) };
    },
  };
};
