import { Readable, pipeline } from 'stream';

import type { Strapi } from '@strapi/types';
import { stringify, type Stringifier } from 'csv-stringify';
import type { Context } from 'koa';

import { logText } from '../domain/log-text';

import { getConfig } from './strapi';

/**
 * A CSV download streamed from records read batch by batch: memory holds one batch, whatever
 * the total. A failure after the first rows destroys the stream with its error (the controller
 * then cuts the connection: the status is already out, and a download that simply ended would
 * look complete).
 */
export const csvStream = (
  strapi: Strapi,
  records: AsyncIterable<string[]>,
  columns: readonly string[],
  what: string
): Stringifier => {
  // The BOM tells Excel the file is UTF-8, or it garbles Chinese robot names (csvBom).
  const csv = stringify({ bom: getConfig(strapi).csvBom, header: true, columns: [...columns] });
  pipeline(Readable.from(records), csv, (error) => {
    if (!error) return;
    // A client that stops downloading closes the stream: the batches stop, nothing failed.
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') {
      strapi.log.debug(`[call-history] ${what} closed by the client`);
    } else {
      strapi.log.error(`[call-history] ${what} failed after its first rows: ${logText(error)}`);
    }
  });
  return csv;
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
