export default {
  type: 'content-api',
  routes: [
    // For the call platform. Content-API auth (API token or users-permissions) checks the
    // action `plugin::call-history.ingest.batch`, listed in the API-token and U&P screens.
    { method: 'POST', path: '/calls/batch', handler: 'ingest.batch', config: { policies: [] } },
  ] as unknown[],
};
