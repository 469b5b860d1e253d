import type { Strapi } from '@strapi/types';
import type { Context } from 'koa';

import { PERMISSIONS } from '../constants';
import { getService } from '../utils/strapi';

interface AdminUser {
  id: number;
  email?: string | null;
  isActive?: boolean;
}

interface PermissionEngine {
  generateUserAbility(user: AdminUser): Promise<{ can(action: string): boolean }>;
}

/**
 * The download route's policy: it takes no admin JWT (a browser download cannot send one), so
 * it claims the ticket (once: a second download of the same link is refused) and checks what
 * `admin::isAuthenticatedAdmin` and `admin::hasPermissions` would: the ticket's admin still
 * exists, is active, and still holds `calls.export` (and `calls.reveal`, for a ticket issued
 * for full numbers: a permission withdrawn within the ticket's minute counts). A refusal is Strapi's plain 403 (its router
 * answers every policy refusal with a bare "Forbidden"), so the reason is logged.
 */
export default async (policyContext: Context, _config: unknown, { strapi }: { strapi: Strapi }) => {
  const refuse = (reason: string) => {
    strapi.log.debug(`call-history: export download refused: ${reason}`);
    return false;
  };
  // A policy context copies the koa context's own properties only: `query` lives on `request`.
  const raw = policyContext.request.query.ticket;
  const ticket = await getService(strapi, 'export-tickets').claim(
    typeof raw === 'string' ? raw : ''
  );
  if (!ticket) return refuse('the ticket is unknown, used or expired');
  const user = (await strapi
    .query('admin::user')
    .findOne({ where: { id: ticket.adminId }, populate: ['roles'] })) as AdminUser | null;
  if (!user || user.isActive !== true) return refuse(`admin ${ticket.adminId} is not active`);
  const engine = (strapi.admin?.services.permission as { engine: PermissionEngine }).engine;
  const ability = await engine.generateUserAbility(user);
  if (!ability.can(PERMISSIONS.callsExport)) {
    return refuse(`admin ${ticket.adminId} no longer holds ${PERMISSIONS.callsExport}`);
  }
  if (ticket.filters.reveal === true && !ability.can(PERMISSIONS.callsReveal)) {
    return refuse(`admin ${ticket.adminId} no longer holds ${PERMISSIONS.callsReveal}`);
  }
  policyContext.state.exportTicket = {
    ...ticket,
    admin: { id: user.id, email: typeof user.email === 'string' ? user.email : null },
  };
  return true;
};
