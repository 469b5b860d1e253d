import bots from './bots';
import ingest from './ingest';
import settings from './settings';

export default { bots, ingest, settings };
