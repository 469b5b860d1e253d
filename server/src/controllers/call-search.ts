import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { parseFilterQuery, parseSearchQuery } from '../domain/search-query';
import { getConfig, getService } from '../utils/strapi';
import { validationError } from '../utils/validation';

const queryOf = (ctx: Context) => ctx.query as Record<string, unknown>;

export default ({ strapi }: { strapi: Strapi }) => {
  const service = () => getService(strapi, 'call-search');

  const filtersOf = (ctx: Context) => {
    const parsed = parseFilterQuery(queryOf(ctx), getConfig(strapi));
    if (!parsed.ok) throw validationError(parsed.errors);
    return parsed.value;
  };

  return {
    async search(ctx: Context) {
      const parsed = parseSearchQuery(queryOf(ctx), getConfig(strapi));
      if (!parsed.ok) throw validationError(parsed.errors);
      ctx.body = await service().search(parsed.value);
    },

    async details(ctx: Context) {
      ctx.body = { data: await service().details(String(ctx.params.callId)) };
    },

    async export(ctx: Context) {
      const { filename, stream } = await service().exportCsv(filtersOf(ctx));
      // Before Koa's own listener (set with the body): once the status and rows are out, an
      // error can only cut the connection, so the client sees a failed download, not a short
      // file that ends cleanly. Before that, Koa answers the error.
      stream.once('error', () => {
        if (ctx.res.headersSent) ctx.res.destroy();
      });
      ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = stream;
    },

    async stats(ctx: Context) {
      ctx.body = { data: await service().stats(filtersOf(ctx)) };
    },
  };
};
