import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { parseAuditFilterQuery, parseAuditQuery } from '../domain/audit-query';
import type { RawBody } from '../domain/search-query';
import { sendCsvDownload } from '../utils/csv-stream';
import { getService } from '../utils/strapi';
import { validationError } from '../utils/validation';

/**
 * The audit log (settings, robots and IVR flows, call deletions, reveals, holds, purges,
 * erasures). Its filters travel in the query string: the trail holds no calling number.
 */
export default ({ strapi }: { strapi: Strapi }) => ({
  async find(ctx: Context) {
    const parsed = parseAuditQuery(ctx.query as RawBody);
    if (!parsed.ok) throw validationError(parsed.errors);
    ctx.body = await getService(strapi, 'audit').page(parsed.value);
  },

  async export(ctx: Context) {
    const parsed = parseAuditFilterQuery(ctx.query as RawBody);
    if (!parsed.ok) throw validationError(parsed.errors);
    const { filename, stream } = await getService(strapi, 'audit').exportCsv(parsed.value);
    sendCsvDownload(ctx, filename, stream);
  },
});
