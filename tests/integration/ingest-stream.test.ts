import http from 'http';
import type { AddressInfo } from 'net';

import {
  INGEST_ACTION,
  INGEST_PATH,
  countCalls,
  createApiToken,
  makeCall,
  setFlags,
} from '../helpers/ingest';
import { bearer, startTestApp, type TestApp } from '../helpers/strapi';

/** Calls per chunk in this file: small, so that an upload of a few hundred calls is several. */
const CHUNK = 100;

interface Streamed {
  status: number;
  type: string | undefined;
  lines: Array<Record<string, unknown>>;
}

/**
 * Posts an upload as a real stream, piece by piece, with `Content-Type: application/x-ndjson`;
 * `between` runs after each piece is written (the server may answer while the client writes).
 */
const postStream = (
  app: TestApp,
  token: string | null,
  pieces: string[],
  onLine: (line: Record<string, unknown>) => void = () => undefined,
  between: (index: number) => Promise<void> = async () => undefined
): Promise<Streamed> =>
  new Promise((resolve, reject) => {
    const { port } = app.strapi.server.httpServer.address() as AddressInfo;
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: INGEST_PATH,
        headers: {
          'Content-Type': 'application/x-ndjson',
          ...(token ? bearer(token) : {}),
        },
      },
      (response) => {
        let rest = '';
        const lines: Array<Record<string, unknown>> = [];
        response.setEncoding('utf8');
        response.on('data', (text: string) => {
          rest += text;
          let newline = rest.indexOf('\n');
          while (newline >= 0) {
            const line = JSON.parse(rest.slice(0, newline)) as Record<string, unknown>;
            lines.push(line);
            onLine(line);
            rest = rest.slice(newline + 1);
            newline = rest.indexOf('\n');
          }
        });
        response.on('end', () => {
          if (rest.trim() !== '') lines.push(JSON.parse(rest) as Record<string, unknown>);
          resolve({
            status: response.statusCode ?? 0,
            type: response.headers['content-type'],
            lines,
          });
        });
        response.on('error', reject);
      }
    );
    request.on('error', reject);
    void (async () => {
      for (const [index, piece] of pieces.entries()) {
        if (!request.write(piece)) await new Promise((drained) => request.once('drain', drained));
        await between(index);
      }
      request.end();
    })().catch(reject);
  });

const ndjson = (calls: unknown[]) => calls.map((call) => `${JSON.stringify(call)}\n`).join('');

const summaryOf = (streamed: Streamed) => {
  const last = streamed.lines[streamed.lines.length - 1];
  return last.summary as Record<string, unknown>;
};

describe('POST /api/call-history/calls/batch with application/x-ndjson (streamed upload)', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    // Strapi's default 1 MB JSON limit: the upload below is larger, and is read all the same.
    app = await startTestApp({
      STRAPI_JSON_LIMIT: '1mb',
      CALL_HISTORY_STREAM_CHUNK_SIZE: String(CHUNK),
    });
    token = await createApiToken(app, 'call platform');
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'OFF' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  // 450 calls with 20-step traces, about 1.8 MB, a malformed line at line 120 and a blank one
  // at line 300: the same upload is sent twice.
  const TRACED = 450;
  const upload = () => {
    const lines: string[] = [];
    let line = 0;
    for (let i = 0; i < TRACED; i += 1) {
      line += 1;
      if (line === 120) lines.push('{"callId": "broken", "callingNumber": \n');
      else if (line === 300) lines.push('\n');
      else lines.push(`${JSON.stringify(makeCall(`big-${i}`, {}, 20))}\r\n`);
    }
    return lines;
  };

  it('reads an upload larger than the JSON limit, answering one line per call and a summary', async () => {
    const pieces = upload();
    expect(Buffer.byteLength(pieces.join(''))).toBeGreaterThan(1.5 * 1024 * 1024);
    const streamed = await postStream(app, token, pieces);
    expect(streamed.status).toBe(200);
    expect(streamed.type).toContain('application/x-ndjson');
    const results = streamed.lines.slice(0, -1);
    // One line per non-blank line of the upload, in order.
    expect(results).toHaveLength(TRACED - 1);
    expect(results.map((result) => result.line)).toEqual(
      Array.from({ length: TRACED }, (_, i) => i + 1).filter((line) => line !== 300)
    );
    expect(results[0]).toEqual({ line: 1, callId: 'big-0', status: 'stored', flowRecorded: true });
    expect(results[119]).toEqual({
      line: 120,
      callId: null,
      status: 'invalid',
      reason: expect.stringMatching(/^line 120: not valid JSON/),
      path: 'call',
    });
    expect(summaryOf(streamed)).toEqual({
      lines: TRACED,
      counts: { stored: TRACED - 2, notRecorded: 0, duplicate: 0, invalid: 1 },
      complete: true,
    });
    expect(await countCalls(app, { callId: { $startsWith: 'big-' } })).toBe(TRACED - 2);
    const stored = await app.strapi.db
      ?.query('plugin::call-history.call-record')
      .findOne({ where: { callId: 'big-7' } });
    expect(stored).toMatchObject({
      flowSteps: 20,
      durationSeconds: 125,
      botKind: 'INTELLIGENT_ROBOT',
    });
  });

  // 90 calls with traces near their 256 KiB bound: about 19 MB, a first chunk cut at 16 MB of
  // text. One INSERT of such a chunk would be over MariaDB's default max_allowed_packet (16 MB,
  // the values written into the statement): the insert cuts its statements by bytes there.
  it('stores chunks whose traces together outweigh the database packet limit', async () => {
    const trace = (makeCall('x', {}, 60).flowTrace as Array<Record<string, unknown>>).map(
      (step) => ({ ...step, botReply: 'r'.repeat(3500) })
    );
    const pieces = Array.from({ length: 90 }, (_, i) =>
      ndjson([makeCall(`heavy-${i}`, { flowTrace: trace })])
    );
    expect(Buffer.byteLength(pieces.join(''))).toBeGreaterThan(18 * 1024 * 1024);
    const streamed = await postStream(app, token, pieces);
    expect(summaryOf(streamed)).toEqual({
      lines: 90,
      counts: { stored: 90, notRecorded: 0, duplicate: 0, invalid: 0 },
      complete: true,
    });
    expect(await countCalls(app, { callId: { $startsWith: 'heavy-' } })).toBe(90);
  });

  it('is idempotent: the same upload sent again stores nothing and answers duplicates', async () => {
    const before = await countCalls(app);
    const streamed = await postStream(app, token, upload());
    expect(summaryOf(streamed)).toEqual({
      lines: TRACED,
      counts: { stored: 0, notRecorded: 0, duplicate: TRACED - 2, invalid: 1 },
      complete: true,
    });
    expect(streamed.lines[0]).toEqual({
      line: 1,
      callId: 'big-0',
      status: 'duplicate',
      reason: 'a call with this callId is already stored; it was not changed',
    });
    expect(await countCalls(app)).toBe(before);
  });

  it('answers each call exactly as the batch route answers it', async () => {
    const calls = (prefix: string) => [
      makeCall(`${prefix}-ok`),
      makeCall(`${prefix}-ivr`, { botKind: 'COMMON_IVR' }),
      makeCall(`${prefix}-bad-number`, { callingNumber: 'abc' }),
      makeCall(`${prefix}-ok`),
      makeCall(`${prefix}-late`, { endTime: '2026-03-01T08:00:00Z' }),
      { callId: `${prefix}-extra`, nope: 1 },
      42,
      makeCall(`${prefix}-traced`, {}, 3),
    ];
    const batch = await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({ data: calls('b') })
      .expect(200);
    const streamed = await postStream(app, token, [ndjson(calls('s'))]);
    const unprefixed = (result: Record<string, unknown>) =>
      JSON.parse(JSON.stringify(result).replace(/"[bs]-/g, '"x-')) as Record<string, unknown>;
    const streamedResults = streamed.lines.slice(0, -1).map(({ line, ...result }) => {
      expect(typeof line).toBe('number');
      return unprefixed(result);
    });
    expect(streamedResults).toEqual(
      (batch.body.data.results as Array<Record<string, unknown>>).map(unprefixed)
    );
    expect(summaryOf(streamed).counts).toEqual(batch.body.data.counts);
  });

  it('commits every chunk as it goes, before the upload has ended', async () => {
    const calls = Array.from({ length: 3 * CHUNK }, (_, i) => makeCall(`chunked-${i}`));
    const pieces = [ndjson(calls.slice(0, CHUNK + 10)), ndjson(calls.slice(CHUNK + 10))];
    let answered = 0;
    let storedWhileOpen = -1;
    const streamed = await postStream(
      app,
      token,
      pieces,
      () => {
        answered += 1;
      },
      async (index) => {
        if (index !== 0) return;
        // The first chunk is answered while the client still holds the rest of the upload.
        for (let waited = 0; answered < CHUNK && waited < 200; waited += 1) {
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        storedWhileOpen = await countCalls(app, { callId: { $startsWith: 'chunked-' } });
      }
    );
    expect(storedWhileOpen).toBe(CHUNK);
    expect(summaryOf(streamed).counts).toMatchObject({ stored: 3 * CHUNK });
  });

  it('is behind the batch route permission: refused without it, accepted with it', async () => {
    const refused = await postStream(app, null, [ndjson([makeCall('perm-1')])]);
    expect(refused.status).toBe(403);
    const reader = await createApiToken(app, 'reader', 'custom', [
      'plugin::users-permissions.role.find',
    ]);
    expect((await postStream(app, reader, [ndjson([makeCall('perm-2')])])).status).toBe(403);
    const custom = await createApiToken(app, 'ingest only', 'custom', [INGEST_ACTION]);
    const accepted = await postStream(app, custom, [ndjson([makeCall('perm-3')])]);
    expect(accepted.status).toBe(200);
    expect(accepted.lines[0]).toMatchObject({ line: 1, callId: 'perm-3', status: 'stored' });
    expect(await countCalls(app, { callId: { $in: ['perm-1', 'perm-2', 'perm-3'] } })).toBe(1);
  });

  it('answers an empty upload with a summary of nothing', async () => {
    const streamed = await postStream(app, token, []);
    expect(streamed.status).toBe(200);
    expect(streamed.lines).toEqual([
      {
        summary: {
          lines: 0,
          counts: { stored: 0, notRecorded: 0, duplicate: 0, invalid: 0 },
          complete: true,
        },
      },
    ]);
  });
});
