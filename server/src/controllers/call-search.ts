import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { PERMISSIONS, PLUGIN_ID } from '../constants';
import type { AuditUser } from '../domain/audit';
import {
  parseExportBody,
  parseFilterBody,
  parseSearchBody,
  type RawBody,
} from '../domain/search-query';
import type { ClaimedTicket } from '../services/export-tickets';
import { sendCsvDownload } from '../utils/csv-stream';
import { fieldError } from '../utils/errors';
import { getConfig, getService } from '../utils/strapi';
import { requestBody, requestFields } from '../utils/types';
import { validationError } from '../utils/validation';

import { validateRevealBody } from './validation/reveal';

/**
 * The body of a search, stats or export request: its filters travel in the body, never in the
 * URL that request logs keep (calling numbers are personal data: docs/design.md#privacy).
 */
const bodyOf = (ctx: Context): RawBody => requestFields(ctx, 'of search fields');

/** An export body: its filters, and whether it asks for full numbers (with the reason why). */
interface ExportRequest {
  filters: RawBody;
  reveal: { reason: string } | null;
}

const canReveal = (ctx: Context): boolean =>
  (ctx.state.userAbility as { can(action: string): boolean } | undefined)?.can(
    PERMISSIONS.callsReveal
  ) === true;

/**
 * Splits `reveal` and `reason` off an export body. Full numbers take `calls.reveal` (403
 * otherwise, before the reason is even read) and a reason (400 naming it).
 */
const exportRequest = async (ctx: Context, raw: RawBody): Promise<ExportRequest> => {
  const { reveal, reason, ...filters } = raw;
  if (reveal !== undefined && reveal !== null && typeof reveal !== 'boolean') {
    throw fieldError('reveal', 'reveal must be true or false');
  }
  if (reveal !== true) {
    if (reason !== undefined) throw fieldError('reason', 'reason goes with reveal: true only');
    return { filters, reveal: null };
  }
  if (!canReveal(ctx)) {
    throw new errors.ForbiddenError(`exporting full numbers takes ${PERMISSIONS.callsReveal}`);
  }
  return { filters, reveal: await validateRevealBody({ reason }) };
};

export default ({ strapi }: { strapi: Strapi }) => {
  const service = () => getService(strapi, 'call-search');

  const parseFilters = (raw: RawBody) => {
    const parsed = parseFilterBody(raw, getConfig(strapi));
    if (!parsed.ok) throw validationError(parsed.errors);
    return parsed.value;
  };

  /** An export's filters and the order of its rows (the search's sort). */
  const parseExport = (raw: RawBody) => {
    const parsed = parseExportBody(raw, getConfig(strapi));
    if (!parsed.ok) throw validationError(parsed.errors);
    return parsed.value;
  };

  const sendCsv = async (ctx: Context, request: ExportRequest, user?: AuditUser) => {
    const filters = parseExport(request.filters);
    if (request.reveal) {
      await service().auditRevealedExport(request.filters, request.reveal.reason, user);
    }
    const { filename, stream } = await service().exportCsv(filters, {
      reveal: request.reveal !== null,
    });
    sendCsvDownload(ctx, filename, stream);
  };

  return {
    async search(ctx: Context) {
      const parsed = parseSearchBody(bodyOf(ctx), getConfig(strapi));
      if (!parsed.ok) throw validationError(parsed.errors);
      ctx.body = await service().search(parsed.value);
    },

    /**
     * A page and the statistics of its filters in one answer: the Call History page's request
     * for a new search. One request instead of two spares the page a round of admin
     * authentication and RBAC (docs/benchmarks.md).
     */
    async page(ctx: Context) {
      const parsed = parseSearchBody(bodyOf(ctx), getConfig(strapi));
      if (!parsed.ok) throw validationError(parsed.errors);
      ctx.body = await service().page(parsed.value);
    },

    async details(ctx: Context) {
      const data = await service().details(String(ctx.params.callId));
      ctx.body = { data, meta: { attributeLabels: service().attributeLabels() } };
    },

    /** The route holds both calls.details and calls.reveal; the body gives the reason. */
    async reveal(ctx: Context) {
      const { reason } = await validateRevealBody(requestBody(ctx) ?? {});
      ctx.body = { data: await service().reveal(String(ctx.params.callId), reason) };
    },

    async export(ctx: Context) {
      await sendCsv(ctx, await exportRequest(ctx, bodyOf(ctx)));
    },

    /**
     * A single-use download link for the same filters, valid for a minute (export-tickets). A
     * reveal is decided here, by the admin who asks, and stored with the ticket: the download
     * reads it from the ticket only, so nothing in the link can turn a masked export into one
     * with full numbers.
     */
    async exportTicket(ctx: Context) {
      const raw = bodyOf(ctx);
      const request = await exportRequest(ctx, raw);
      parseExport(request.filters);
      const adminId = (ctx.state.user as { id: number }).id;
      const ticket = await getService(strapi, 'export-tickets').issue(adminId, {
        ...request.filters,
        ...(request.reveal && { reveal: true, reason: request.reveal.reason }),
      });
      ctx.body = {
        data: {
          url: `/${PLUGIN_ID}/calls/export/download?ticket=${ticket.id}`,
          expiresAt: ticket.expiresAt.toISOString(),
        },
      };
    },

    /**
     * The CSV of a ticket; the export-ticket policy has claimed it and checked its admin (and,
     * for full numbers, that the admin still holds calls.reveal).
     */
    async download(ctx: Context) {
      const ticket = ctx.state.exportTicket as ClaimedTicket;
      const { reveal, reason, ...filters } = ticket.filters;
      await sendCsv(
        ctx,
        { filters, reveal: reveal === true ? { reason: String(reason) } : null },
        ticket.admin
      );
    },

    async stats(ctx: Context) {
      ctx.body = { data: await service().stats(parseFilters(bodyOf(ctx))) };
    },
  };
};
