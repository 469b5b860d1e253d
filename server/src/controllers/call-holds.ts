import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { parseFilterBody, type RawBody } from '../domain/search-query';
import { getConfig, getService } from '../utils/strapi';
import { requestFields } from '../utils/types';
import { validationError } from '../utils/validation';

import { checkReason } from './validation/holds';

const bodyOf = (ctx: Context): RawBody => requestFields(ctx, 'with a reason');

/**
 * Legal hold routes (behind calls.hold): one call, by its platform id, or every call a search
 * matches, whose filters are read by the search's own validation (domain/search-query.ts) and
 * travel in the body like the search's.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const service = () => getService(strapi, 'call-holds');

  const reasonOf = (ctx: Context) => {
    const checked = checkReason(bodyOf(ctx));
    if (!checked.ok) throw validationError(checked.errors);
    return checked.value;
  };

  return {
    async hold(ctx: Context) {
      ctx.body = { data: await service().holdCall(String(ctx.params.callId), reasonOf(ctx)) };
    },

    async release(ctx: Context) {
      ctx.body = { data: await service().releaseCall(String(ctx.params.callId), reasonOf(ctx)) };
    },

    async holdMatching(ctx: Context) {
      const { reason, ...filters } = bodyOf(ctx);
      const checkedReason = checkReason({ reason }, false);
      const checkedFilters = parseFilterBody(filters, getConfig(strapi));
      const problems = [
        ...(checkedFilters.ok ? [] : checkedFilters.errors),
        ...(checkedReason.ok ? [] : checkedReason.errors),
      ];
      if (!checkedFilters.ok || !checkedReason.ok) throw validationError(problems);
      ctx.body = { data: await service().holdMatching(checkedFilters.value, checkedReason.value) };
    },
  };
};
