import type { Strapi } from '@strapi/types';

import { UID } from '../constants';
import type { CallData } from '../domain/call-policy';
import { getDb } from '../utils/strapi';

export default ({ strapi }: { strapi: Strapi }) => ({
  /** Stores one call through the Query Engine: the lifecycles decide, strip and snapshot. */
  async create(data: CallData) {
    return getDb(strapi).query(UID.callRecord).create({ data });
  },

  async findByCallId(callId: string) {
    return getDb(strapi).query(UID.callRecord).findOne({ where: { callId } });
  },

  async count(where: Record<string, unknown> = {}) {
    return getDb(strapi).query(UID.callRecord).count({ where });
  },
});
