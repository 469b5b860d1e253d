import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { PLUGIN_ID } from '../constants';
import {
  EXPORT_TICKET_TTL_MS,
  encodeExportTicket,
  type ExportTicket,
} from '../domain/export-ticket';
import { parseFilterQuery, parseSearchQuery } from '../domain/search-query';
import { getConfig, getService, signingSecret } from '../utils/strapi';
import { requestBody } from '../utils/types';
import { validationError } from '../utils/validation';

const queryOf = (ctx: Context) => ctx.query as Record<string, unknown>;

export default ({ strapi }: { strapi: Strapi }) => {
  const service = () => getService(strapi, 'call-search');

  const parseFilters = (raw: Record<string, unknown>) => {
    const parsed = parseFilterQuery(raw, getConfig(strapi));
    if (!parsed.ok) throw validationError(parsed.errors);
    return parsed.value;
  };

  const sendCsv = async (ctx: Context, raw: Record<string, unknown>) => {
    const { filename, stream } = await service().exportCsv(parseFilters(raw));
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
      await sendCsv(ctx, queryOf(ctx));
    },

    /** A download link for the same filters, valid for a minute (see domain/export-ticket). */
    async exportTicket(ctx: Context) {
      const body = requestBody(ctx);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new errors.ValidationError('the body must be an object of export parameters');
      }
      const raw = body as Record<string, unknown>;
      parseFilters(raw);
      const ticket: ExportTicket = {
        userId: (ctx.state.user as { id: number }).id,
        query: Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, String(value)])),
        expiresAt: Date.now() + EXPORT_TICKET_TTL_MS,
      };
      const encoded = encodeExportTicket(ticket, signingSecret(strapi, 'export'));
      ctx.body = {
        data: {
          url: `/${PLUGIN_ID}/calls/export/download?ticket=${encoded}`,
          expiresAt: new Date(ticket.expiresAt).toISOString(),
        },
      };
    },

    /** The CSV of a ticket; the export-ticket policy has checked it and its admin's permission. */
    async download(ctx: Context) {
      await sendCsv(ctx, (ctx.state.exportTicket as ExportTicket).query);
    },

    async stats(ctx: Context) {
      ctx.body = { data: await service().stats(parseFilters(queryOf(ctx))) };
    },
  };
};
