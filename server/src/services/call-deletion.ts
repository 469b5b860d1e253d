import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { classifyWriteFailure } from '../domain/write-failure';
import callDeletionBatches, { type CallSelection } from '../repositories/call-deletion-batches';
import callRecordWrites from '../repositories/call-record-writes';
import { fieldError } from '../utils/errors';
import { DEADLOCK_ATTEMPTS, retryPause } from '../utils/retry-pause';
import { getDb, getService } from '../utils/strapi';

import { currentAdmin } from './audit';

export const MAX_REASON_LENGTH = 1000;

export interface DeletionRequest {
  /** The platform ids of the calls to delete; ids that are not stored are ignored. */
  callIds: string[];
  /** Why: kept in the audit entry. */
  reason: string;
}

const checkRequest = ({ callIds, reason }: DeletionRequest) => {
  if (!Array.isArray(callIds) || callIds.some((id) => typeof id !== 'string' || id === '')) {
    throw fieldError('callIds', 'callIds must be an array of call ids');
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw fieldError('reason', 'reason is required: say why these calls are deleted');
  }
  if (reason.length > MAX_REASON_LENGTH) {
    throw fieldError('reason', `reason must be at most ${MAX_REASON_LENGTH} characters`);
  }
};

export type { CallSelection };

/**
 * Runs a deleting transaction again after a deadlock or a lock wait timeout, which MySQL and
 * MariaDB answer to one of two transactions locking the same rows the other way round (a
 * delete and an ingest, a rebuild or another delete), at most `attempts` times in all.
 */
const retried = async <T>(attempts: number, transaction: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || classifyWriteFailure(error) !== 'retry') throw error;
      await retryPause(attempt);
    }
  }
};

/**
 * The one way a call record is deleted (the lifecycles refuse every other): the retention
 * purge and erasure build on it. `deleteCalls` keeps the delete and its audit entry (counts per
 * access code, who, why; never a number) in one transaction; `deleteBatch` deletes one bounded
 * batch in its own short transaction, and its caller writes one audit entry for the whole run.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const writes = callRecordWrites({ strapi });
  const batches = callDeletionBatches({ strapi });

  return {
    async deleteCalls(
      request: DeletionRequest,
      user = currentAdmin(strapi)
    ): Promise<{ deleted: number; perAccessCode: Record<string, number> }> {
      checkRequest(request);
      const callIds = [...new Set(request.callIds)];
      const db = getDb(strapi);
      // Inside a caller's transaction a deadlock has rolled the caller's work back too: only
      // the caller can run it again.
      const attempts = db.inTransaction() ? 1 : DEADLOCK_ATTEMPTS;
      return retried(attempts, () =>
        db.transaction(async ({ trx }) => {
          const counts = await writes.deleteByCallIds(trx as Knex.Transaction, callIds);
          const perAccessCode = Object.fromEntries(
            [...counts].sort(([a], [b]) => (a < b ? -1 : 1))
          );
          const deleted = [...counts.values()].reduce((sum, count) => sum + count, 0);
          if (deleted > 0) {
            await getService(strapi, 'audit').record(
              {
                action: 'calls.delete',
                subject: null,
                changes: { deleted, perAccessCode },
                reason: request.reason.trim(),
              },
              user
            );
          }
          return { deleted, perAccessCode };
        })
      );
    },

    /**
     * Deletes up to `limit` of the oldest matching calls not held, in one short transaction so
     * that ingest and search wait for one batch at most. `selected < limit` means none is left.
     */
    async deleteBatch(
      selection: CallSelection,
      limit: number
    ): Promise<{ selected: number; perAccessCode: Map<string, number> }> {
      return retried(DEADLOCK_ATTEMPTS, () =>
        writes.transaction((trx) => batches.deleteBatch(trx, selection, limit))
      );
    },

    /** Counts and oldest start times of a selection, for the dry runs. */
    count: (selection: CallSelection, cap?: number) => batches.count(selection, cap),
    oldestStart: (selection: CallSelection) => batches.oldestStart(selection),
  };
};
