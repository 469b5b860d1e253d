/**
 * Server-side validation of the plugin's custom fields. Strapi 4 has no validation hook for a
 * custom field (its entity validator only knows the underlying type), so the plugin applies these
 * rules itself: in a database lifecycle for every Query Engine write, and, for writers that
 * bypass the Query Engine (the batch ingest's raw insert), by calling `checkCustomFieldValue`.
 */
import { normalisePhoneNumber } from './phone-number';
import { FLAG_VALUES, isFlagValue } from './recording-decision';

export const CUSTOM_FIELD_NAMES = {
  recordingFlag: 'recording-flag',
  phoneNumber: 'phone-number',
} as const;

export const CUSTOM_FIELD_UID = {
  recordingFlag: `plugin::call-history.${CUSTOM_FIELD_NAMES.recordingFlag}`,
  phoneNumber: `plugin::call-history.${CUSTOM_FIELD_NAMES.phoneNumber}`,
} as const;

export type CustomFieldCheck = { ok: true; value: unknown } | { ok: false; message: string };

const checkRecordingFlag = (value: unknown): CustomFieldCheck => {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  if (isFlagValue(value)) return { ok: true, value };
  return { ok: false, message: `must be one of ${FLAG_VALUES.join(', ')}` };
};

const CHECKS: Record<string, (value: unknown) => CustomFieldCheck> = {
  [CUSTOM_FIELD_UID.recordingFlag]: checkRecordingFlag,
  [CUSTOM_FIELD_UID.phoneNumber]: normalisePhoneNumber,
};

export const isPluginCustomField = (uid: unknown): uid is string =>
  typeof uid === 'string' && uid in CHECKS;

/**
 * The value to store for one attribute of one of the plugin's custom fields, or the reason it
 * is refused (without the field name: the caller knows the path). Values of other fields pass.
 */
export const checkCustomFieldValue = (customFieldUid: string, value: unknown): CustomFieldCheck =>
  isPluginCustomField(customFieldUid) ? CHECKS[customFieldUid](value) : { ok: true, value };

export interface CustomFieldAttribute {
  type?: string;
  customField?: string;
}

/** The attributes of a model that use one of the plugin's custom fields, name → field uid. */
export const pluginCustomFieldsOf = (
  attributes: Record<string, CustomFieldAttribute>
): Array<[attribute: string, customField: string]> =>
  Object.entries(attributes).flatMap(([name, attribute]) =>
    isPluginCustomField(attribute.customField)
      ? [[name, attribute.customField] as [string, string]]
      : []
  );

export type FieldProblem = { path: string; message: string };

/**
 * Checks and normalises, in place, the plugin's custom-field values in one row about to be
 * written; only the keys present are touched, so a partial update stays partial.
 */
export const applyCustomFieldRules = (
  row: Record<string, unknown>,
  fields: Array<[attribute: string, customField: string]>
): FieldProblem | null => {
  for (const [attribute, customField] of fields) {
    if (!(attribute in row)) continue;
    const check = checkCustomFieldValue(customField, row[attribute]);
    if (!check.ok) return { path: attribute, message: `${attribute} ${check.message}` };
    row[attribute] = check.value;
  }
  return null;
};
