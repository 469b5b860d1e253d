/** Audit trail of the recording flags: one row per effective change, never updated. */
export default {
  kind: 'collectionType',
  collectionName: 'call_history_setting_changes',
  info: {
    singularName: 'setting-change',
    pluralName: 'setting-changes',
    displayName: 'Call history settings change',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    changes: { type: 'json', required: true },
    userId: { type: 'integer' },
    userEmail: { type: 'string' },
  },
};
