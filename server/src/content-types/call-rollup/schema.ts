/**
 * Calls per 15-minute bucket of start time, access code and bot kind: what the Call History
 * statistics read instead of the calls (docs/design.md#statistics-rollup). Derived data, kept
 * by database triggers on the call table (database/call-rollup.ts) in the transaction
 * of every write that adds or removes a call, and rebuilt from the calls by the call-rollup
 * service. Internal: hidden everywhere, never written by the Query Engine.
 */
export default {
  kind: 'collectionType',
  collectionName: 'call_history_call_rollup',
  info: {
    singularName: 'call-rollup',
    pluralName: 'call-rollups',
    displayName: 'Call history statistics rollup',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    // The bucket's first instant, stored like a call's startTime, so the triggers compute it
    // from the stored value and a period bound compares with it as the search does.
    bucketStart: { type: 'datetime', required: true },
    accessCode: { type: 'string', required: true, maxLength: 64 },
    // '' for a call stored without a bot kind: a unique key treats NULLs as distinct.
    botKind: { type: 'string', required: true, maxLength: 32 },
    calls: { type: 'integer', required: true, min: 0 },
  },
};
