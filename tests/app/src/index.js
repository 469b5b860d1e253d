'use strict';

/**
 * Attributes a developer might add to call-record by extension, switched on only by the tests
 * that check the ingest API accepts and stores them (CALL_HISTORY_TEST_EXTENSION=true).
 */
const EXTENSION_ATTRIBUTES = {
  queueName: { type: 'string', maxLength: 32 },
  satisfaction: { type: 'integer', min: 1, max: 5 },
  tags: { type: 'json' },
  answeredAt: { type: 'datetime' },
  vip: { type: 'boolean', default: false },
};

module.exports = {
  register({ strapi }) {
    if (process.env.CALL_HISTORY_TEST_EXTENSION !== 'true') return;
    Object.assign(
      strapi.contentType('plugin::call-history.call-record').attributes,
      EXTENSION_ATTRIBUTES
    );
  },
  bootstrap() {},
};
