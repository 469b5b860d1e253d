/**
 * Chatbot and ivr-flow have the same fields (docs/design.md#content-types). A factory, not a shared object:
 * Strapi annotates each attribute object it is given.
 */
export const botAttributes = () =>
  ({
    name: { type: 'string', required: true, maxLength: 255 },
    accessCode: { type: 'string', required: true, unique: true, maxLength: 64 },
    description: { type: 'text' },
    historicalCallRecord: { type: 'boolean', default: true, required: true },
    flowCallRecording: { type: 'boolean', default: true, required: true },
    // Days its calls are kept; null follows the tenant's period (docs/design.md#privacy).
    retentionDays: { type: 'integer', min: 1, max: 36_500 },
  }) as const;
