/**
 * The plugin's id and its RBAC action ids: the server registers and enforces them, the admin
 * checks the same ids to show a page or a button.
 */
export const PLUGIN_ID = 'call-history';

export const actionId = (uid: string) => `plugin::${PLUGIN_ID}.${uid}`;

export const PERMISSIONS = {
  settingsRead: actionId('settings.read'),
  settingsUpdate: actionId('settings.update'),
  callsRead: actionId('calls.read'),
  callsDetails: actionId('calls.details'),
  callsExport: actionId('calls.export'),
  callsReveal: actionId('calls.reveal'),
  callsHold: actionId('calls.hold'),
  botsRead: actionId('bots.read'),
  botsUpdate: actionId('bots.update'),
  auditRead: actionId('audit.read'),
  callsErase: actionId('calls.erase'),
} as const;

export type PermissionId = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
