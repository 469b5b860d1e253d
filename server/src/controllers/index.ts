import audit from './audit';
import bots from './bots';
import callSearch from './call-search';
import ingest from './ingest';
import settings from './settings';

export default { audit, bots, ingest, settings, 'call-search': callSearch };
