/**
 * One call. No relation to the bot on purpose (docs/design.md#content-types): the access code and a snapshot of
 * the bot are kept instead, so a search at millions of rows joins nothing.
 */
export default {
  kind: 'collectionType',
  collectionName: 'call_history_call_records',
  info: {
    singularName: 'call-record',
    pluralName: 'call-records',
    displayName: 'Call record',
    description: 'A finished call from the call platform, with its flow trace when recorded.',
  },
  options: { draftAndPublish: false },
  // Shown in the Content Manager only with the plugin config showInContentManager (register.ts).
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: true },
  },
  attributes: {
    callId: { type: 'string', required: true, unique: true, maxLength: 128 },
    callingNumber: { type: 'string', required: true, maxLength: 32 },
    calledNumber: { type: 'string', maxLength: 32 },
    accessCode: { type: 'string', required: true, maxLength: 64 },
    botKind: { type: 'enumeration', enum: ['INTELLIGENT_ROBOT', 'COMMON_IVR'] },
    botName: { type: 'string', maxLength: 255 },
    startTime: { type: 'datetime', required: true },
    endTime: { type: 'datetime', required: true },
    durationSeconds: { type: 'integer', min: 0 },
    endReason: { type: 'string', maxLength: 64 },
    flowTrace: { type: 'json' },
    recordingDecision: { type: 'json' },
    // The calling number reversed, so that a suffix search (`*5678`) is an index range scan.
    callingNumberReversed: {
      type: 'string',
      maxLength: 32,
      private: true,
      configurable: false,
      visible: false,
    },
    // The number of flow-trace steps, counted when the call is stored (domain/call-policy.ts):
    // the search and the CSV show it without reading the trace, which only Call Details (behind
    // calls.details) returns. Null when no trace was kept. Not private: rows carry it.
    flowSteps: { type: 'integer', min: 0, configurable: false, visible: false },
    heldAt: { type: 'datetime' },
    holdReason: { type: 'text' },
  },
};
