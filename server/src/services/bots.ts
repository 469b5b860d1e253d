import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';

import type { BotInput } from '../../../shared/contracts/bots';
import { BOT_UID_BY_KIND } from '../constants';
import { isAccessCodeTaken } from '../database/access-code-guard';
import {
  BOT_LABEL,
  decideRecording,
  type BotKind,
  type BotSnapshot,
  type RecordingFlags,
} from '../domain/recording-decision';
import { assertAccessCodeFree, type BotRef } from '../repositories/access-codes';
import { fieldError } from '../utils/errors';
import { getDb, getService } from '../utils/strapi';

/**
 * The lifecycles name the bot holding a code; a write that lost a race to a concurrent one is
 * refused by the database's guard instead, and is answered here at the field all the same.
 */
const guardWrite = async <T>(accessCode: unknown, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (!isAccessCodeTaken(error)) throw error;
    throw fieldError(
      'accessCode',
      `accessCode ${String(accessCode)} is already used by another robot or IVR flow`
    );
  }
};

const KINDS = Object.keys(BOT_UID_BY_KIND) as BotKind[];

interface BotRow {
  id: number;
  name: string;
  accessCode: string;
  historicalCallRecord: boolean | null;
  flowCallRecording: boolean | null;
  description?: string | null;
  retentionDays?: number | null;
}

const toSnapshot = (kind: BotKind, row: BotRow): BotSnapshot => ({
  kind,
  id: row.id,
  name: row.name,
  accessCode: row.accessCode,
  historicalCallRecord: Boolean(row.historicalCallRecord),
  flowCallRecording: Boolean(row.flowCallRecording),
});

/** A bot as the admin API shows it: its fields and the recording state a new call gets now. */
const present = (kind: BotKind, row: BotRow, flags: RecordingFlags) => {
  const bot = toSnapshot(kind, row);
  const decision = decideRecording({ flags, bot, accessCode: bot.accessCode });
  return {
    ...bot,
    description: row.description ?? null,
    retentionDays: row.retentionDays ?? null,
    effective: {
      call: decision.recordCall,
      flow: decision.recordFlow,
      reason: decision.reason,
      callDecidedBy: decision.call.botSwitch ? 'bot-switch' : 'tenant-flag',
      flowDecidedBy: decision.flow?.botSwitch ? 'bot-switch' : 'tenant-flag',
    },
  };
};

const SELECT = ['id', 'name', 'accessCode', 'historicalCallRecord', 'flowCallRecording'];
/** What the admin API shows of a bot besides what the recording decision needs. */
const SHOWN = [...SELECT, 'description', 'retentionDays'];

export default ({ strapi }: { strapi: Strapi }) => ({
  /** The robots and IVR flows owning these access codes, keyed by code: one query per kind. */
  async findOwners(accessCodes: string[]): Promise<Map<string, BotSnapshot>> {
    const owners = new Map<string, BotSnapshot>();
    const codes = [...new Set(accessCodes.filter((code) => typeof code === 'string'))];
    if (codes.length === 0) return owners;
    for (const kind of KINDS) {
      const rows = (await getDb(strapi)
        .query(BOT_UID_BY_KIND[kind])
        .findMany({ select: SELECT, where: { accessCode: { $in: codes } } })) as BotRow[];
      for (const row of rows) owners.set(row.accessCode, toSnapshot(kind, row));
    }
    return owners;
  },

  async findOwner(accessCode: string): Promise<BotSnapshot | null> {
    return (await this.findOwners([accessCode])).get(accessCode) ?? null;
  },

  /** Chatbots and IVR flows, each with the recording state a new call would get now. */
  async list() {
    const flags = await getService(strapi, 'settings').get();
    const lists = await Promise.all(
      KINDS.map(async (kind) => {
        const rows = (await getDb(strapi)
          .query(BOT_UID_BY_KIND[kind])
          .findMany({ select: SHOWN, orderBy: { name: 'asc' } })) as BotRow[];
        return rows.map((row) => present(kind, row, flags));
      })
    );
    return lists.flat();
  },

  /** Creates through the Query Engine, so the access-code lifecycle checks uniqueness. */
  async create(kind: BotKind, input: BotInput) {
    // One transaction for the write and the audit entry its lifecycle adds.
    const row = (await guardWrite(input.accessCode, () =>
      getDb(strapi).transaction(() =>
        getDb(strapi).query(BOT_UID_BY_KIND[kind]).create({ data: input, select: SHOWN })
      )
    )) as BotRow;
    return present(kind, row, await getService(strapi, 'settings').get());
  },

  async update(kind: BotKind, id: number, input: BotInput) {
    const query = getDb(strapi).query(BOT_UID_BY_KIND[kind]);
    if (!(await query.findOne({ select: ['id'], where: { id } }))) {
      throw new errors.NotFoundError(`no ${BOT_LABEL[kind]} with id ${id}`);
    }
    const row = (await guardWrite(input.accessCode, () =>
      getDb(strapi).transaction(() => query.update({ where: { id }, data: input, select: SHOWN }))
    )) as BotRow;
    return present(kind, row, await getService(strapi, 'settings').get());
  },

  /**
   * Deletes a robot or IVR flow (audited by its lifecycle, in the same transaction). Its calls
   * stay: each keeps the access code and a snapshot of the bot it was recorded with.
   */
  async remove(kind: BotKind, id: number) {
    const query = getDb(strapi).query(BOT_UID_BY_KIND[kind]);
    const row = (await getDb(strapi).transaction(() =>
      query.delete({ where: { id }, select: SHOWN })
    )) as BotRow | null;
    if (!row) throw new errors.NotFoundError(`no ${BOT_LABEL[kind]} with id ${id}`);
    return { ...toSnapshot(kind, row), description: row.description ?? null };
  },

  /** Every robot and IVR flow with its retention override, for the purge and its dry run. */
  async listRetention() {
    const lists = await Promise.all(
      KINDS.map(async (kind) => {
        const rows = (await getDb(strapi)
          .query(BOT_UID_BY_KIND[kind])
          .findMany({ select: ['id', 'name', 'accessCode', 'retentionDays'] })) as BotRow[];
        return rows.map((row) => ({
          kind,
          id: row.id,
          name: row.name,
          accessCode: row.accessCode,
          retentionDays: row.retentionDays ?? null,
        }));
      })
    );
    return lists.flat();
  },

  /** Refuses an access code another robot or IVR flow holds (repositories/access-codes.ts). */
  assertAccessCodeFree: (accessCode: string, self?: BotRef) =>
    assertAccessCodeFree(strapi, accessCode, self),
});
