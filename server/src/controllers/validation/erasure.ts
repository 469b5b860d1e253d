import { validateYupSchema, yup } from '@strapi/utils';

import { PHONE } from '../../domain/call-input/call-contract';
import { MAX_REASON_LENGTH } from '../../services/call-deletion';

// Exactly a stored calling number: a search's wildcards (86138*, *5678) would erase others' calls.
const callingNumber = yup
  .string()
  .trim()
  .required('callingNumber is required')
  .matches(PHONE, 'callingNumber must be a whole number: digits with an optional leading +');

const previewSchema = yup
  .object({ callingNumber })
  .noUnknown(true, 'unknown key ${unknown}: the preview takes callingNumber only')
  .required();

const eraseSchema = yup
  .object({
    callingNumber,
    reason: yup
      .string()
      .trim()
      .required('reason is required: say why these calls are erased')
      .max(MAX_REASON_LENGTH, 'reason must be at most ${max} characters'),
  })
  .noUnknown(true, 'unknown key ${unknown}: an erasure takes callingNumber and reason')
  .required();

const options = { strict: false, abortEarly: false };

export const validateErasurePreview = validateYupSchema(previewSchema, options) as (
  body: unknown
) => Promise<{ callingNumber: string }>;

export const validateErasure = validateYupSchema(eraseSchema, options) as (
  body: unknown
) => Promise<{ callingNumber: string; reason: string }>;
