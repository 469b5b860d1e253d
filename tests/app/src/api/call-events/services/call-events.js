'use strict';

/**
 * What the host app does with the plugin's events: here it keeps the latest ones (a real app
 * would push them to a wallboard or a CRM). Subscribed in `src/index.js` bootstrap.
 */
const KEPT = 100;

module.exports = () => {
  const received = [];
  return {
    record(event, payload) {
      received.push({ event, payload });
      if (received.length > KEPT) received.shift();
    },
    list(event) {
      return received.filter((entry) => !event || entry.event === event);
    },
  };
};
