/**
 * The body of `POST /api/call-history/calls/batch` as a whole (docs/design.md#ingest-contract),
 * checked before any call of it is: one bad body is one 400, never 1,000 `invalid` calls. Pure.
 */
import { isPlainObject, problem, type FieldProblem } from './field-problem';

export const MAX_BATCH_SIZE = 1000;

export type BatchValidation = { ok: true; calls: unknown[] } | { ok: false; problem: FieldProblem };

/** The body as a whole: `{ data: [ … ] }` with 1 to MAX_BATCH_SIZE calls. */
export const validateBatchShape = (body: unknown): BatchValidation => {
  if (!isPlainObject(body)) {
    return {
      ok: false,
      problem: problem('data', 'the body must be a JSON object { "data": [call, …] }'),
    };
  }
  const unknown = Object.keys(body).find((key) => key !== 'data');
  if (unknown !== undefined) {
    return {
      ok: false,
      problem: problem(unknown, `${unknown} is not allowed: send { "data": [call, …] }`),
    };
  }
  const { data } = body;
  if (data === undefined || data === null) {
    return { ok: false, problem: problem('data', 'data is required: an array of calls') };
  }
  if (!Array.isArray(data)) {
    return { ok: false, problem: problem('data', 'data must be an array of calls') };
  }
  if (data.length === 0) {
    return { ok: false, problem: problem('data', 'data must hold at least 1 call') };
  }
  if (data.length > MAX_BATCH_SIZE) {
    return {
      ok: false,
      problem: problem(
        'data',
        `data must hold at most ${MAX_BATCH_SIZE} calls, got ${data.length}`
      ),
    };
  }
  return { ok: true, calls: data };
};
