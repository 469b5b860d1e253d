import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';

import type { BulkHoldResult, CallHold } from '../../../shared/contracts/calls';
import { HOLD_BATCH, auditedFilters, countAccessCodes, sortedCounts } from '../domain/call-hold';
import type { SearchFilters } from '../domain/search-query';
import {
  callHoldsRepository,
  type CallHoldsRepository,
  type StoredHold,
} from '../repositories/call-holds';
import { nextTurn } from '../utils/event-loop';
import { getDb, getService } from '../utils/strapi';

import { currentAdmin } from './audit';

const presentHold = (hold: StoredHold): CallHold => ({
  callId: hold.callId,
  held: hold.heldAt !== null,
  heldAt: hold.heldAt,
  holdReason: hold.holdReason,
});

/**
 * Legal hold (docs/design.md#privacy): the one writer of a call's `heldAt` and `holdReason`
 * (the lifecycles refuse them on every other path). A held call is never purged nor erased.
 * Each hold or release and its audit entry (who, which calls, why; never a number) are one
 * transaction. Holding a held call changes nothing: the first hold's time and reason stand,
 * and only a release clears them.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  let repository: CallHoldsRepository | null = null;
  // Built on first use: the metadata it reads exists from bootstrap on.
  const holds = () => (repository ??= callHoldsRepository(strapi));
  const audit = () => getService(strapi, 'audit');
  // The audit's Query Engine write joins Strapi's transaction (services/audit.ts).
  const inTransaction = async <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    (await getDb(strapi).transaction(({ trx }) => work(trx as Knex.Transaction))) as T;

  const findOrFail = async (trx: Knex.Transaction, callId: string) => {
    const hold = await holds().find(trx, callId);
    if (!hold) throw new errors.NotFoundError(`No call with callId ${callId}`);
    return hold;
  };

  return {
    /** Holds one call; a call already held keeps its hold and nothing is audited. */
    async holdCall(callId: string, reason: string, user = currentAdmin(strapi)): Promise<CallHold> {
      return inTransaction(async (trx) => {
        const stored = await findOrFail(trx, callId);
        if (stored.heldAt !== null) return presentHold(stored);
        const at = new Date();
        const [accessCode] = await holds().hold(trx, [stored.id], at, reason);
        // Another hold took it since the read: the first hold's stands.
        if (accessCode === undefined) return presentHold(await findOrFail(trx, callId));
        await audit().record(
          {
            action: 'calls.hold',
            subject: { callId },
            changes: { callIds: [callId], held: 1, perAccessCode: { [accessCode]: 1 } },
            reason,
          },
          user
        );
        return presentHold({ ...stored, heldAt: at.toISOString(), holdReason: reason });
      });
    },

    /** Releases one held call; releasing a call that is not held is refused. */
    async releaseCall(
      callId: string,
      reason: string,
      user = currentAdmin(strapi)
    ): Promise<CallHold> {
      return inTransaction(async (trx) => {
        const stored = await findOrFail(trx, callId);
        if (stored.heldAt === null || !(await holds().release(trx, stored.id))) {
          throw new errors.ApplicationError(`Call ${callId} is not held`);
        }
        await audit().record(
          {
            action: 'calls.release',
            subject: { callId },
            changes: {
              callIds: [callId],
              heldAt: { from: stored.heldAt, to: null },
              holdReason: { from: stored.holdReason, to: null },
            },
            reason,
          },
          user
        );
        return presentHold({ ...stored, heldAt: null, holdReason: null });
      });
    },

    /**
     * Holds every call a search matches, in keyset batches (HOLD_BATCH) of one short
     * transaction each, so that ingest and search keep going on a month of a million calls.
     * The audit entry (counts per access code, the filters with the number masked) is written
     * with the last batch's work; if a batch fails, the calls held before it are audited, then
     * the error is answered. A hold only keeps calls, so a batch held without its entry (a
     * crash between the two) loses no evidence.
     */
    async holdMatching(
      filters: SearchFilters & { tz: string },
      reason: string,
      user = currentAdmin(strapi)
    ): Promise<BulkHoldResult> {
      const at = new Date();
      const perAccessCode = new Map<string, number>();
      let held = 0;
      let alreadyHeld = 0;
      const writeAudit = (extra: Record<string, unknown> = {}) =>
        audit().record(
          {
            action: 'calls.hold',
            subject: null,
            changes: {
              held,
              alreadyHeld,
              perAccessCode: sortedCounts(perAccessCode),
              filters: auditedFilters(filters),
              ...extra,
            },
            reason,
          },
          user
        );
      try {
        for await (const batch of holds().matching(filters, HOLD_BATCH)) {
          const open = batch.filter((call) => !call.held).map((call) => call.id);
          const codes = await inTransaction((trx) => holds().hold(trx, open, at, reason));
          countAccessCodes(perAccessCode, codes);
          held += codes.length;
          // Calls another hold took between the read and the write count as already held.
          alreadyHeld += batch.length - codes.length;
          await nextTurn();
        }
      } catch (error) {
        if (held > 0) await writeAudit({ incomplete: true });
        throw error;
      }
      if (held > 0) await writeAudit();
      return { held, alreadyHeld };
    },
  };
};
