'use strict';

module.exports = ({ env }) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET', 'call-history-demo-admin-jwt-secret'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT', 'call-history-demo-api-token-salt'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', 'call-history-demo-transfer-token-salt'),
    },
  },
  // Strapi allows 5 logins per email in 5 minutes; a browser suite logs in once per test.
  rateLimit: {
    enabled: env.bool('ADMIN_LOGIN_RATE_LIMIT', true),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
});
