import type { Strapi } from '@strapi/types';

import {
  evaluateCall,
  type CallData,
  type Evaluation,
  type PolicyContext,
} from '../domain/call-policy';
import { getService } from '../utils/strapi';

/**
 * The recording policy as a service, so a host app can wrap or replace it through Strapi's
 * plugin extension mechanism; the rule itself stays in the pure domain modules.
 */
export default ({ strapi }: { strapi: Strapi }) => ({
  /** Flags and the bots owning these access codes, read fresh: no cache across nodes. */
  async loadContext(accessCodes: string[]): Promise<PolicyContext> {
    const [flags, owners] = await Promise.all([
      getService(strapi, 'settings').get(),
      getService(strapi, 'bots').findOwners(accessCodes),
    ]);
    return { flags, owners };
  },

  evaluate(call: CallData, context: PolicyContext): Evaluation {
    return evaluateCall(call, context);
  },
});
