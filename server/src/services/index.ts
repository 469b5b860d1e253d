import bots from './bots';
import callSearch from './call-search';
import calls from './calls';
import defaultRoles from './default-roles';
import recordingPolicy from './recording-policy';
import settings from './settings';

export default {
  bots,
  calls,
  'call-search': callSearch,
  'default-roles': defaultRoles,
  'recording-policy': recordingPolicy,
  settings,
};
