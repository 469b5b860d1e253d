export default {
  type: 'content-api',
  routes: [
    // For the call platform. Strapi's content-API auth (an API token, or a users-permissions
    // role) requires the action `plugin::call-history.ingest.batch`, which Strapi derives from
    // the handler and lists in the API-token and Users & Permissions screens.
    { method: 'POST', path: '/calls/batch', handler: 'ingest.batch' },
  ] as unknown[],
};
