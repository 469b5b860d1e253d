import type { Strapi } from '@strapi/types';

import { UID } from '../constants';
import type { AuditEntry } from '../domain/audit';
import {
  DEFAULT_SETTINGS,
  rowToSettings,
  settingsToRow,
  type SettingRow,
  type TenantSettings,
} from '../domain/flags';
import { getDb, getService } from '../utils/strapi';

export default ({ strapi }: { strapi: Strapi }) => {
  const settings = () => getDb(strapi).query(UID.setting);

  const findRow = async () =>
    (await settings().findOne({ orderBy: { id: 'asc' } })) as (SettingRow & { id: number }) | null;

  return {
    /** Read on every decision: no per-process cache, so several Strapi nodes agree at once. */
    async get(): Promise<TenantSettings> {
      return rowToSettings(await findRow());
    },

    /** Creates the single row with every flag OFF when the table is empty (first boot). */
    async ensure(): Promise<void> {
      if (!(await findRow())) await settings().create({ data: settingsToRow(DEFAULT_SETTINGS) });
    },

    /**
     * One transaction for the change and its audit entry, which the setting lifecycles write
     * (so that the Content Manager and other Query Engine callers get them too); the lifecycle
     * locks the row first, so concurrent saves are serialised and none goes unaudited.
     */
    async update(patch: Partial<TenantSettings>): Promise<TenantSettings> {
      const data = settingsToRow(patch);
      await getDb(strapi).transaction(async () => {
        const row = await findRow();
        if (!row) {
          await settings().create({ data: { ...settingsToRow(DEFAULT_SETTINGS), ...data } });
        } else if (Object.keys(data).length > 0) {
          await settings().update({ where: { id: row.id }, data });
        }
      });
      return this.get();
    },

    /** The settings changes of the audit trail, newest first. */
    async history({ limit = 100 }: { limit?: number } = {}): Promise<
      Array<Pick<AuditEntry, 'at' | 'user' | 'changes'>>
    > {
      const entries: AuditEntry[] = await getService(strapi, 'audit').list({
        limit,
        actions: ['settings.update'],
      });
      return entries.map(({ at, user, changes }) => ({ at, user, changes }));
    },
  };
};
