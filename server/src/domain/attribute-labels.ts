/**
 * The labels a developer gives the attributes they add to call-record, for Call Details
 * (docs/design.md#call-details): `pluginOptions['call-history'].label` on the attribute, the
 * place Strapi 4 keeps a plugin's options of an attribute. Only readable attributes are named,
 * so a private attribute's existence does not leak through its label.
 */

export const LABEL_MAX_LENGTH = 100;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const attributeLabelsOf = (
  attributes: Record<string, unknown>,
  readable: readonly string[],
  ownAttributes: readonly string[]
): Record<string, string> => {
  const labels: Record<string, string> = {};
  for (const name of readable) {
    if (ownAttributes.includes(name)) continue;
    const attribute = attributes[name];
    const options = isObject(attribute) ? attribute.pluginOptions : undefined;
    const ours = isObject(options) ? options['call-history'] : undefined;
    const label = isObject(ours) ? ours.label : undefined;
    if (typeof label === 'string' && label.trim() !== '') {
      labels[name] = label.trim().slice(0, LABEL_MAX_LENGTH);
    }
  }
  return labels;
};
