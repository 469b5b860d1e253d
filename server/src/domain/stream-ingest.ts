/**
 * The streaming ingest (docs/design.md#streaming-ingest) around the batch pipeline: lines
 * gathered into chunks, a line that is no call settled as that call's `invalid` before the
 * batch sees it, each chunk's answer written back one line per call, and the final summary.
 * Pure: the batch itself is passed in.
 */
import { addCounts, type BatchAnswer, type BatchCounts, type CallResult } from './batch-ingest';
import type { NdjsonLine } from './ndjson-lines';

/** One result line: the batch's per-call result and the line of the upload it answers. */
export type LineResult = { line: number } & CallResult;

export interface StreamLimits {
  /** Calls per chunk, each chunk one batch and one transaction. */
  chunkSize: number;
  /** A chunk is committed early once its lines hold this many bytes of text. */
  chunkBytes: number;
}

export interface StreamFailure {
  /** What the batch route answers for the same failure: 503 retryable, 422 not. */
  status: number;
  message: string;
  details: Record<string, unknown>;
}

export interface StreamSummary {
  /** The last line read; 0 for an empty upload. */
  lines: number;
  counts: BatchCounts;
  /** False when a chunk failed: nothing from `failure.details.firstLineNotStored` on was stored. */
  complete: boolean;
  error?: StreamFailure;
}

/** A line that is a call, parsed; or its `invalid` result. */
type Entry = { line: number; raw: unknown } | { line: number; result: CallResult };

const invalidLine = (line: number, reason: string): CallResult => ({
  callId: null,
  status: 'invalid',
  reason: `line ${line}: ${reason}`,
  path: 'call',
});

/** The JSON of one line; a line that is no JSON is that call's `invalid`, naming the line. */
export const parseLine = (entry: NdjsonLine, maxLineBytes: number): Entry => {
  if ('tooLong' in entry) {
    return {
      line: entry.line,
      result: invalidLine(entry.line, `longer than ${maxLineBytes} bytes: not read`),
    };
  }
  try {
    return { line: entry.line, raw: JSON.parse(entry.text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { line: entry.line, result: invalidLine(entry.line, `not valid JSON (${reason})`) };
  }
};

/** The results of one chunk in line order: the batch's answer merged with the bad lines. */
export const chunkResults = (entries: Entry[], answer: BatchAnswer | null): LineResult[] => {
  let next = 0;
  return entries.map((entry) => {
    if ('result' in entry) return { line: entry.line, ...entry.result };
    const result = answer?.results[next];
    next += 1;
    if (!result) throw new Error(`call-history: line ${entry.line} was never settled`);
    return { line: entry.line, ...result };
  });
};

/**
 * Reads the lines, commits them chunk by chunk through `ingestBatch` and hands each chunk's
 * result lines to `emit` before reading on: while a chunk commits, nothing more is read than
 * what the transport already buffered. A chunk that fails ends the upload with a summary
 * naming the first line not stored; `failureOf` turns the batch's error into what the batch
 * route would answer, or rethrows what is no refused batch.
 */
export const ingestLines = async (
  lines: AsyncIterable<NdjsonLine>,
  limits: StreamLimits & { maxLineBytes: number },
  ingestBatch: (calls: unknown[]) => Promise<BatchAnswer>,
  emit: (results: LineResult[]) => Promise<void>,
  failureOf: (error: unknown) => StreamFailure
): Promise<StreamSummary> => {
  const counts: BatchCounts = { stored: 0, notRecorded: 0, duplicate: 0, invalid: 0 };
  let lastLine = 0;
  /** The chunk being gathered: kept as the lines' text, parsed only when the chunk commits. */
  let pending: NdjsonLine[] = [];
  let bytes = 0;

  const commit = async (): Promise<StreamFailure | null> => {
    if (pending.length === 0) return null;
    // Parsed here rather than as each line arrives: while a chunk is read it is held as its
    // lines' text, more compact than the parsed calls, which then live for one commit only.
    const entries = pending.map((line) => parseLine(line, limits.maxLineBytes));
    pending = [];
    bytes = 0;
    const calls: unknown[] = [];
    for (const entry of entries) if ('raw' in entry) calls.push(entry.raw);
    let answer: BatchAnswer | null = null;
    if (calls.length > 0) {
      try {
        answer = await ingestBatch(calls);
      } catch (error) {
        const failure = failureOf(error);
        return { ...failure, details: { ...failure.details, firstLineNotStored: entries[0].line } };
      }
    }
    const results = chunkResults(entries, answer);
    addCounts(counts, results);
    await emit(results);
    return null;
  };

  for await (const line of lines) {
    lastLine = line.line;
    pending.push(line);
    if ('text' in line) bytes += line.text.length;
    if (pending.length >= limits.chunkSize || bytes >= limits.chunkBytes) {
      const failure = await commit();
      if (failure) return { lines: lastLine, counts, complete: false, error: failure };
    }
  }
  const failure = await commit();
  if (failure) return { lines: lastLine, counts, complete: false, error: failure };
  return { lines: lastLine, counts, complete: true };
};
