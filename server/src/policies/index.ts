import exportTicket from './export-ticket';

export default { 'export-ticket': exportTicket };
