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
};
