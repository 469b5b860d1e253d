'use strict';

module.exports = ({ env }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    // Strapi's default JSON limit is 1 MB, about 240 calls with 20-step traces: the host app
    // raises it so that a batch of 1,000 traced calls (about 5 MB) fits. STRAPI_JSON_LIMIT lets
    // a test run with Strapi's default.
    config: { jsonLimit: env('STRAPI_JSON_LIMIT', '16mb') },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
