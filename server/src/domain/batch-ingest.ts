/**
 * The steps of one ingest batch that need no database: screening (validation), deciding (the
 * recording policy, the same `evaluate` + `storedFields` the lifecycles apply, then duplicates
 * inside the batch), and settling the answer once the database said which rows it took.
 * Pure, so the whole ingest contract (docs/design.md#ingest-contract) is unit-tested without Strapi.
 */
import type { AttributeSpecs } from './call-input/attribute-values';
import { validateCall, type CallLimits } from './call-input/call-contract';
import type { CallData, Evaluation } from './call-policy';
import type { RecordingDecision } from './recording-decision';

export type CallResult =
  | { callId: string; status: 'stored'; flowRecorded: boolean }
  | { callId: string; status: 'not_recorded'; reason: string }
  | { callId: string; status: 'duplicate'; reason: string }
  | { callId: string | null; status: 'invalid'; reason: string; path: string };

export interface BatchCounts {
  stored: number;
  notRecorded: number;
  duplicate: number;
  invalid: number;
}

export interface BatchAnswer {
  results: CallResult[];
  counts: BatchCounts;
}

export interface ValidCall {
  index: number;
  callId: string;
  call: CallData;
}

export interface ScreenedBatch {
  /** One slot per call of the batch, in order; undefined until the call is settled. */
  results: Array<CallResult | undefined>;
  /** Every call that passed validation, in order, copies of one callId included. */
  valid: ValidCall[];
}

export type Intent =
  | { kind: 'write'; index: number; callId: string; data: CallData; decision: RecordingDecision }
  | { kind: 'refuse'; index: number; callId: string; reason: string }
  | { kind: 'invalid'; index: number; callId: string; path: string; message: string }
  /** A later copy of a callId whose earlier copy (at `earlier`) is written. */
  | { kind: 'duplicate'; index: number; callId: string; earlier: number };

const callIdOf = (raw: unknown): string | null => {
  if (typeof raw !== 'object' || raw === null) return null;
  const callId = (raw as Record<string, unknown>).callId;
  return typeof callId === 'string' ? callId : null;
};

/** Validates every call; an invalid one is settled at once, the others go on to the decision. */
export const screenBatch = (
  rawCalls: unknown[],
  extensions: AttributeSpecs,
  limits: CallLimits
): ScreenedBatch => {
  const results: Array<CallResult | undefined> = new Array(rawCalls.length).fill(undefined);
  const valid: ValidCall[] = [];
  rawCalls.forEach((raw, index) => {
    const validation = validateCall(raw, extensions, limits);
    if (!validation.ok) {
      const { path, message } = validation.problem;
      results[index] = { callId: callIdOf(raw), status: 'invalid', reason: message, path };
      return;
    }
    valid.push({ index, callId: validation.call.callId as string, call: validation.call });
  });
  return { results, valid };
};

/**
 * Copies of one callId inside a batch, once each is decided: the first copy that will be
 * written wins and every later copy answers `duplicate`. A copy before it that is not written
 * (refused by the flags, or invalid for the decision) is answered on its own, so a duplicate is
 * never answered for a call that was not stored.
 */
export const resolveDuplicates = (intents: Intent[]): Intent[] => {
  const written = new Map<string, number>();
  return intents.map((intent) => {
    const earlier = written.get(intent.callId);
    if (earlier !== undefined) {
      return { kind: 'duplicate', index: intent.index, callId: intent.callId, earlier };
    }
    if (intent.kind === 'write') written.set(intent.callId, intent.index);
    return intent;
  });
};

/**
 * Applies the recording policy to each valid call: the row to write (call plus the fields the
 * plugin owns) or the reason it is not recorded; then resolves copies of one callId. The caller
 * passes the policy's own functions.
 */
export const decideBatch = (
  valid: ValidCall[],
  evaluate: (call: CallData) => Evaluation,
  storedFields: (call: CallData, decision: RecordingDecision) => CallData
): Intent[] =>
  resolveDuplicates(
    valid.map(({ index, callId, call }): Intent => {
      const evaluation = evaluate(call);
      if (evaluation.outcome === 'invalid') {
        return {
          kind: 'invalid',
          index,
          callId,
          path: evaluation.path,
          message: evaluation.message,
        };
      }
      if (evaluation.outcome === 'refuse') {
        return { kind: 'refuse', index, callId, reason: evaluation.reason };
      }
      // A new object with all its fields at once. The plugin's fields added to the validator's
      // copy instead (which the validator wrote into) gave every row a hidden class of its own
      // on Node 20 once optimised, kept in the old generation until a full collection: about a
      // kilobyte per ingested call (docs/benchmarks.md, "What the heap kept").
      const data = Object.assign({}, call, storedFields(call, evaluation.decision));
      return { kind: 'write', index, callId, data, decision: evaluation.decision };
    })
  );

export const ALREADY_STORED = 'a call with this callId is already stored; it was not changed';

/**
 * The answer, once the database said which callIds existed before the batch and which rows it
 * inserted. A row it did not insert although it did not exist before lost a race with another
 * writer (another node storing the same call): it is a duplicate as well.
 */
export const settleBatch = (
  screened: ScreenedBatch,
  intents: Intent[],
  existing: ReadonlySet<string>,
  inserted: ReadonlySet<string>
): BatchAnswer => {
  const results = [...screened.results];
  for (const intent of intents) {
    const { index, callId } = intent;
    if (existing.has(callId)) {
      results[index] = { callId, status: 'duplicate', reason: ALREADY_STORED };
    } else if (intent.kind === 'duplicate') {
      results[index] = {
        callId,
        status: 'duplicate',
        reason: `callId already sent in this batch (call ${intent.earlier})`,
      };
    } else if (intent.kind === 'refuse') {
      results[index] = { callId, status: 'not_recorded', reason: intent.reason };
    } else if (intent.kind === 'invalid') {
      results[index] = { callId, status: 'invalid', reason: intent.message, path: intent.path };
    } else if (inserted.has(callId)) {
      results[index] = { callId, status: 'stored', flowRecorded: intent.decision.recordFlow };
    } else {
      results[index] = { callId, status: 'duplicate', reason: ALREADY_STORED };
    }
  }
  const settled = results.map((result, index) => {
    if (!result) throw new Error(`call-history: call ${index} of the batch was never settled`);
    return result;
  });
  return { results: settled, counts: countResults(settled) };
};

/** Adds each result to its count: a batch's, or the running total of a streamed upload. */
export const addCounts = (counts: BatchCounts, results: CallResult[]): void => {
  for (const result of results) {
    if (result.status === 'stored') counts.stored += 1;
    else if (result.status === 'not_recorded') counts.notRecorded += 1;
    else if (result.status === 'duplicate') counts.duplicate += 1;
    else counts.invalid += 1;
  }
};

export const countResults = (results: CallResult[]): BatchCounts => {
  const counts: BatchCounts = { stored: 0, notRecorded: 0, duplicate: 0, invalid: 0 };
  addCounts(counts, results);
  return counts;
};
