/**
 * The attributes a developer added to call-record by extension: which attributes of the
 * runtime model they are (passed in, read from Strapi's model at runtime), and their values on
 * a call, checked by type on every write path. Pure.
 */
import { SYSTEM_ATTRIBUTES } from '../../../../shared/contracts/calls';
import { checkCustomFieldValue, isPluginCustomField } from '../custom-field-values';

import { checkAttributeValue, type AttributeSpecs } from './attribute-values';
import { checkDateTime } from './field-checks';
import { problem, type FieldProblem } from './field-problem';

/** Attributes Strapi adds to every content type: never writable through the ingest API. */
export { SYSTEM_ATTRIBUTES };

/** Attribute types the Query Engine writes through other tables; Strapi checks those itself. */
const NON_SCALAR_TYPES = new Set(['relation', 'component', 'dynamiczone', 'media']);

const DATETIME_TYPES = new Set(['datetime', 'timestamp']);

/**
 * The attributes a developer added to call-record by extension: every attribute of the runtime
 * model that is neither the plugin's own nor one Strapi adds to every type.
 */
export const extensionAttributes = (
  modelAttributes: AttributeSpecs,
  pluginAttributeNames: readonly string[]
): AttributeSpecs => {
  const excluded = new Set<string>([...pluginAttributeNames, ...SYSTEM_ATTRIBUTES]);
  const result: AttributeSpecs = {};
  for (const [name, spec] of Object.entries(modelAttributes)) {
    if (!excluded.has(name)) result[name] = spec;
  }
  return result;
};

/** The extensions a Query Engine write carries as values: relations and media are Strapi's. */
export const writableExtensions = (extensions: AttributeSpecs): AttributeSpecs =>
  Object.fromEntries(
    Object.entries(extensions).filter(([, spec]) => !NON_SCALAR_TYPES.has(spec.type))
  );

/**
 * The extension attributes among `keys`, checked by their Strapi type; the plugin's custom
 * fields (a phone number, say) are normalised into `call` as on every other path, and a
 * date-time is stored with its offset written ±hh:mm.
 */
export const checkExtensions = (
  call: Record<string, unknown>,
  extensions: AttributeSpecs,
  keys: Iterable<string>
): FieldProblem | null => {
  for (const name of keys) {
    const spec = extensions[name];
    const found = DATETIME_TYPES.has(spec.type)
      ? checkDateTime(name, call[name], Boolean(spec.required), (stored) => (call[name] = stored))
      : checkAttributeValue(name, call[name], spec);
    if (found) return found;
    if (isPluginCustomField(spec.customField) && call[name] !== undefined) {
      const check = checkCustomFieldValue(spec.customField, call[name]);
      if (!check.ok) return problem(name, `${name} ${check.message}`);
      call[name] = check.value;
    }
  }
  return null;
};
