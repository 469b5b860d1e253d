import bots from './bots';
import callSearch from './call-search';
import ingest from './ingest';
import settings from './settings';

export default { bots, ingest, settings, 'call-search': callSearch };
