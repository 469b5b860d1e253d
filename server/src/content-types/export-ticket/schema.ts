/**
 * One CSV download link (domain/export-ticket.ts): kept in the database, so that a link issued
 * by one Strapi node downloads from any other, and claimed once. Internal: hidden everywhere,
 * read and written by services/export-tickets.ts only; expired rows are swept when a ticket is
 * issued.
 */
export default {
  kind: 'collectionType',
  collectionName: 'call_history_export_tickets',
  info: {
    singularName: 'export-ticket',
    pluralName: 'export-tickets',
    displayName: 'Call history export ticket',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    // SHA-256 of the link's id, in hex: the id itself is never stored.
    tokenHash: { type: 'string', required: true, unique: true, maxLength: 64, private: true },
    adminId: { type: 'integer', required: true },
    // The export's body fields, as validated when the ticket was issued.
    filters: { type: 'json', required: true, private: true },
    expiresAt: { type: 'datetime', required: true },
    usedAt: { type: 'datetime' },
  },
};
