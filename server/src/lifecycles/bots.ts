import type { Strapi } from '@strapi/types';

import { BOT_UID_BY_KIND } from '../constants';
import { ACCESS_CODE_MAX_LENGTH, ACCESS_CODE_RULE, isAccessCode } from '../domain/access-code';
import { diffFields, type AuditAction } from '../domain/audit';
import type { BotKind } from '../domain/recording-decision';
import { retentionDaysProblem } from '../domain/retention';
import { assertAccessCodeFree } from '../repositories/access-codes';
import { fieldError } from '../utils/errors';
import { getDb, getService } from '../utils/strapi';
import type { LifecycleEvent as Event } from '../utils/types';

type BotData = { accessCode?: unknown; retentionDays?: unknown };

/** The Query Engine checks no min or max: every write path gets the bounds here. */
const assertRetentionDays = (data: BotData | undefined) => {
  const problem = retentionDaysProblem(data?.retentionDays);
  if (problem) throw fieldError('retentionDays', problem);
};

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

/** The fields of a robot or IVR flow whose changes the audit trail keeps. */
const AUDITED_FIELDS = [
  'name',
  'accessCode',
  'description',
  'historicalCallRecord',
  'flowCallRecording',
  'retentionDays',
] as const;

type BotRow = Record<string, unknown> & { id: number };

/**
 * Keeps access codes valid and unique across chatbots and IVR flows on every write path, and
 * audits every create, change and delete (who, when, old → new) from any path. The plugin's
 * own service writes in a transaction, so a change and its entry land together.
 */
const subscriberFor = (strapi: Strapi, kind: BotKind) => {
  const uid = BOT_UID_BY_KIND[kind];

  const readRows = async (where: unknown): Promise<BotRow[]> =>
    (await getDb(strapi)
      .query(uid)
      .findMany({ select: ['id', ...AUDITED_FIELDS], where: where as object })) as BotRow[];

  const audit = async (action: AuditAction, before: BotRow | null, after: BotRow | null) => {
    const changes = diffFields(before, after, AUDITED_FIELDS);
    if (Object.keys(changes).length === 0) return;
    const row = (after ?? before) as BotRow;
    await getService(strapi, 'audit').record({
      action,
      subject: { kind, id: row.id, name: row.name, accessCode: row.accessCode },
      changes,
    });
  };

  const captureBefore = async (event: Event) => {
    event.state.before = await readRows(event.params.where);
  };

  /**
   * The rows the write touched, as read before it: all those matching for a *Many write, the
   * one in `result` for a single one (the Query Engine changes the first match only).
   */
  const touched = (event: Event): BotRow[] => {
    const before = (event.state.before as BotRow[] | undefined) ?? [];
    if (event.action.endsWith('Many')) return before;
    const id = (event.result as { id?: unknown } | null | undefined)?.id;
    return before.filter((row) => row.id === id);
  };

  /** Each row read before the write against the same row now. */
  const auditChanges = async (event: Event) => {
    const before = touched(event);
    if (before.length === 0) return;
    const after = new Map(
      (await readRows({ id: { $in: before.map((row) => row.id) } })).map((row) => [row.id, row])
    );
    for (const row of before) await audit('bot.update', row, after.get(row.id) ?? null);
  };

  const auditDeletes = async (event: Event) => {
    for (const row of touched(event)) await audit('bot.delete', row, null);
  };

  const auditCreated = async (ids: unknown[]) => {
    const rows = await readRows({ id: { $in: ids } });
    for (const row of rows) await audit('bot.create', null, row);
  };

  return {
    models: [uid],
    async beforeCreate(event: Event) {
      const data = event.params.data as BotData;
      assertRetentionDays(data);
      if (data.accessCode === undefined) throw fieldError('accessCode', 'accessCode is required');
      await assertAccessCodeFree(strapi, normaliseAccessCode(data));
    },
    async beforeCreateMany(event: Event) {
      const rows = event.params.data as BotData[];
      rows.forEach(assertRetentionDays);
      const codes = rows.map(normaliseAccessCode);
      assertDistinct(codes);
      for (const code of codes) await assertAccessCodeFree(strapi, code);
    },
    async beforeUpdate(event: Event) {
      const data = event.params.data as BotData | undefined;
      assertRetentionDays(data);
      await captureBefore(event);
      if (!data || data.accessCode === undefined) return;
      const code = normaliseAccessCode(data);
      const [target] = event.state.before as BotRow[];
      await assertAccessCodeFree(strapi, code, target && { kind, id: target.id });
    },
    async beforeUpdateMany(event: Event) {
      const data = event.params.data as BotData | undefined;
      assertRetentionDays(data);
      if (data?.accessCode !== undefined) {
        throw fieldError('accessCode', 'accessCode cannot be set on several records at once');
      }
      await captureBefore(event);
    },
    beforeDelete: captureBefore,
    beforeDeleteMany: captureBefore,
    async afterCreate(event: Event) {
      const id = (event.result as { id?: unknown } | undefined)?.id;
      if (id !== undefined) await auditCreated([id]);
    },
    async afterCreateMany(event: Event) {
      await auditCreated((event.result as { ids?: unknown[] } | undefined)?.ids ?? []);
    },
    afterUpdate: auditChanges,
    afterUpdateMany: auditChanges,
    afterDelete: auditDeletes,
    afterDeleteMany: auditDeletes,
  };
};

export const botSubscribers = (strapi: Strapi) => [
  subscriberFor(strapi, 'INTELLIGENT_ROBOT'),
  subscriberFor(strapi, 'COMMON_IVR'),
];
