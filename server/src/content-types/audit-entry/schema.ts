/**
 * The plugin's one audit trail: settings changes, robot and IVR-flow changes, call deletions.
 * Rows are only ever added (lifecycles/audit-entry.ts refuses updates and deletes).
 *
 * The table keeps the name it had when it held settings changes only, so that an upgraded
 * install keeps its trail: Strapi's schema sync would drop a renamed table with its rows. Those
 * older rows have no `action` and read as `settings.update`.
 */
export default {
  kind: 'collectionType',
  collectionName: 'call_history_setting_changes',
  info: {
    singularName: 'audit-entry',
    pluralName: 'audit-entries',
    displayName: 'Call history audit entry',
    description: 'Who changed what, and when: settings, robots and IVR flows, call deletions.',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    action: { type: 'string', maxLength: 64 },
    /** What was changed: a robot or IVR flow, or null for the tenant settings. */
    subject: { type: 'json' },
    /** Field by field, `{ from, to }`; for a deletion, counts per access code. */
    changes: { type: 'json', required: true },
    reason: { type: 'text' },
    userId: { type: 'integer' },
    userEmail: { type: 'string' },
  },
};
