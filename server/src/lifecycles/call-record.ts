import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';

import { EVENTS, UID } from '../constants';
import { callRecordExtensions } from '../database/call-record-model';
import { callRecordedPayload } from '../domain/call-events';
import {
  GUARDED_FIELDS,
  HOLD_FIELDS,
  changedImmutableFields,
  heldFieldsOnCreate,
  immutableFieldMessage,
} from '../domain/call-immutability';
import type { CallValidation } from '../domain/call-input/call-contract';
import { validateCallUpdate, validateStoredCall } from '../domain/call-input/stored-call-input';
import { storedFields, type CallData } from '../domain/call-policy';
import type { RecordingDecision } from '../domain/recording-decision';
import { fieldError } from '../utils/errors';
import { emitEvent, getConfig, getDb, getService } from '../utils/strapi';
import type { LifecycleEvent as Event } from '../utils/types';

/** Writes the normalised call back into the event's data, or refuses it naming the field. */
const applyValidation = (data: CallData, validation: CallValidation) => {
  if (!validation.ok) throw fieldError(validation.problem.path, validation.problem.message);
  Object.assign(data, validation.call);
};

/**
 * Applies the field validator of the batch ingest (domain/call-input/) and the recording
 * decision to every Query Engine write of a call record: refuses a bad field naming it, refuses
 * a call the flags do not record, strips a flow trace they do not keep, and writes the snapshot.
 */
const prepareCalls = async (strapi: Strapi, calls: CallData[]) => {
  const extensions = callRecordExtensions(strapi);
  const limits = getConfig(strapi);
  for (const call of calls) {
    const [held] = heldFieldsOnCreate(call);
    if (held) throw fieldError(held, immutableFieldMessage(held));
    for (const field of HOLD_FIELDS) delete call[field];
    applyValidation(call, validateStoredCall(call, extensions, limits));
  }
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

/**
 * A stored call's contract fields never change, and its hold is the hold service's alone
 * (domain/call-immutability.ts): an update that would change one is refused naming it. The Content Manager sends every field of its form, so
 * fields sent with their stored value are dropped from the write instead. Extension attributes
 * are validated like a create's. `updateMany` targets rows it does not read, so any contract
 * field in it is refused.
 */
const guardUpdate = async (strapi: Strapi, event: Event) => {
  const data = event.params.data as CallData | undefined;
  if (!data) return;
  const touched = GUARDED_FIELDS.filter((field) => field in data);
  if (touched.length > 0) {
    if (event.action === 'beforeUpdateMany') {
      throw fieldError(touched[0], immutableFieldMessage(touched[0]));
    }
    const stored = (await getDb(strapi)
      .query(UID.callRecord)
      .findMany({ select: ['id', ...touched], where: event.params.where })) as CallData[];
    const [changed] = changedImmutableFields(data, stored);
    if (changed) throw fieldError(changed, immutableFieldMessage(changed));
    for (const field of touched) delete data[field];
  }
  applyValidation(data, validateCallUpdate(data, callRecordExtensions(strapi), getConfig(strapi)));
};

/**
 * A call is deleted only through the plugin's deletion service, which audits it. An
 * ApplicationError (400), not a ForbiddenError: Strapi's router answers a ForbiddenError thrown
 * past its authorisation step with a bare "Forbidden", and this refusal must say why.
 */
const refuseDelete = () => {
  throw new errors.ApplicationError(
    "Call records are evidence: they are deleted only through the call-history deletion service (strapi.plugin('call-history').service('call-deletion').deleteCalls), which audits every deletion."
  );
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
  beforeDelete: refuseDelete,
  beforeDeleteMany: refuseDelete,
});
