import type { BatchAnswer, CallResult } from '../../../server/src/domain/batch-ingest';
import { ndjsonLines } from '../../../server/src/domain/ndjson-lines';
import { ingestLines, type LineResult } from '../../../server/src/domain/stream-ingest';

async function* reads(text: string) {
  yield Buffer.from(text);
}

/** A batch that stores every object with a callId and finds the rest invalid. */
const storeAll = async (calls: unknown[]): Promise<BatchAnswer> => {
  const results: CallResult[] = calls.map((call) =>
    typeof call === 'object' && call !== null && 'callId' in call
      ? { callId: String(call.callId), status: 'stored', flowRecorded: false }
      : { callId: null, status: 'invalid', reason: 'each call must be a JSON object', path: 'call' }
  );
  return { results, counts: { stored: 0, notRecorded: 0, duplicate: 0, invalid: 0 } };
};

const limits = { chunkSize: 2, chunkBytes: 1024 * 1024, maxLineBytes: 1024 };
const noFailure = () => {
  throw new Error('no failure expected');
};

describe('ingestLines', () => {
  it('commits chunk by chunk and settles a malformed line as its call, naming the line', async () => {
    const batches: unknown[][] = [];
    const emitted: LineResult[][] = [];
    const summary = await ingestLines(
      ndjsonLines(reads('{"callId":"a"}\n{"callId":\n\n{"callId":"b"}\n{"callId":"c"}\n'), 1024),
      limits,
      async (calls) => {
        batches.push(calls);
        return storeAll(calls);
      },
      async (results) => {
        emitted.push(results);
      },
      noFailure
    );
    // Two lines per chunk: the malformed line counts toward its chunk, and is no call of it.
    expect(batches).toEqual([[{ callId: 'a' }], [{ callId: 'b' }, { callId: 'c' }]]);
    expect(emitted.flat()).toEqual([
      { line: 1, callId: 'a', status: 'stored', flowRecorded: false },
      {
        line: 2,
        callId: null,
        status: 'invalid',
        reason: expect.stringMatching(/^line 2: not valid JSON/),
        path: 'call',
      },
      { line: 4, callId: 'b', status: 'stored', flowRecorded: false },
      { line: 5, callId: 'c', status: 'stored', flowRecorded: false },
    ]);
    expect(summary).toEqual({
      lines: 5,
      counts: { stored: 3, notRecorded: 0, duplicate: 0, invalid: 1 },
      complete: true,
    });
  });

  it('stops at a failed chunk, naming its first line as the first not stored', async () => {
    let batch = 0;
    const emitted: LineResult[] = [];
    const summary = await ingestLines(
      ndjsonLines(
        reads('{"callId":"a"}\n{"callId":"b"}\n{"callId":"c"}\n{"callId":"d"}\n{"callId":"e"}\n'),
        1024
      ),
      limits,
      async (calls) => {
        batch += 1;
        if (batch === 2) throw new Error('database gone');
        return storeAll(calls);
      },
      async (results) => {
        emitted.push(...results);
      },
      () => ({ status: 503, message: 'not stored', details: { retryable: true } })
    );
    expect(emitted.map((result) => result.line)).toEqual([1, 2]);
    expect(batch).toBe(2);
    expect(summary).toEqual({
      lines: 4,
      counts: { stored: 2, notRecorded: 0, duplicate: 0, invalid: 0 },
      complete: false,
      error: {
        status: 503,
        message: 'not stored',
        details: { retryable: true, firstLineNotStored: 3 },
      },
    });
  });

  it('commits early once a chunk holds chunkBytes of text', async () => {
    const sizes: number[] = [];
    await ingestLines(
      ndjsonLines(reads('{"callId":"aaaa"}\n{"callId":"bbbb"}\n{"callId":"cccc"}\n'), 1024),
      { chunkSize: 100, chunkBytes: 20, maxLineBytes: 1024 },
      async (calls) => {
        sizes.push(calls.length);
        return storeAll(calls);
      },
      async () => undefined,
      noFailure
    );
    expect(sizes).toEqual([2, 1]);
  });

  it('answers a line over the bound as its call’s invalid', async () => {
    const emitted: LineResult[] = [];
    await ingestLines(
      ndjsonLines(reads(`{"callId":"${'x'.repeat(50)}"}\n`), 16),
      { ...limits, maxLineBytes: 16 },
      storeAll,
      async (results) => {
        emitted.push(...results);
      },
      noFailure
    );
    expect(emitted).toEqual([
      {
        line: 1,
        callId: null,
        status: 'invalid',
        reason: 'line 1: longer than 16 bytes: not read',
        path: 'call',
      },
    ]);
  });
});
