import type { Strapi } from '@strapi/types';

import { UID } from '../constants';
import type { AuditUser } from '../domain/audit';
import { EXPORT_TICKET_TTL_MS, TICKET_ID, newTicketId, ticketHash } from '../domain/export-ticket';
import type { RawBody } from '../domain/search-query';
import { getDb } from '../utils/strapi';

export interface ClaimedTicket {
  adminId: number;
  /**
   * The export's body fields, as validated when the ticket was issued: the filters, and
   * `reveal: true` with its `reason` when the admin asked for full numbers and held calls.reveal.
   */
  filters: RawBody;
  /** Set by the export-ticket policy once it has checked the admin: who the audit names. */
  admin?: AuditUser;
}

/** CSV download links (domain/export-ticket.ts), stored through the Query Engine. */
export default ({ strapi }: { strapi: Strapi }) => {
  const tickets = () => getDb(strapi).query(UID.exportTicket);

  return {
    /** A new link's id for this admin and these validated filters, valid for a minute. */
    async issue(adminId: number, filters: RawBody): Promise<{ id: string; expiresAt: Date }> {
      const now = new Date();
      // Expired links (used or not) are of no use to anyone: each issue sweeps them.
      await tickets().deleteMany({ where: { expiresAt: { $lte: now } } });
      const id = newTicketId();
      const expiresAt = new Date(now.getTime() + EXPORT_TICKET_TTL_MS);
      await tickets().create({ data: { tokenHash: ticketHash(id), adminId, filters, expiresAt } });
      return { id, expiresAt };
    },

    /**
     * Uses the link up: the one UPDATE that marks an unused, unexpired ticket as used decides,
     * so of two downloads racing on any nodes exactly one gets the ticket. Null when the id is
     * unknown, used or expired.
     */
    async claim(id: string): Promise<ClaimedTicket | null> {
      if (!TICKET_ID.test(id)) return null;
      const now = new Date();
      const tokenHash = ticketHash(id);
      const { count } = await tickets().updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { $gt: now } },
        data: { usedAt: now },
      });
      if (count !== 1) return null;
      const row = (await tickets().findOne({
        select: ['adminId', 'filters'],
        where: { tokenHash },
      })) as { adminId: number; filters: RawBody } | null;
      return row && { adminId: row.adminId, filters: row.filters };
    },
  };
};
