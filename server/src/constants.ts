import { PERMISSIONS, PLUGIN_ID, actionId } from '../../shared/contracts/permissions';

import type { BotKind } from './domain/recording-decision';

export { PERMISSIONS, PLUGIN_ID, actionId };

export const UID = {
  setting: 'plugin::call-history.setting',
  auditEntry: 'plugin::call-history.audit-entry',
  chatbot: 'plugin::call-history.chatbot',
  ivrFlow: 'plugin::call-history.ivr-flow',
  callRecord: 'plugin::call-history.call-record',
  callRollup: 'plugin::call-history.call-rollup',
  callRollupHour: 'plugin::call-history.call-rollup-hour',
  exportTicket: 'plugin::call-history.export-ticket',
  savedSearch: 'plugin::call-history.saved-search',
} as const;

export type PluginUid = (typeof UID)[keyof typeof UID];

/** The content type of each bot kind: the service and the lifecycles read and write through it. */
export const BOT_UID_BY_KIND: Record<BotKind, typeof UID.chatbot | typeof UID.ivrFlow> = {
  INTELLIGENT_ROBOT: UID.chatbot,
  COMMON_IVR: UID.ivrFlow,
};

/** Webhook / event-hub events the plugin emits. */
export const EVENTS = {
  callRecorded: 'call-history.call.recorded',
  settingsUpdated: 'call-history.settings.updated',
  callsPurged: 'call-history.calls.purged',
} as const;

/** The purge's job in Strapi's cron (bootstrap.ts): one name, so it can be found and removed. */
export const PURGE_JOB = 'call-history.retention-purge';

const action = (
  subCategory: string,
  verb: 'read' | 'update' | 'details' | 'export' | 'reveal' | 'hold' | 'erase',
  displayName: string
) => ({
  section: 'plugins' as const,
  pluginName: PLUGIN_ID,
  subCategory,
  displayName,
  uid: `${subCategory}.${verb}`,
});

/** RBAC actions (docs/design.md#admin-api), registered in register.ts; their ids are shared. */
export const ACTIONS = [
  action('settings', 'read', 'Read system settings'),
  action('settings', 'update', 'Update system settings'),
  action('calls', 'read', 'Search call history'),
  action('calls', 'details', 'Open call details'),
  action('calls', 'export', 'Export call history (CSV)'),
  action('calls', 'reveal', 'Reveal full calling and called numbers (audited)'),
  action('calls', 'hold', 'Place and release legal holds on calls'),
  action('bots', 'read', 'Read robots and IVR flows'),
  action('bots', 'update', 'Create and edit robots and IVR flows'),
  action('audit', 'read', 'Read and export the audit log'),
  action('calls', 'erase', 'Erase the calls of a number'),
];

export const DEFAULT_ROLES = [
  {
    name: 'Tenant Space Administrator',
    description:
      'Changes the recording flags, manages robots and IVR flows, reads and exports calls.',
    actions: Object.values(PERMISSIONS),
  },
  {
    name: 'Agent',
    description: 'Searches historical calls and reads their details; sees settings read-only.',
    actions: [
      PERMISSIONS.callsRead,
      PERMISSIONS.callsDetails,
      PERMISSIONS.settingsRead,
      PERMISSIONS.botsRead,
    ],
  },
] as const;
