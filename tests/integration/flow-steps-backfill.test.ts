import type { Strapi as StrapiInstance } from '@strapi/types';

import { sharedDatabase } from '../helpers/reboot';
import { ensureDemoBots, generateCalls } from '../support/call-generator';

/**
 * An upgraded install: calls stored before the plugin kept `flowSteps` have it null. The first
 * boot counts their steps in the database, once; later boots do not scan again.
 */
const CALL_RECORD = 'plugin::call-history.call-record';
const FLAG = { type: 'plugin', name: 'call-history', key: 'flow-steps-backfilled' };

interface Row {
  id: number;
  flow_steps: number | null;
  flow_trace: unknown;
}

/** The call table and its columns, from Strapi's metadata. */
const callTable = (strapi: StrapiInstance) => {
  const meta = strapi.db!.metadata.get(CALL_RECORD);
  const column = (name: string) => (meta.attributes[name] as { columnName: string }).columnName;
  return {
    query: () => strapi.db!.connection(meta.tableName),
    id: column('id'),
    steps: column('flowSteps'),
    trace: column('flowTrace'),
  };
};

describe('flowSteps of calls stored before the upgrade', () => {
  const rows = async (strapi: StrapiInstance) => {
    const table = callTable(strapi);
    const found = (await table
      .query()
      .select({ id: table.id, flow_steps: table.steps, flow_trace: table.trace })) as Row[];
    return found.map((row) => ({
      ...row,
      // SQLite answers the json as text, PostgreSQL parsed.
      trace: (typeof row.flow_trace === 'string' ? JSON.parse(row.flow_trace) : row.flow_trace) as
        | unknown[]
        | null,
      steps: row.flow_steps === null ? null : Number(row.flow_steps),
    }));
  };
  /** What an install of the plugin before flowSteps left: no counts, no flag. */
  const forgetCounts = async (strapi: StrapiInstance) => {
    const table = callTable(strapi);
    await table.query().update({ [table.steps]: null });
    await strapi.store!.delete(FLAG);
  };

  it('counts the steps of every traced call at the next boot, then never scans again', async () => {
    const database = await sharedDatabase();
    try {
      let strapi = await database.boot({ CALL_HISTORY_HOST_EXTENSION: 'off' });
      let traced: number;
      try {
        await strapi
          .plugin('call-history')
          .service('settings')
          .update({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
        await ensureDemoBots(strapi);
        // More ids than one backfill range (10,000), about a quarter of them traced.
        await generateCalls(strapi, {
          count: 12_500,
          from: '2026-03-01T00:00:00Z',
          to: '2026-03-10T00:00:00Z',
          seed: 31,
          traceRatio: 0.25,
        });
        const stored = await rows(strapi);
        traced = stored.filter((row) => Array.isArray(row.trace)).length;
        expect(traced).toBeGreaterThan(2000);
        // Stored with their counts already (the generator writes what the plugin writes).
        expect(stored.every((row) => row.steps === (row.trace?.length ?? null))).toBe(true);
        await forgetCounts(strapi);
        expect((await rows(strapi)).every((row) => row.steps === null)).toBe(true);
      } finally {
        await strapi.destroy();
      }

      strapi = await database.boot({ CALL_HISTORY_HOST_EXTENSION: 'off' });
      let forgotten: number;
      try {
        const after = await rows(strapi);
        const counted = after.filter((row) => row.steps !== null);
        expect(counted).toHaveLength(traced);
        expect(after.every((row) => row.steps === (row.trace?.length ?? null))).toBe(true);
        expect(await strapi.store!.get(FLAG)).toBe(true);
        // A count lost after the backfill stays lost: the flag keeps later boots from scanning.
        forgotten = counted[0].id;
        const table = callTable(strapi);
        await table
          .query()
          .where({ [table.id]: forgotten })
          .update({ [table.steps]: null });
      } finally {
        await strapi.destroy();
      }

      strapi = await database.boot({ CALL_HISTORY_HOST_EXTENSION: 'off' });
      try {
        const again = await rows(strapi);
        expect(again.find((row) => row.id === forgotten)?.steps).toBeNull();
        expect(again.filter((row) => row.steps !== null)).toHaveLength(traced - 1);
      } finally {
        await strapi.destroy();
      }
    } finally {
      await database.drop();
    }
  });
});
