import bots from './bots';
import settings from './settings';

export default { bots, settings };
