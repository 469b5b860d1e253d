'use strict';

/**
 * A schema extension of the plugin's call-record, the way a developer adds fields to a plugin's
 * content type in Strapi 4: in the app's `register`, before the database schema is synced.
 * `CALL_HISTORY_HOST_EXTENSION=off` boots without it (the tests boot with and without).
 */
const CALL_RECORD = 'plugin::call-history.call-record';

const EXTENSION_ATTRIBUTES = {
  customerTier: { type: 'enumeration', enum: ['STANDARD', 'GOLD', 'PLATINUM'] },
  // Named in Call Details by its label; the others by their names in words.
  queueName: {
    type: 'string',
    maxLength: 32,
    pluginOptions: { 'call-history': { label: 'Queue' } },
  },
  csat: { type: 'integer', min: 1, max: 5 },
  callbackNumber: { type: 'customField', customField: 'plugin::call-history.phone-number' },
  tags: { type: 'json' },
  answeredAt: { type: 'datetime' },
  vip: { type: 'boolean', default: false },
  // Private: stored, never returned by the Call History routes nor exported.
  internalNote: { type: 'text', private: true },
};

const extendCallRecord = (strapi) => {
  if (process.env.CALL_HISTORY_HOST_EXTENSION === 'off') return;
  Object.assign(strapi.contentType(CALL_RECORD).attributes, EXTENSION_ATTRIBUTES);
};

module.exports = { extendCallRecord, EXTENSION_ATTRIBUTES };
