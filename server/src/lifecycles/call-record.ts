import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';

import { EVENTS, UID } from '../constants';
import { callRecordedPayload } from '../domain/call-events';
import { storedFields, type CallData } from '../domain/call-storage';
import {
  checkCallTimes,
  validateCallUpdate,
  validateStoredCall,
  type CallValidation,
} from '../domain/call-validation';
import { reverseNumber } from '../domain/calling-number';
import type { RecordingDecision } from '../domain/recording-decision';
import { callRecordExtensions } from '../utils/call-record-model';
import { fieldError } from '../utils/errors';
import { emitEvent, getConfig, getDb, getService } from '../utils/strapi';
import type { LifecycleEvent as Event } from '../utils/types';

/** Writes the normalised call back into the event's data, or refuses it naming the field. */
const applyValidation = (data: CallData, validation: CallValidation) => {
  if (!validation.ok) throw fieldError(validation.problem.path, validation.problem.message);
  Object.assign(data, validation.call);
};

/**
 * Applies the field validator of the batch ingest (call-validation.ts) and the recording
 * decision to every Query Engine write of a call record: refuses a bad field naming it, refuses
 * a call the flags do not record, strips a flow trace they do not keep, and writes the snapshot.
 */
const prepareCalls = async (strapi: Strapi, calls: CallData[]) => {
  const extensions = callRecordExtensions(strapi);
  const limits = getConfig(strapi);
  for (const call of calls) applyValidation(call, validateStoredCall(call, extensions, limits));
  const policy = getService(strapi, 'recording-policy');
  const context = await policy.loadContext(calls.map((call) => call.accessCode as string));
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

type StoredTimes = { startTime: unknown; endTime: unknown };

/** An update that moves one end of the call is checked against the other end as stored. */
const checkStoredTimes = async (strapi: Strapi, event: Event, data: CallData) => {
  if ('startTime' in data === 'endTime' in data) return;
  const rows = (await getDb(strapi)
    .query(UID.callRecord)
    .findMany({
      select: ['id', 'startTime', 'endTime'],
      where: event.params.where,
    })) as StoredTimes[];
  for (const row of rows) {
    const found = checkCallTimes(
      data.startTime ?? row.startTime,
      data.endTime ?? row.endTime,
      getConfig(strapi)
    );
    if (found) throw fieldError(found.path, found.message);
  }
};

/**
 * An update is validated field by field like a create, never re-decides (a stored decision is
 * history), never rewrites the snapshot, and never adds a flow trace to a call whose flow was
 * not recorded.
 */
const guardUpdate = async (strapi: Strapi, event: Event) => {
  const data = event.params.data as CallData | undefined;
  if (!data) return;
  delete data.recordingDecision;
  delete data.callingNumberReversed;
  applyValidation(data, validateCallUpdate(data, callRecordExtensions(strapi), getConfig(strapi)));
  await checkStoredTimes(strapi, event, data);
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
