import type { Strapi } from '@strapi/types';

import { ACCESS_CODE_MAX_LENGTH, ACCESS_CODE_RULE, isAccessCode } from '../domain/access-code';
import type { BotKind } from '../domain/recording-decision';
import { BOT_UID_BY_KIND } from '../services/bots';
import { fieldError } from '../utils/errors';
import { getDb, getService } from '../utils/strapi';
import type { LifecycleEvent as Event } from '../utils/types';

type BotData = { accessCode?: unknown };

const normaliseAccessCode = (data: BotData): string => {
  const code = typeof data.accessCode === 'string' ? data.accessCode.trim() : data.accessCode;
  if (!isAccessCode(code)) {
    throw fieldError(
      'accessCode',
      `accessCode ${ACCESS_CODE_RULE}, at most ${ACCESS_CODE_MAX_LENGTH} characters`
    );
  }
  data.accessCode = code;
  return code;
};

const assertDistinct = (codes: string[]) => {
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) throw fieldError('accessCode', `accessCode ${code} appears twice`);
    seen.add(code);
  }
};

/** Keeps access codes valid and unique across chatbots and IVR flows on every write path. */
const subscriberFor = (strapi: Strapi, kind: BotKind) => {
  const uid = BOT_UID_BY_KIND[kind];
  const bots = () => getService(strapi, 'bots');

  return {
    models: [uid],
    async beforeCreate(event: Event) {
      const data = event.params.data as BotData;
      if (data.accessCode === undefined) throw fieldError('accessCode', 'accessCode is required');
      await bots().assertAccessCodeFree(normaliseAccessCode(data));
    },
    async beforeCreateMany(event: Event) {
      const rows = event.params.data as BotData[];
      const codes = rows.map(normaliseAccessCode);
      assertDistinct(codes);
      for (const code of codes) await bots().assertAccessCodeFree(code);
    },
    async beforeUpdate(event: Event) {
      const data = event.params.data as BotData | undefined;
      if (!data || data.accessCode === undefined) return;
      const code = normaliseAccessCode(data);
      const targets = (await getDb(strapi)
        .query(uid)
        .findMany({ select: ['id'], where: event.params.where })) as Array<{ id: number }>;
      await bots().assertAccessCodeFree(code, targets[0] && { kind, id: targets[0].id });
    },
    async beforeUpdateMany(event: Event) {
      const data = event.params.data as BotData | undefined;
      if (data?.accessCode !== undefined) {
        throw fieldError('accessCode', 'accessCode cannot be set on several records at once');
      }
    },
  };
};

export const botSubscribers = (strapi: Strapi) => [
  subscriberFor(strapi, 'INTELLIGENT_ROBOT'),
  subscriberFor(strapi, 'COMMON_IVR'),
];
