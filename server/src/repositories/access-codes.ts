import type { Strapi } from '@strapi/types';

import { BOT_UID_BY_KIND } from '../constants';
import { BOT_LABEL, type BotKind } from '../domain/recording-decision';
import { fieldError } from '../utils/errors';
import { getDb } from '../utils/strapi';

const KINDS = Object.keys(BOT_UID_BY_KIND) as BotKind[];

interface Holder {
  id: number;
  name: string;
}

/** A robot or IVR flow, by kind and id: the one being written, which may keep its own code. */
export interface BotRef {
  kind: BotKind;
  id: number;
}

/**
 * Refuses an access code that another robot or IVR flow holds, naming the holder at the field.
 * Access codes are unique across chatbots and IVR flows together
 * (docs/design.md#content-types); Strapi's `unique` only looks inside one type, and only on
 * some write paths. The bot lifecycles (every write path) and the bots service call it here,
 * below both, so a lifecycle never reaches back into a service. The database's guard
 * (`database/access-code-guard.ts`) still refuses a concurrent write that passed this check.
 */
export const assertAccessCodeFree = async (
  strapi: Strapi,
  accessCode: string,
  self?: BotRef
): Promise<void> => {
  for (const kind of KINDS) {
    const clash = (await getDb(strapi)
      .query(BOT_UID_BY_KIND[kind])
      .findOne({ select: ['id', 'name'], where: { accessCode } })) as Holder | null;
    if (clash && !(self && self.kind === kind && self.id === clash.id)) {
      throw fieldError(
        'accessCode',
        `accessCode ${accessCode} is already used by ${BOT_LABEL[kind]} "${clash.name}"`
      );
    }
  }
};
