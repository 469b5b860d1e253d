import type { Strapi } from '@strapi/types';

import { PLUGIN_ID } from '../constants';
import {
  applyCustomFieldRules,
  CUSTOM_FIELD_NAMES,
  pluginCustomFieldsOf,
  type CustomFieldAttribute,
} from '../domain/custom-field-values';
import { fieldError } from '../utils/errors';
import type { LifecycleEvent as Event } from '../utils/types';

/**
 * The plugin's custom fields, usable in any content type through the Content-Type Builder.
 * Both are stored as strings: the recording flag as ON / OFF / BOT_LEVEL (the values of the
 * System Settings), the phone number normalised (see domain/phone-number.ts).
 */
export const registerCustomFields = (strapi: Strapi) => {
  strapi.customFields.register([
    {
      name: CUSTOM_FIELD_NAMES.recordingFlag,
      plugin: PLUGIN_ID,
      type: 'string',
      inputSize: { default: 6, isResizable: true },
    },
    {
      name: CUSTOM_FIELD_NAMES.phoneNumber,
      plugin: PLUGIN_ID,
      type: 'string',
      inputSize: { default: 6, isResizable: true },
    },
  ]);
};

type Model = { attributes: Record<string, CustomFieldAttribute> };

/** Every content type and component with an attribute using one of the plugin's custom fields. */
const modelsUsingCustomFields = (strapi: Strapi) => {
  const models = new Map<string, Array<[string, string]>>();
  const all = { ...strapi.contentTypes, ...strapi.components } as unknown as Record<string, Model>;
  for (const [uid, model] of Object.entries(all)) {
    const fields = pluginCustomFieldsOf(model.attributes);
    if (fields.length > 0) models.set(uid, fields);
  }
  return models;
};

/**
 * Strapi 4 validates a custom field only as its underlying type, and only on the entity-service
 * path. This subscriber applies the fields' own rules on every Query Engine write (entity
 * service, Content Manager, REST, another plugin): values are normalised in place, a bad one
 * is refused with a ValidationError naming the attribute (a 400 over HTTP).
 */
export const customFieldSubscriber = (strapi: Strapi) => {
  const models = modelsUsingCustomFields(strapi);
  const check = (event: Event) => {
    const fields = models.get(event.model.uid);
    const data = event.params.data as
      | Record<string, unknown>
      | Record<string, unknown>[]
      | undefined;
    if (!fields || !data) return;
    for (const row of Array.isArray(data) ? data : [data]) {
      const problem = applyCustomFieldRules(row, fields);
      if (problem) throw fieldError(problem.path, problem.message);
    }
  };
  return {
    models: [...models.keys()],
    beforeCreate: check,
    beforeCreateMany: check,
    beforeUpdate: check,
    beforeUpdateMany: check,
  };
};
