import bots from './bots';
import calls from './calls';
import defaultRoles from './default-roles';
import ingest from './ingest';
import recordingPolicy from './recording-policy';
import settings from './settings';

export default {
  bots,
  calls,
  'default-roles': defaultRoles,
  ingest,
  'recording-policy': recordingPolicy,
  settings,
};
