import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';

import { EVENTS, UID } from '../constants';
import { callRecordedPayload } from '../domain/call-events';
import { storedFields, type CallData } from '../domain/call-storage';
import { reverseNumber } from '../domain/calling-number';
import type { RecordingDecision } from '../domain/recording-decision';
import { fieldError } from '../utils/errors';
import { emitEvent, getDb, getService } from '../utils/strapi';
import type { LifecycleEvent as Event } from '../utils/types';

/**
 * Applies the recording decision to every Query Engine write of a call record: refuses a call
 * the flags do not record, strips a flow trace they do not keep, and writes the snapshot.
 */
const prepareCalls = async (strapi: Strapi, calls: CallData[]) => {
  const policy = getService(strapi, 'recording-policy');
  const context = await policy.loadContext(
    calls.map((call) => call.accessCode).filter((code): code is string => typeof code === 'string')
  );
  for (const call of calls) {
    const evaluation = policy.evaluate(call, context);
    if (evaluation.outcome === 'invalid') throw fieldError(evaluation.path, evaluation.message);
    if (evaluation.outcome === 'refuse') {
      throw new errors.ApplicationError(
        `Call ${String(call.callId)} not recorded: ${evaluation.reason}`,
        { callId: call.callId, reason: evaluation.reason, decision: evaluation.decision }
      );
    }
    Object.assign(call, storedFields(call, evaluation.decision));
  }
};

/**
 * An update never re-decides (a stored decision is history), never rewrites the snapshot, and
 * never adds a flow trace to a call whose flow was not recorded.
 */
const guardUpdate = async (strapi: Strapi, event: Event) => {
  const data = event.params.data as CallData | undefined;
  if (!data) return;
  delete data.recordingDecision;
  delete data.callingNumberReversed;
  if (typeof data.callingNumber === 'string') {
    data.callingNumberReversed = reverseNumber(data.callingNumber);
  }
  if (data.flowTrace === undefined || data.flowTrace === null) return;
  const rows = (await getDb(strapi)
    .query(UID.callRecord)
    .findMany({ select: ['id', 'recordingDecision'], where: event.params.where })) as Array<{
    recordingDecision: RecordingDecision | null;
  }>;
  if (rows.some((row) => row.recordingDecision?.recordFlow !== true)) data.flowTrace = null;
};

/** One `call-history.call.recorded` event for the calls one Query Engine write stored. */
const emitRecorded = (strapi: Strapi, rows: Array<CallData | undefined>) => {
  const calls = rows.flatMap((row) => {
    if (!row || typeof row.callId !== 'string') return [];
    const decision = row.recordingDecision as RecordingDecision | null;
    return [
      {
        callId: row.callId,
        accessCode: String(row.accessCode),
        botKind: decision?.botKind ?? null,
        flowRecorded: decision?.recordFlow === true,
      },
    ];
  });
  if (calls.length > 0) {
    emitEvent(strapi, EVENTS.callRecorded, callRecordedPayload('query-engine', calls));
  }
};

export const callRecordSubscriber = (strapi: Strapi) => ({
  models: [UID.callRecord],
  async beforeCreate(event: Event) {
    await prepareCalls(strapi, [event.params.data as CallData]);
  },
  // The ingest API writes through knex and emits one event per batch itself; these cover the
  // Query Engine paths (Content Manager, entity service, another plugin).
  afterCreate(event: Event) {
    emitRecorded(strapi, [event.result as CallData | undefined]);
  },
  /** createMany answers only a count: the rows are the data the before hook prepared. */
  afterCreateMany(event: Event) {
    emitRecorded(strapi, event.params.data as CallData[]);
  },
  async beforeCreateMany(event: Event) {
    await prepareCalls(strapi, event.params.data as CallData[]);
  },
  async beforeUpdate(event: Event) {
    await guardUpdate(strapi, event);
  },
  async beforeUpdateMany(event: Event) {
    await guardUpdate(strapi, event);
  },
});
