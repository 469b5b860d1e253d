import { PassThrough } from 'stream';

import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { validateBatchShape } from '../domain/call-input/batch-shape';
import { logText } from '../domain/log-text';
import type { LineResult, StreamFailure } from '../domain/stream-ingest';
import { BatchNotStoredError } from '../services/ingest';
import { fieldError } from '../utils/errors';
import { getService } from '../utils/strapi';
import { requestBody } from '../utils/types';

/** The content type of a streamed upload, which Strapi's body parser leaves unread. */
export const NDJSON = 'application/x-ndjson';

/** The client closed the connection: nothing more is read or answered. */
class ClientGoneError extends Error {}

export default ({ strapi }: { strapi: Strapi }) => {
  /** What the batch route answers for a batch the database did not store. */
  const failureOf = (error: unknown): StreamFailure => {
    if (!(error instanceof BatchNotStoredError)) {
      strapi.log.error(
        `call-history: ingest failed: ${error instanceof Error ? error.stack : String(error)}`
      );
      return { status: 500, message: 'Internal Server Error', details: {} };
    }
    const details = { stored: 0, cause: error.databaseMessage, code: error.code };
    if (error.refused) {
      // The batch is well formed and every call passed validation, yet the database refused
      // one of its values (a rule the validator does not know, e.g. a CHECK or trigger the
      // host added): 422, not retryable, since the same batch would be refused again.
      strapi.log.warn(
        `call-history: batch refused by the database: ${logText(error.databaseMessage)}`
      );
      return { status: 422, message: error.message, details: { ...details, retryable: false } };
    }
    // A failed write is no bad input: 503 with Strapi's error body, and the client may retry,
    // since nothing was stored and the API is idempotent.
    strapi.log.error(`call-history: batch rolled back: ${logText(error.databaseMessage)}`);
    return { status: 503, message: error.message, details: { ...details, retryable: true } };
  };

  /**
   * A streamed upload (docs/design.md#streaming-ingest): the answer is sent as the upload is
   * read, one line per call after each chunk commits, then a summary line. Not awaited: Koa
   * starts sending the body once the handler returns.
   */
  const stream = (ctx: Context) => {
    const output = new PassThrough();
    ctx.status = 200;
    ctx.type = NDJSON;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = output;

    const send = (text: string) =>
      new Promise<void>((resolve, reject) => {
        if (output.destroyed) return reject(new ClientGoneError());
        if (output.write(text)) return resolve();
        // Backpressure of the answer: the upload is not read on until the client takes it.
        const done = () => {
          output.off('drain', done);
          output.off('close', done);
          if (output.destroyed) reject(new ClientGoneError());
          else resolve();
        };
        output.on('drain', done);
        output.on('close', done);
      });
    const emit = (results: LineResult[]) =>
      send(results.map((result) => `${JSON.stringify(result)}\n`).join(''));

    getService(strapi, 'ingest')
      .ingestStream(ctx.req, emit, failureOf)
      .then((summary) => send(`${JSON.stringify({ summary })}\n`))
      .then(
        () => {
          output.end();
          // A failed chunk ends the answer early: the rest of the upload is read and dropped,
          // so the client is not left writing into a connection nobody reads.
          if (!ctx.req.readableEnded) ctx.req.resume();
        },
        (error: unknown) => {
          if (!(error instanceof ClientGoneError)) {
            strapi.log.warn(
              `call-history: streamed upload ended early: ${logText(error instanceof Error ? error.message : String(error))}`
            );
          }
          output.destroy();
        }
      );
  };

  return {
    /**
     * `POST /api/call-history/calls/batch`, for the call platform with an API token: a JSON
     * batch, or with `Content-Type: application/x-ndjson` a streamed upload of any size.
     */
    async batch(ctx: Context) {
      if (ctx.request.type === NDJSON) return stream(ctx);
      const shape = validateBatchShape(requestBody(ctx));
      if (!shape.ok) throw fieldError(shape.problem.path, shape.problem.message);
      try {
        ctx.body = { data: await getService(strapi, 'ingest').ingestBatch(shape.calls) };
      } catch (error) {
        if (!(error instanceof BatchNotStoredError)) throw error;
        const failure = failureOf(error);
        ctx.throw(failure.status, failure.message, { details: failure.details });
      }
    },
  };
};
