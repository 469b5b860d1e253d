import bots from './bots';
import calls from './calls';
import defaultRoles from './default-roles';
import recordingPolicy from './recording-policy';
import settings from './settings';

export default {
  bots,
  calls,
  'default-roles': defaultRoles,
  'recording-policy': recordingPolicy,
  settings,
};
