import quarterSchema from '../call-rollup/schema';

/**
 * Calls per one-hour bucket of start time, access code and bot kind: the statistics rollup's
 * coarser level (docs/design.md#statistics-rollup), which a long period is read from, four
 * times fewer rows than the 15-minute level. Derived data, kept by the same triggers on the
 * call table (database/call-rollup.ts), in the same statements, and rebuilt with it by the
 * call-rollup service. The 15-minute level's attributes and options (hidden everywhere, never
 * written by the Query Engine), so that one set of statements serves both.
 */
export default {
  ...quarterSchema,
  collectionName: 'call_history_call_rollup_hour',
  info: {
    singularName: 'call-rollup-hour',
    pluralName: 'call-rollup-hours',
    displayName: 'Call history hourly statistics rollup',
  },
  // Written out although the 15-minute level's are the same: whether a type is hidden should be
  // read in its own schema, not found through a spread.
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
};
