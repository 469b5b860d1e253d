import type { Strapi } from '@strapi/types';

import { EVENTS, UID } from '../constants';
import callRecordSchema from '../content-types/call-record/schema';
import {
  decideBatch,
  screenBatch,
  settleBatch,
  type BatchAnswer,
  type Intent,
} from '../domain/batch-ingest';
import { callRecordedPayload, type RecordedCall } from '../domain/call-events';
import { storedFields, type CallData } from '../domain/call-storage';
import { extensionAttributes, type AttributeSpec } from '../domain/call-validation';
import callRecordWrites from '../repositories/call-record-writes';
import { getService } from '../utils/strapi';

/** The write failed and was rolled back: nothing of the batch is stored. */
export class BatchNotStoredError extends Error {
  /** The database's own message, without the SQL and values knex prefixes to it. */
  readonly databaseMessage: string;

  constructor(
    message: string,
    readonly cause: unknown
  ) {
    super(message);
    this.name = 'BatchNotStoredError';
    const text = cause instanceof Error ? cause.message : String(cause);
    this.databaseMessage = text
      .slice(text.lastIndexOf(' - ') + 1)
      .replace(/^- /, '')
      .slice(0, 300);
  }
}

/** PostgreSQL's deadlock and serialization failures: the transaction may simply be run again. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

const isRetryable = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  RETRYABLE_CODES.has(String((error as { code?: unknown }).code));

const PLUGIN_ATTRIBUTES = Object.keys(callRecordSchema.attributes);

export default ({ strapi }: { strapi: Strapi }) => {
  const writes = callRecordWrites({ strapi });

  /** Read from the runtime model, so attributes a developer added by extension are accepted. */
  const extensions = () =>
    extensionAttributes(
      strapi.getModel(UID.callRecord).attributes as unknown as Record<string, AttributeSpec>,
      PLUGIN_ATTRIBUTES
    );

  const write = async (intents: Intent[]) => {
    const callIds = intents.map((intent) => intent.callId);
    const rows: CallData[] = [];
    for (const intent of intents) if (intent.kind === 'write') rows.push(intent.data);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await writes.transaction(async (trx) => {
          const existing = await writes.findExistingCallIds(trx, callIds);
          const inserted = await writes.insertNew(
            trx,
            rows.filter((row) => !existing.has(row.callId as string))
          );
          return { existing, inserted };
        });
      } catch (error) {
        if (attempt < MAX_ATTEMPTS && isRetryable(error)) continue;
        throw new BatchNotStoredError(
          'The batch was not stored: the database refused the write. Nothing of this batch ' +
            'was written; it is safe to send it again.',
          error
        );
      }
    }
  };

  return {
    /**
     * Stores a batch of calls (DESIGN §3): validated, decided with the flags and bots read once
     * for the whole batch, written in one transaction, idempotent on callId. One
     * `call-history.call.recorded` event carries the calls the batch stored.
     */
    async ingestBatch(rawCalls: unknown[]): Promise<BatchAnswer> {
      const screened = screenBatch(rawCalls, extensions());
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
        strapi.eventHub.emit(EVENTS.callRecorded, recordedEvent(intents, inserted));
      return answer;
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
