import { yup } from '@strapi/utils';

import { MAX_HOLD_REASON_LENGTH } from '../../domain/call-hold';
import type { FieldProblem } from '../../domain/search-query';

const reasonSchema = yup
  .string()
  .typeError('reason must be text')
  .trim()
  .required('reason is required: say why the call is held or released')
  .max(MAX_HOLD_REASON_LENGTH, `reason must be at most ${MAX_HOLD_REASON_LENGTH} characters`);

const holdSchema = yup.object({ reason: reasonSchema }).required();

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldProblem[] };

const problemsOf = (error: unknown): FieldProblem[] => {
  if (!(error instanceof yup.ValidationError)) throw error;
  const found = error.inner.length > 0 ? error.inner : [error];
  return found.map((inner) => ({ path: inner.path || 'body', message: inner.message }));
};

/**
 * The `reason` of a hold or a release: required, trimmed, bounded. With `only`, any other
 * field is an error too, each named (yup's noUnknown names none once the cast has stripped
 * them). Problems come back named, so the bulk hold reports them with the search filters' in
 * one 400.
 */
export const checkReason = (body: Record<string, unknown>, only = true): Checked<string> => {
  const unknown: FieldProblem[] = only
    ? Object.keys(body)
        .filter((key) => key !== 'reason')
        .map((key) => ({ path: key, message: `unknown field ${key}: send { reason }` }))
    : [];
  try {
    const value = holdSchema.validateSync(
      { reason: body.reason },
      { abortEarly: false, strict: false }
    ) as { reason: string };
    return unknown.length > 0 ? { ok: false, errors: unknown } : { ok: true, value: value.reason };
  } catch (error) {
    return { ok: false, errors: [...problemsOf(error), ...unknown] };
  }
};
