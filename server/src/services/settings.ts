import type { Strapi } from '@strapi/types';

import { UID } from '../constants';
import { DEFAULT_FLAGS, flagsToRow, rowToFlags, type SettingRow } from '../domain/flags';
import type { RecordingFlags } from '../domain/recording-decision';
import { getDb } from '../utils/strapi';

interface SettingChangeRow {
  createdAt: string | Date;
  changes: unknown;
  userId: number | null;
  userEmail: string | null;
}

export default ({ strapi }: { strapi: Strapi }) => {
  const settings = () => getDb(strapi).query(UID.setting);

  const findRow = async () =>
    (await settings().findOne({ orderBy: { id: 'asc' } })) as (SettingRow & { id: number }) | null;

  return {
    /** Read on every decision: no per-process cache, so several Strapi nodes agree at once. */
    async get(): Promise<RecordingFlags> {
      return rowToFlags(await findRow());
    },

    /** Creates the single row with every flag OFF when the table is empty (first boot). */
    async ensure(): Promise<void> {
      if (!(await findRow())) await settings().create({ data: flagsToRow(DEFAULT_FLAGS) });
    },

    /** Audit trail and event come from the setting lifecycles, so the Content Manager gets them too. */
    async update(patch: Partial<RecordingFlags>): Promise<RecordingFlags> {
      const row = await findRow();
      const data = flagsToRow(patch);
      if (!row) {
        await settings().create({ data: { ...flagsToRow(DEFAULT_FLAGS), ...data } });
      } else if (Object.keys(data).length > 0) {
        await settings().update({ where: { id: row.id }, data });
      }
      return this.get();
    },

    async history({ limit = 100 }: { limit?: number } = {}) {
      const rows = (await getDb(strapi)
        .query(UID.settingChange)
        .findMany({
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          limit,
        })) as SettingChangeRow[];
      return rows.map((row) => ({
        at: new Date(row.createdAt).toISOString(),
        user: row.userId === null ? null : { id: row.userId, email: row.userEmail },
        changes: row.changes,
      }));
    },
  };
};
