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

/** Stable objects for useRBAC, which keys its queries on them. */
export const PAGE_PERMISSIONS = {
  callHistory: { canRead: PERMISSIONS.callsRead },
  settings: { canRead: PERMISSIONS.settingsRead },
  bots: { canRead: PERMISSIONS.botsRead },
};

export const ACTION_PERMISSIONS = {
  calls: { canDetails: PERMISSIONS.callsDetails, canExport: PERMISSIONS.callsExport },
  settings: { canUpdate: PERMISSIONS.settingsUpdate },
  bots: { canUpdate: PERMISSIONS.botsUpdate },
  nav: {
    canReadCalls: PERMISSIONS.callsRead,
    canReadSettings: PERMISSIONS.settingsRead,
    canReadBots: PERMISSIONS.botsRead,
  },
};
