import { validateYupSchema, yup } from '@strapi/utils';

import { FLAG_VALUES, type RecordingFlags } from '../../domain/recording-decision';

const flag = yup
  .mixed()
  .oneOf([...FLAG_VALUES], '${path} must be one of ' + FLAG_VALUES.join(', '));

const settingsUpdateSchema = yup
  .object({ CHATRECORDFLAG: flag, FLOWRECORDFLAG: flag, CCIVRRECORDFLAG: flag })
  .noUnknown(
    true,
    'unknown key ${unknown}: only CHATRECORDFLAG, FLOWRECORDFLAG and CCIVRRECORDFLAG are settings'
  )
  .strict()
  .required();

export const validateSettingsUpdate = validateYupSchema(settingsUpdateSchema, {
  strict: true,
  abortEarly: false,
}) as (body: unknown) => Promise<Partial<RecordingFlags>>;
