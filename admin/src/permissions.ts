import { PERMISSIONS as ACTION_IDS, type PermissionId } from '../../shared/contracts/permissions';

/** The admin checks the very action ids the routes enforce, in helper-plugin's shape. */
const action = (id: PermissionId) => [{ action: id, subject: null }];

export const PERMISSIONS = {
  settingsRead: action(ACTION_IDS.settingsRead),
  settingsUpdate: action(ACTION_IDS.settingsUpdate),
  callsRead: action(ACTION_IDS.callsRead),
  callsDetails: action(ACTION_IDS.callsDetails),
  callsExport: action(ACTION_IDS.callsExport),
  callsReveal: action(ACTION_IDS.callsReveal),
  callsHold: action(ACTION_IDS.callsHold),
  botsRead: action(ACTION_IDS.botsRead),
  botsUpdate: action(ACTION_IDS.botsUpdate),
  auditRead: action(ACTION_IDS.auditRead),
  callsErase: action(ACTION_IDS.callsErase),
  /** The main-menu link: shown to a user who may open any one of the pages. */
  menu: [
    ...action(ACTION_IDS.callsRead),
    ...action(ACTION_IDS.settingsRead),
    ...action(ACTION_IDS.botsRead),
    ...action(ACTION_IDS.auditRead),
    ...action(ACTION_IDS.callsErase),
  ],
};

/**
 * Stable objects for useRBAC, which keys its queries on them and answers `can<Key>`
 * (e.g. `{ read }` → `allowedActions.canRead`).
 */
export const PAGE_PERMISSIONS = {
  callHistory: { read: PERMISSIONS.callsRead },
  settings: { read: PERMISSIONS.settingsRead },
  bots: { read: PERMISSIONS.botsRead },
  auditLog: { read: PERMISSIONS.auditRead },
  // The page is its action: a user who may open it may erase.
  erasure: { read: PERMISSIONS.callsErase },
};

export const ACTION_PERMISSIONS = {
  calls: {
    details: PERMISSIONS.callsDetails,
    export: PERMISSIONS.callsExport,
    reveal: PERMISSIONS.callsReveal,
    hold: PERMISSIONS.callsHold,
  },
  settings: { update: PERMISSIONS.settingsUpdate },
  bots: { update: PERMISSIONS.botsUpdate },
  nav: {
    readCalls: PERMISSIONS.callsRead,
    readSettings: PERMISSIONS.settingsRead,
    readBots: PERMISSIONS.botsRead,
    readAudit: PERMISSIONS.auditRead,
    eraseCalls: PERMISSIONS.callsErase,
  },
};
