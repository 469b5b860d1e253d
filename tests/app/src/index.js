'use strict';

const { extendCallRecord } = require('./call-history/extend-call-record');

const CALL_HISTORY_EVENTS = ['call-history.call.recorded', 'call-history.settings.updated'];

module.exports = {
  register({ strapi }) {
    extendCallRecord(strapi);
  },

  bootstrap({ strapi }) {
    // Listeners run inside the emitting write: keep them quick and never let them throw.
    const events = strapi.service('api::call-events.call-events');
    for (const name of CALL_HISTORY_EVENTS) {
      strapi.eventHub.on(name, (payload) => events.record(name, payload));
    }
  },
};
