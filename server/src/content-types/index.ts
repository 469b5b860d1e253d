import callRecord from './call-record';
import chatbot from './chatbot';
import exportTicket from './export-ticket';
import ivrFlow from './ivr-flow';
import setting from './setting';
import settingChange from './setting-change';

export default {
  setting,
  'setting-change': settingChange,
  chatbot,
  'ivr-flow': ivrFlow,
  'call-record': callRecord,
  'export-ticket': exportTicket,
};
