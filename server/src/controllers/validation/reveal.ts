import { validateYupSchema, yup } from '@strapi/utils';

/** A reason is a sentence or a ticket reference, not a document: the audit keeps it whole. */
export const REVEAL_REASON_MAX = 1000;

const REQUIRED = 'reason is required: say why the full numbers are needed';

// Strict, so nothing is cast (yup's trim throws on an object): the checks read the trimmed text.
const reason = yup
  .string()
  .strict(true)
  .typeError('reason must be text')
  // One test for missing, empty and blank, so each answers one error.
  .test('not-blank', REQUIRED, (value) => typeof value === 'string' && value.trim() !== '')
  .test(
    'max',
    `reason must be at most ${REVEAL_REASON_MAX} characters`,
    (value) => typeof value !== 'string' || value.trim().length <= REVEAL_REASON_MAX
  );

const revealSchema = yup
  .object({ reason })
  .noUnknown(true, 'unknown key ${unknown}: a reveal takes only a reason')
  .required();

const validate = validateYupSchema(revealSchema, { strict: true, abortEarly: false }) as (
  body: unknown
) => Promise<{ reason: string }>;

/**
 * The body of `POST /calls/:callId/reveal`, and the reason of an export with full numbers: a
 * 400 naming `reason` unless it is text with something in it; answers the reason trimmed.
 */
export const validateRevealBody = async (body: unknown): Promise<{ reason: string }> => {
  const { reason: given } = await validate(body);
  return { reason: given.trim() };
};
