import { PERMISSIONS } from '../constants';

/** Every admin route: an authenticated admin holding the route's action (docs/design.md#admin-api). */
const guarded = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/settings',
      handler: 'settings.find',
      config: guarded(PERMISSIONS.settingsRead),
    },
    {
      method: 'PUT',
      path: '/settings',
      handler: 'settings.update',
      config: guarded(PERMISSIONS.settingsUpdate),
    },
    {
      method: 'GET',
      path: '/settings/history',
      handler: 'settings.history',
      config: guarded(PERMISSIONS.settingsRead),
    },
    {
      method: 'GET',
      path: '/retention/preview',
      handler: 'retention.preview',
      config: guarded(PERMISSIONS.settingsRead),
    },
    {
      method: 'GET',
      path: '/audit',
      handler: 'audit.find',
      config: guarded(PERMISSIONS.auditRead),
    },
    // The admin fetches it with its JWT and saves it as a file: an audit log is small next to
    // the calls, so the page may hold it once, and it needs no download ticket.
    {
      method: 'GET',
      path: '/audit/export',
      handler: 'audit.export',
      config: guarded(PERMISSIONS.auditRead),
    },
    { method: 'GET', path: '/bots', handler: 'bots.find', config: guarded(PERMISSIONS.botsRead) },
    {
      method: 'POST',
      path: '/bots',
      handler: 'bots.create',
      config: guarded(PERMISSIONS.botsUpdate),
    },
    {
      method: 'PUT',
      path: '/bots/:kind/:id',
      handler: 'bots.update',
      config: guarded(PERMISSIONS.botsUpdate),
    },
    {
      method: 'DELETE',
      path: '/bots/:kind/:id',
      handler: 'bots.remove',
      config: guarded(PERMISSIONS.botsUpdate),
    },
    // Searches, stats and exports take their filters in a POST body: a URL's query string is
    // written to request logs, and calling numbers are personal data (docs/design.md#privacy). No GET form
    // takes call filters, so GET /calls/:callId opens any call, one called "export" or "search" too.
    // (The audit log's GET routes take theirs in the query string: no audit entry holds a number.)
    {
      method: 'POST',
      path: '/calls/search',
      handler: 'call-search.search',
      config: guarded(PERMISSIONS.callsRead),
    },
    {
      method: 'POST',
      path: '/calls/page',
      handler: 'call-search.page',
      config: guarded(PERMISSIONS.callsRead),
    },
    {
      method: 'POST',
      path: '/calls/stats',
      handler: 'call-search.stats',
      config: guarded(PERMISSIONS.callsRead),
    },
    // The number goes in the body only: a URL is written to request logs.
    {
      method: 'POST',
      path: '/calls/erase/preview',
      handler: 'retention.erasurePreview',
      config: guarded(PERMISSIONS.callsErase),
    },
    {
      method: 'POST',
      path: '/calls/erase',
      handler: 'retention.erase',
      config: guarded(PERMISSIONS.callsErase),
    },
    {
      method: 'POST',
      path: '/calls/export',
      handler: 'call-search.export',
      config: guarded(PERMISSIONS.callsExport),
    },
    {
      method: 'POST',
      path: '/calls/export/ticket',
      handler: 'call-search.exportTicket',
      config: guarded(PERMISSIONS.callsExport),
    },
    // A browser download sends no admin JWT: the single-use ticket stands in for it, and its
    // policy claims the ticket and checks its admin and that admin's calls.export permission.
    {
      method: 'GET',
      path: '/calls/export/download',
      handler: 'call-search.download',
      config: { auth: false, policies: ['plugin::call-history.export-ticket'] },
    },
    // Saved searches: each admin lists, saves and deletes their own (never another's).
    {
      method: 'GET',
      path: '/saved-searches',
      handler: 'saved-searches.find',
      config: guarded(PERMISSIONS.callsRead),
    },
    {
      method: 'POST',
      path: '/saved-searches',
      handler: 'saved-searches.create',
      config: guarded(PERMISSIONS.callsRead),
    },
    {
      method: 'DELETE',
      path: '/saved-searches/:id',
      handler: 'saved-searches.remove',
      config: guarded(PERMISSIONS.callsRead),
    },
    // Legal hold: a reason in the body, audited; the bulk form takes the search's filters.
    {
      method: 'POST',
      path: '/calls/hold',
      handler: 'call-holds.holdMatching',
      config: guarded(PERMISSIONS.callsHold),
    },
    {
      method: 'POST',
      path: '/calls/:callId/hold',
      handler: 'call-holds.hold',
      config: guarded(PERMISSIONS.callsHold),
    },
    {
      method: 'POST',
      path: '/calls/:callId/release',
      handler: 'call-holds.release',
      config: guarded(PERMISSIONS.callsHold),
    },
    {
      method: 'GET',
      path: '/calls/:callId',
      handler: 'call-search.details',
      config: guarded(PERMISSIONS.callsDetails),
    },
    // admin::hasPermissions requires every action it lists: opening the call and revealing.
    {
      method: 'POST',
      path: '/calls/:callId/reveal',
      handler: 'call-search.reveal',
      config: guarded(PERMISSIONS.callsDetails, PERMISSIONS.callsReveal),
    },
  ],
};
