'use strict';

const path = require('path');

module.exports = ({ env }) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET', 'call-history-demo-users-permissions-jwt') },
  },
  // Off unless a test asks: the plugin's types must not reach a host's GraphQL API.
  graphql: {
    enabled: env.bool('HOST_GRAPHQL', false),
    resolve: path.dirname(require.resolve('@strapi/plugin-graphql/package.json')),
  },
  'call-history': {
    enabled: true,
    // The plugin is the repository itself, three folders up.
    resolve: path.resolve(__dirname, '..', '..', '..'),
    config: {
      createDefaultRoles: env.bool('CALL_HISTORY_CREATE_DEFAULT_ROLES', true),
      maxPeriodDays: env.int('CALL_HISTORY_MAX_PERIOD_DAYS', 31),
      totalCap: env.int('CALL_HISTORY_TOTAL_CAP', 10000),
      showInContentManager: env.bool('CALL_HISTORY_SHOW_IN_CONTENT_MANAGER', false),
      csvBom: env.bool('CALL_HISTORY_CSV_BOM', true),
      sqliteDayIndexes: env.bool('CALL_HISTORY_SQLITE_DAY_INDEXES', false),
      // 'false' turns the purge job off; unset, the plugin's nightly default applies.
      ...(env('CALL_HISTORY_PURGE_CRON')
        ? {
            purgeCron:
              env('CALL_HISTORY_PURGE_CRON') === 'false' ? false : env('CALL_HISTORY_PURGE_CRON'),
          }
        : {}),
      ...(env('CALL_HISTORY_PURGE_BATCH_SIZE')
        ? { purgeBatchSize: env.int('CALL_HISTORY_PURGE_BATCH_SIZE') }
        : {}),
      ...(env('CALL_HISTORY_STREAM_CHUNK_SIZE')
        ? { streamChunkSize: env.int('CALL_HISTORY_STREAM_CHUNK_SIZE') }
        : {}),
      // Unset, the plugin's own defaults apply (256 KiB, 24 h): the tests check those too.
      ...(env('CALL_HISTORY_MAX_FLOW_TRACE_BYTES')
        ? { maxFlowTraceBytes: env.int('CALL_HISTORY_MAX_FLOW_TRACE_BYTES') }
        : {}),
      ...(env('CALL_HISTORY_MAX_CALL_DURATION_SECONDS')
        ? { maxCallDurationSeconds: env.int('CALL_HISTORY_MAX_CALL_DURATION_SECONDS') }
        : {}),
    },
  },
});
