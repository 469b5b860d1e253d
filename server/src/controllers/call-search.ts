import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { PLUGIN_ID } from '../constants';
import { parseFilterBody, parseSearchBody, type RawBody } from '../domain/search-query';
import type { ClaimedTicket } from '../services/export-tickets';
import { sendCsvDownload } from '../utils/csv-stream';
import { getConfig, getService } from '../utils/strapi';
import { requestBody } from '../utils/types';
import { validationError } from '../utils/validation';

/**
 * The body of a search, stats or export request: its filters travel in the body, never in the
 * URL that request logs keep (calling numbers are personal data: docs/design.md#privacy).
 */
const bodyOf = (ctx: Context): RawBody => {
  const body = requestBody(ctx);
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new errors.ValidationError('the body must be a JSON object of search fields');
  }
  return body as RawBody;
};

export default ({ strapi }: { strapi: Strapi }) => {
  const service = () => getService(strapi, 'call-search');

  const parseFilters = (raw: RawBody) => {
    const parsed = parseFilterBody(raw, getConfig(strapi));
    if (!parsed.ok) throw validationError(parsed.errors);
    return parsed.value;
  };

  const sendCsv = async (ctx: Context, raw: RawBody) => {
    const { filename, stream } = await service().exportCsv(parseFilters(raw));
    sendCsvDownload(ctx, filename, stream);
  };

  return {
    async search(ctx: Context) {
      const parsed = parseSearchBody(bodyOf(ctx), getConfig(strapi));
      if (!parsed.ok) throw validationError(parsed.errors);
      ctx.body = await service().search(parsed.value);
    },

    async details(ctx: Context) {
      ctx.body = { data: await service().details(String(ctx.params.callId)) };
    },

    async export(ctx: Context) {
      await sendCsv(ctx, bodyOf(ctx));
    },

    /** A single-use download link for the same filters, valid for a minute (export-tickets). */
    async exportTicket(ctx: Context) {
      const raw = bodyOf(ctx);
      parseFilters(raw);
      const adminId = (ctx.state.user as { id: number }).id;
      const ticket = await getService(strapi, 'export-tickets').issue(adminId, raw);
      ctx.body = {
        data: {
          url: `/${PLUGIN_ID}/calls/export/download?ticket=${ticket.id}`,
          expiresAt: ticket.expiresAt.toISOString(),
        },
      };
    },

    /** The CSV of a ticket; the export-ticket policy has claimed it and checked its admin. */
    async download(ctx: Context) {
      await sendCsv(ctx, (ctx.state.exportTicket as ClaimedTicket).filters);
    },

    async stats(ctx: Context) {
      ctx.body = { data: await service().stats(parseFilters(bodyOf(ctx))) };
    },
  };
};
