import auditEntry from './audit-entry';
import callRecord from './call-record';
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
  'export-ticket': exportTicket,
  'saved-search': savedSearch,
};
