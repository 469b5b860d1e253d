import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { validateBatchShape } from '../domain/call-input/batch-shape';
import { logText } from '../domain/log-text';
import { BatchNotStoredError } from '../services/ingest';
import { fieldError } from '../utils/errors';
import { getService } from '../utils/strapi';
import { requestBody } from '../utils/types';

export default ({ strapi }: { strapi: Strapi }) => ({
  /** `POST /api/call-history/calls/batch`, for the call platform with an API token. */
  async batch(ctx: Context) {
    const shape = validateBatchShape(requestBody(ctx));
    if (!shape.ok) throw fieldError(shape.problem.path, shape.problem.message);
    try {
      ctx.body = { data: await getService(strapi, 'ingest').ingestBatch(shape.calls) };
    } catch (error) {
      if (!(error instanceof BatchNotStoredError)) throw error;
      const details = { stored: 0, cause: error.databaseMessage, code: error.code };
      if (error.refused) {
        // The batch is well formed and every call passed validation, yet the database refused
        // one of its values (a rule the validator does not know, e.g. a CHECK or trigger the
        // host added): 422, not retryable, since the same batch would be refused again.
        strapi.log.warn(
          `call-history: batch refused by the database: ${logText(error.databaseMessage)}`
        );
        ctx.throw(422, error.message, { details: { ...details, retryable: false } });
      }
      // A failed write is no bad input: 503 with Strapi's error body, and the client may retry,
      // since nothing was stored and the API is idempotent.
      strapi.log.error(`call-history: batch rolled back: ${logText(error.databaseMessage)}`);
      ctx.throw(503, error.message, { details: { ...details, retryable: true } });
    }
  },
});
