// A factory, not a shared object: Strapi annotates each attribute object it is given.
const flag = () =>
  ({
    type: 'enumeration',
    enum: ['ON', 'OFF', 'BOT_LEVEL'],
    default: 'OFF',
    required: true,
  }) as const;

export default {
  kind: 'singleType',
  collectionName: 'call_history_settings',
  info: {
    singularName: 'setting',
    pluralName: 'settings',
    displayName: 'Call history settings',
    description:
      'Tenant-wide recording flags (CHATRECORDFLAG, FLOWRECORDFLAG, CCIVRRECORDFLAG) and retention period.',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    chatRecordFlag: flag(),
    flowRecordFlag: flag(),
    ccIvrRecordFlag: flag(),
    // Days a call is kept, null to keep calls forever (the default): docs/design.md#privacy.
    retentionDays: { type: 'integer', min: 1, max: 36_500 },
  },
};
