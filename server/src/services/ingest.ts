import type { Strapi } from '@strapi/types';

import { EVENTS } from '../constants';
import { callRecordExtensions } from '../database/call-record-model';
import {
  decideBatch,
  screenBatch,
  settleBatch,
  type BatchAnswer,
  type Intent,
} from '../domain/batch-ingest';
import { callRecordedPayload, type RecordedCall } from '../domain/call-events';
import { storedFields, type CallData } from '../domain/call-policy';
import { ndjsonLines } from '../domain/ndjson-lines';
import {
  ingestLines,
  type LineResult,
  type StreamFailure,
  type StreamSummary,
} from '../domain/stream-ingest';
import { classifyWriteFailure, databaseMessage, errorCode } from '../domain/write-failure';
import callRecordWrites, { CALL_ID_KEY } from '../repositories/call-record-writes';
import { DEADLOCK_ATTEMPTS, retryPause } from '../utils/retry-pause';
import { emitEvent, getConfig, getService } from '../utils/strapi';

/** The write failed and was rolled back: nothing of the batch is stored. */
export class BatchNotStoredError extends Error {
  /** The database's own message, without the SQL and values knex prefixes to it. */
  readonly databaseMessage: string;
  /**
   * The database's error code (SQLSTATE on PostgreSQL, the error number on MySQL/MariaDB),
   * when it gave one.
   */
  readonly code: string | null;
  /**
   * The database refused a value of the batch (see domain/write-failure.ts): sending the same
   * batch again would fail again. Otherwise the failure is the database's, and a retry may pass.
   */
  readonly refused: boolean;

  constructor(
    message: string,
    readonly cause: unknown,
    refused: boolean
  ) {
    super(message);
    this.name = 'BatchNotStoredError';
    this.refused = refused;
    this.code = errorCode(cause);
    this.databaseMessage = databaseMessage(cause);
  }
}

/**
 * On MySQL/MariaDB a batch that met a callId another writer stored meanwhile runs again, up to
 * this many times in all: each run reads the calls stored by then, so it meets only writers
 * still in flight, as many as batches overlap it at once (four on the multi-node test).
 */
const MAX_RACED_ATTEMPTS = 8;
/**
 * A chunk of a streamed upload is committed early once its lines hold this much text, so that
 * a chunk of calls with large traces stays within what the batch route's 16 MB body holds.
 */
const STREAM_CHUNK_BYTES = 16 * 1024 * 1024;
/**
 * The longest line read: a call whose trace is at its byte bound, written with every
 * character escaped (up to twice its UTF-8 bytes), and its other fields.
 */
const maxLineBytes = (maxFlowTraceBytes: number) => 2 * maxFlowTraceBytes + 64 * 1024;

export default ({ strapi }: { strapi: Strapi }) => {
  const writes = callRecordWrites({ strapi });

  const write = async (intents: Intent[]) => {
    const callIds = [...new Set(intents.map((intent) => intent.callId))];
    const rows: CallData[] = [];
    for (const intent of intents) if (intent.kind === 'write') rows.push(intent.data);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await writes.transaction((trx) => writes.storeNew(trx, callIds, rows));
      } catch (error) {
        const failure = classifyWriteFailure(error, { raceKey: CALL_ID_KEY });
        const bound = failure === 'raced' ? MAX_RACED_ATTEMPTS : DEADLOCK_ATTEMPTS;
        if (attempt < bound && (failure === 'retry' || failure === 'raced')) {
          await retryPause(attempt);
          continue;
        }
        if (failure === 'refused') {
          throw new BatchNotStoredError(
            'The batch was not stored: the database refused a value of one of its calls. ' +
              'Nothing of this batch was written; sent again unchanged it would be refused again.',
            error,
            true
          );
        }
        throw new BatchNotStoredError(
          'The batch was not stored: the database refused the write. Nothing of this batch ' +
            'was written; it is safe to send it again.',
          error,
          false
        );
      }
    }
  };

  return {
    /**
     * Stores a batch of calls (docs/design.md#ingest-contract): validated, decided with the flags and bots read once
     * for the whole batch, written in one transaction, idempotent on callId. One
     * `call-history.call.recorded` event carries the calls the batch stored.
     */
    async ingestBatch(rawCalls: unknown[]): Promise<BatchAnswer> {
      const screened = screenBatch(rawCalls, callRecordExtensions(strapi), getConfig(strapi));
      const policy = getService(strapi, 'recording-policy');
      // Read outside the transaction: on SQLite the transaction holds the only connection.
      const context = await policy.loadContext(
        screened.valid.map(({ call }) => call.accessCode as string)
      );
      const intents = decideBatch(
        screened.valid,
        (call) => policy.evaluate(call, context),
        storedFields
      );
      const { existing, inserted } =
        intents.length > 0
          ? await write(intents)
          : { existing: new Set<string>(), inserted: new Set<string>() };
      const answer = settleBatch(screened, intents, existing, inserted);
      if (inserted.size > 0)
        emitEvent(strapi, EVENTS.callRecorded, recordedEvent(intents, inserted));
      return answer;
    },

    /**
     * Stores a streamed upload of newline-delimited calls (docs/design.md#streaming-ingest):
     * chunk by chunk through `ingestBatch`, so each chunk is one batch with the batch's rules,
     * its own transaction and its own event. `emit` receives each chunk's result lines and is
     * awaited before more of the upload is read. `failureOf` answers a failed chunk as the
     * batch route would.
     */
    ingestStream(
      upload: AsyncIterable<Buffer | Uint8Array | string>,
      emit: (results: LineResult[]) => Promise<void>,
      failureOf: (error: unknown) => StreamFailure
    ): Promise<StreamSummary> {
      const config = getConfig(strapi);
      const lineBound = maxLineBytes(config.maxFlowTraceBytes);
      return ingestLines(
        ndjsonLines(upload, lineBound),
        {
          chunkSize: config.streamChunkSize,
          chunkBytes: STREAM_CHUNK_BYTES,
          maxLineBytes: lineBound,
        },
        // Through the service, so that a host's wrapper of ingestBatch applies to every chunk.
        (calls) => getService(strapi, 'ingest').ingestBatch(calls),
        emit,
        failureOf
      );
    },
  };
};

const recordedEvent = (intents: Intent[], inserted: ReadonlySet<string>) => {
  const calls: RecordedCall[] = [];
  for (const intent of intents) {
    if (intent.kind !== 'write' || !inserted.has(intent.callId)) continue;
    calls.push({
      callId: intent.callId,
      accessCode: intent.data.accessCode as string,
      botKind: intent.decision.botKind,
      flowRecorded: intent.decision.recordFlow,
    });
  }
  return callRecordedPayload('batch', calls);
};
