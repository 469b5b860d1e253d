/** Mirrors server/src/constants.ts: the admin checks the same action ids the routes enforce. */
const action = (uid: string) => [{ action: `plugin::call-history.${uid}`, subject: null }];

export const PERMISSIONS = {
  settingsRead: action('settings.read'),
  settingsUpdate: action('settings.update'),
  callsRead: action('calls.read'),
  callsDetails: action('calls.details'),
  callsExport: action('calls.export'),
  botsRead: action('bots.read'),
  botsUpdate: action('bots.update'),
  /** The main-menu link: shown to a user holding any one of the read actions. */
  menu: [...action('calls.read'), ...action('settings.read'), ...action('bots.read')],
};

/**
 * Stable objects for useRBAC, which keys its queries on them and answers `can<Key>`
 * (e.g. `{ read }` → `allowedActions.canRead`).
 */
export const PAGE_PERMISSIONS = {
  callHistory: { read: PERMISSIONS.callsRead },
  settings: { read: PERMISSIONS.settingsRead },
  bots: { read: PERMISSIONS.botsRead },
};

export const ACTION_PERMISSIONS = {
  calls: { details: PERMISSIONS.callsDetails, export: PERMISSIONS.callsExport },
  settings: { update: PERMISSIONS.settingsUpdate },
  bots: { update: PERMISSIONS.botsUpdate },
  nav: {
    readCalls: PERMISSIONS.callsRead,
    readSettings: PERMISSIONS.settingsRead,
    readBots: PERMISSIONS.botsRead,
  },
};
