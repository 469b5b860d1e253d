import audit from './audit';
import bots from './bots';
import callHolds from './call-holds';
import callSearch from './call-search';
import ingest from './ingest';
import retention from './retention';
import savedSearches from './saved-searches';
import settings from './settings';

export default {
  audit,
  bots,
  ingest,
  retention,
  settings,
  'call-holds': callHolds,
  'call-search': callSearch,
  'saved-searches': savedSearches,
};
