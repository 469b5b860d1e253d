import auditEntry from './audit-entry';
import callRecord from './call-record';
import callRollup from './call-rollup';
import callRollupHour from './call-rollup-hour';
import chatbot from './chatbot';
import exportTicket from './export-ticket';
import ivrFlow from './ivr-flow';
import savedSearch from './saved-search';
import setting from './setting';

export default {
  setting,
  'audit-entry': auditEntry,
  chatbot,
  'ivr-flow': ivrFlow,
  'call-record': callRecord,
  'call-rollup': callRollup,
  'call-rollup-hour': callRollupHour,
  'export-ticket': exportTicket,
  'saved-search': savedSearch,
};
