import { validateYupSchema, yup } from '@strapi/utils';

import {
  RETENTION_DAYS_MAX,
  RETENTION_DAYS_MIN,
  type TenantSettings,
} from '../../../../shared/contracts/settings';
import { FLAG_VALUES } from '../../domain/recording-decision';

const flag = yup
  .mixed()
  .oneOf([...FLAG_VALUES], '${path} must be one of ' + FLAG_VALUES.join(', '));

/** Shared with the bots' override: the same bounds, the same message. */
export const retentionDaysField = () =>
  yup
    .number()
    .integer('${path} must be a whole number of days')
    .min(RETENTION_DAYS_MIN, '${path} must be at least ${min} day')
    .max(RETENTION_DAYS_MAX, '${path} must be at most ${max} days')
    .nullable();

const settingsUpdateSchema = yup
  .object({
    CHATRECORDFLAG: flag,
    FLOWRECORDFLAG: flag,
    CCIVRRECORDFLAG: flag,
    retentionDays: retentionDaysField(),
  })
  .noUnknown(
    true,
    'unknown key ${unknown}: only CHATRECORDFLAG, FLOWRECORDFLAG, CCIVRRECORDFLAG and retentionDays are settings'
  )
  .strict()
  .required();

export const validateSettingsUpdate = validateYupSchema(settingsUpdateSchema, {
  strict: true,
  abortEarly: false,
}) as (body: unknown) => Promise<Partial<TenantSettings>>;
