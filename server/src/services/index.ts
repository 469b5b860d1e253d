import audit from './audit';
import bots from './bots';
import callDeletion from './call-deletion';
import callHolds from './call-holds';
import callRollup from './call-rollup';
import callSearch from './call-search';
import calls from './calls';
import defaultRoles from './default-roles';
import erasure from './erasure';
import exportTickets from './export-tickets';
import ingest from './ingest';
import recordingPolicy from './recording-policy';
import retention from './retention';
import savedSearches from './saved-searches';
import settings from './settings';

export default {
  audit,
  bots,
  calls,
  'call-deletion': callDeletion,
  'call-holds': callHolds,
  'call-rollup': callRollup,
  'call-search': callSearch,
  'default-roles': defaultRoles,
  erasure,
  'export-tickets': exportTickets,
  ingest,
  'recording-policy': recordingPolicy,
  retention,
  'saved-searches': savedSearches,
  settings,
};
