import type { Strapi } from '@strapi/types';

import type { ErasurePreview, ErasureResult } from '../../../shared/contracts/retention';
import { callingNumberForms } from '../domain/calling-number';
import { numberHash } from '../domain/number-hash';
import { nextTurn } from '../utils/event-loop';
import { getConfig, getService, signingSecret } from '../utils/strapi';

import { currentAdmin } from './audit';

/**
 * Erasure by number for a data-subject request (docs/design.md#erasure-by-number): every call
 * of the calling number, stored with or without its leading `+`, that is not held is deleted, in
 * bounded batches through the call-deletion service. Held calls are counted apart and kept.
 * Every admin's saved searches whose calling-number filter finds the number are deleted too
 * (docs/design.md#saved-searches). The audit entry keeps a keyed hash of the number, never the
 * number.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const deletion = () => getService(strapi, 'call-deletion');

  const counts = async (callingNumber: string): Promise<ErasurePreview> => {
    const callingNumbers = callingNumberForms(callingNumber);
    return {
      matching: await deletion().count({ callingNumbers, held: false }),
      held: await deletion().count({ callingNumbers, held: true }),
    };
  };

  return {
    /** What an erasure of this number would delete now, and the held calls it would keep. */
    preview: counts,

    async erase(
      { callingNumber, reason }: { callingNumber: string; reason: string },
      user = currentAdmin(strapi)
    ): Promise<ErasureResult> {
      const batchSize = getConfig(strapi).purgeBatchSize;
      const callingNumbers = callingNumberForms(callingNumber);
      const perAccessCode: Record<string, number> = {};
      let erased = 0;
      let batches = 0;
      for (;;) {
        const batch = await deletion().deleteBatch({ callingNumbers }, batchSize);
        if (batch.selected === 0) break;
        batches += 1;
        for (const [code, count] of batch.perAccessCode) {
          perAccessCode[code] = (perAccessCode[code] ?? 0) + count;
          erased += count;
        }
        if (batch.selected < batchSize) break;
        await nextTurn();
      }
      const { held } = await counts(callingNumber);
      const savedSearches = await getService(strapi, 'saved-searches').eraseNumber(callingNumbers);
      await getService(strapi, 'audit').record(
        {
          action: 'calls.erase',
          subject: { numberHash: numberHash(callingNumber, signingSecret(strapi, 'erasure')) },
          changes: { erased, held, batches, perAccessCode, savedSearches },
          reason,
        },
        user
      );
      return { erased, held };
    },
  };
};
