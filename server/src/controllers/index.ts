import bots from './bots';
import callSearch from './call-search';
import settings from './settings';

export default { bots, settings, 'call-search': callSearch };
