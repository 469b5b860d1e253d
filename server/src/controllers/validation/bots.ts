import { validateYupSchema, yup } from '@strapi/utils';

import { BOT_KINDS, type BotInput, type BotKind } from '../../../../shared/contracts/bots';

import { retentionDaysField } from './settings';

const fields = {
  name: yup.string().trim().min(1, 'name must not be empty').max(255),
  // The full format check lives in the bots lifecycle, so every write path gets the same rule.
  accessCode: yup.string().trim().min(1, 'accessCode must not be empty').max(64),
  description: yup.string().nullable(),
  historicalCallRecord: yup.boolean(),
  flowCallRecording: yup.boolean(),
  retentionDays: retentionDaysField(),
};

const kind = yup
  .mixed()
  .oneOf([...BOT_KINDS], '${path} must be one of ' + BOT_KINDS.join(', '))
  .required();

const createSchema = yup
  .object({
    ...fields,
    kind,
    name: fields.name.required(),
    accessCode: fields.accessCode.required(),
  })
  .noUnknown(
    true,
    'unknown key: a bot has kind, name, accessCode, description, two switches and retentionDays'
  )
  .required();

const updateSchema = yup
  .object(fields)
  .noUnknown(
    true,
    'unknown key: a bot has name, accessCode, description, two switches and retentionDays'
  )
  .required();

const paramsSchema = yup.object({
  kind,
  id: yup.number().integer().positive().required(),
});

const options = { strict: false, abortEarly: false };

export const validateBotCreate = validateYupSchema(createSchema, options) as (
  body: unknown
) => Promise<BotInput & { kind: BotKind }>;

export const validateBotUpdate = validateYupSchema(updateSchema, options) as (
  body: unknown
) => Promise<BotInput>;

export const validateBotParams = validateYupSchema(paramsSchema, options) as (
  params: unknown
) => Promise<{ kind: BotKind; id: number }>;
