import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import callRecordWrites from '../repositories/call-record-writes';
import { fieldError } from '../utils/errors';
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

/**
 * The one way a call record is deleted (the lifecycles refuse every other): the retention
 * purge and erasure build on it. The delete and its audit entry (counts per access code, who,
 * why; never a number) are one transaction.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const writes = callRecordWrites({ strapi });

  return {
    async deleteCalls(
      request: DeletionRequest,
      user = currentAdmin(strapi)
    ): Promise<{ deleted: number; perAccessCode: Record<string, number> }> {
      checkRequest(request);
      const callIds = [...new Set(request.callIds)];
      return getDb(strapi).transaction(async ({ trx }) => {
        const counts = await writes.deleteByCallIds(trx as Knex.Transaction, callIds);
        const perAccessCode = Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
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
      });
    },
  };
};
