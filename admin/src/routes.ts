import { PLUGIN_ID } from './pluginId';

/** Where each page lives under the plugin's admin URL. */
export const BASE = `/plugins/${PLUGIN_ID}`;
export const PATHS = {
  robots: `${BASE}/robots`,
  ivrFlows: `${BASE}/ivr-flows`,
  settings: `${BASE}/system-settings`,
  auditLog: `${BASE}/audit-log`,
  historicalCall: `${BASE}/historical-call`,
  dataErasure: `${BASE}/data-erasure`,
};
