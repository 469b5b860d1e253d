import audit from './audit';
import bots from './bots';
import callHolds from './call-holds';
import callSearch from './call-search';
import ingest from './ingest';
import settings from './settings';

export default {
  audit,
  bots,
  ingest,
  settings,
  'call-holds': callHolds,
  'call-search': callSearch,
};
