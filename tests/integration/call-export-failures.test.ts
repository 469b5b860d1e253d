import http from 'http';
import type { AddressInfo } from 'net';

import { UID } from '../../server/src/constants';
import { bearer, startTestApp, type TestApp } from '../helpers/strapi';
import { ensureDemoBots, generateCalls } from '../support/call-generator';

/**
 * The CSV export when the database fails for real (the call table renamed away under the
 * running export): before the first row, a proper error answer; after it, an aborted download,
 * never a clean 200 that looks complete.
 */

const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-03-21T00:00:00Z' };
// About 15 MB of CSV, well beyond what the loopback socket buffers and the streams' buffers
// hold (the client pauses at the headers: at most ~10 MB get out), so the export is still
// reading batches when the table goes away.
const CALLS = 60_000;

interface Download {
  status: number;
  contentType: string;
  complete: boolean;
  text: string;
}

describe('POST /call-history/calls/export when the database fails', () => {
  let app: TestApp;
  let port: number;
  let table: string;

  const renameTable = (from: string, to: string) =>
    app.strapi.db!.connection.raw('ALTER TABLE ?? RENAME TO ??', [from, to]);

  /** One download; `onHeaders` runs while the response is paused, before any body is read. */
  const download = (onHeaders: () => Promise<unknown>, period: Record<string, string> = PERIOD) =>
    new Promise<Download>((resolve, reject) => {
      const body = JSON.stringify(period);
      const request = http.request(
        {
          method: 'POST',
          host: '127.0.0.1',
          port,
          path: '/call-history/calls/export',
          headers: {
            ...bearer(app.admin.token),
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.pause();
          const chunks: Buffer[] = [];
          let settled = false;
          const finish = () => {
            if (settled) return;
            settled = true;
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              complete: res.complete,
              text: Buffer.concat(chunks).toString('utf8'),
            });
          };
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', finish);
          res.on('close', finish);
          res.on('error', finish);
          onHeaders().then(
            () => res.resume(),
            (error) => reject(error)
          );
        }
      );
      request.on('error', reject);
      request.end(body);
    });

  beforeAll(async () => {
    app = await startTestApp();
    await app.strapi
      .plugin('call-history')
      .service('settings')
      .update({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
    await ensureDemoBots(app.strapi);
    const generated = await generateCalls(app.strapi, {
      count: CALLS,
      ...PERIOD,
      seed: 21,
      traceRatio: 0,
    });
    expect(generated.stored).toBe(CALLS);
    table = app.strapi.db!.metadata.get(UID.callRecord).tableName;
    // startTestApp's server listens already.
    port = (app.strapi.server.httpServer.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('streams the whole export when nothing fails', async () => {
    const result = await download(async () => undefined);
    expect(result).toMatchObject({ status: 200, complete: true });
    expect(result.text.trimEnd().split('\n')).toHaveLength(CALLS + 1);
  });

  it('answers an error, not a CSV, when the database fails before the first row', async () => {
    await renameTable(table, `${table}_away`);
    try {
      const response = await app
        .http()
        .post('/call-history/calls/export')
        .send(PERIOD)
        .set(bearer(app.admin.token));
      expect(response.status).toBe(500);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({
        data: null,
        error: { status: 500, name: 'InternalServerError' },
      });
    } finally {
      await renameTable(`${table}_away`, table);
    }
  });

  it('aborts the download when the database fails after the first rows', async () => {
    let renamed = false;
    try {
      const result = await download(async () => {
        // The headers and the first batch are out; the next batches will not find the table.
        await renameTable(table, `${table}_away`);
        renamed = true;
      });
      expect(result.status).toBe(200);
      expect(result.contentType).toMatch(/^text\/csv/);
      const lines = result.text.split('\n').length;
      expect(lines).toBeGreaterThan(1);
      expect(lines).toBeLessThan(CALLS);
      // The client sees a broken transfer, not the end of a (truncated) file.
      expect(result.complete).toBe(false);
    } finally {
      if (renamed) await renameTable(`${table}_away`, table);
    }
  });

  it('works again once the table is back', async () => {
    const day = { from: '2026-03-05T00:00:00Z', to: '2026-03-06T00:00:00Z' };
    const result = await download(async () => undefined, day);
    expect(result).toMatchObject({ status: 200, complete: true });
    expect(result.text.split('\n').length).toBeGreaterThan(1000);
  });
});
