import { Readable } from 'stream';

import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { BOM, csvLine } from '../domain/csv-text';
import { logText } from '../domain/log-text';

import { getConfig } from './strapi';

/**
 * Characters per chunk pushed to the response: a chunk stays a young, short-lived string (V8
 * allocates strings above 128 KiB straight into the old generation, which a million-row export
 * then grows by hundreds of MB between two full collections).
 */
const CHUNK_CHARS = 32 * 1024;
/** Bytes buffered ahead of the client: a few chunks, so one batch at a time is read. */
const HIGH_WATER_MARK = 64 * 1024;

/**
 * A CSV download streamed from items read batch by batch, each written as one record by
 * `toRecord` as its line is written: memory holds one batch, whatever the total. A failure
 * after the first rows destroys the stream with its error (the controller then cuts the
 * connection: the status is already out, and a download that simply ended would look
 * complete). A client that stops downloading makes Koa destroy the stream, which ends the
 * batches' generator: nothing more is read, nothing failed.
 */
export const csvStream = <T>(
  strapi: Strapi,
  batches: AsyncIterable<readonly T[]>,
  toRecord: (item: T) => readonly string[],
  columns: readonly string[],
  what: string
): Readable => {
  // The BOM tells Excel the file is UTF-8, or it garbles Chinese robot names (csvBom).
  let chunk = (getConfig(strapi).csvBom ? BOM : '') + csvLine(columns);
  async function* text() {
    for await (const batch of batches) {
      for (const item of batch) {
        chunk += csvLine(toRecord(item));
        if (chunk.length >= CHUNK_CHARS) {
          yield chunk;
          chunk = '';
        }
      }
    }
    yield chunk;
  }
  const stream = Readable.from(text(), { objectMode: false, highWaterMark: HIGH_WATER_MARK });
  stream.once('error', (error) => {
    strapi.log.error(`[call-history] ${what} failed after its first rows: ${logText(error)}`);
  });
  return stream;
};

/** Answers a CSV stream as a download. */
export const sendCsvDownload = (ctx: Context, filename: string, stream: Readable) => {
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
