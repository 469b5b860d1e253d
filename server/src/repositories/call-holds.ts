import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { UID } from '../constants';
import { callRecordColumns } from '../database/call-record-columns';
import { dialectOf } from '../database/dialect';
import { columnOf } from '../database/metadata';
import { rawRows } from '../database/raw-rows';
import type { CursorPosition } from '../domain/search-cursor';
import type { SearchFilters } from '../domain/search-query';
import { getDb } from '../utils/strapi';

import { CallQueryError, callRecordsRepository } from './call-records';
import { NEWEST_FIRST, pageSql } from './call-search-sql';
import { fromDb } from './row-conversion';

/** A call's hold, as stored. */
export interface StoredHold {
  id: number;
  callId: string;
  accessCode: string;
  heldAt: string | null;
  holdReason: string | null;
}

/** A call a bulk hold reads: enough to hold it and count it, nothing else. */
export interface HoldCandidate {
  id: number;
  held: boolean;
}

/**
 * The hold's two columns, written through knex (the lifecycles refuse them on every Query
 * Engine write, as they refuse deletes: services/call-holds.ts is the one writer). Table and
 * column names come from Strapi's metadata; values are always bound.
 */
export const callHoldsRepository = (strapi: Strapi) => {
  const column = (attribute: string) => columnOf(strapi, UID.callRecord, attribute);
  const { table } = callRecordColumns(strapi);
  const search = callRecordsRepository(strapi);
  const names = {
    id: table.id,
    callId: column('callId'),
    accessCode: table.accessCode,
    heldAt: column('heldAt'),
    holdReason: column('holdReason'),
  };

  const toHold = (row: Record<string, unknown>): StoredHold => ({
    id: Number(row.id),
    callId: String(row.callId),
    accessCode: String(row.accessCode),
    heldAt: fromDb('datetime', row.heldAt) as string | null,
    holdReason: (row.holdReason as string | null) ?? null,
  });

  return {
    async find(trx: Knex.Transaction, callId: string): Promise<StoredHold | null> {
      const row = (await trx(table.table).select(names).where(names.callId, callId).first()) as
        | Record<string, unknown>
        | undefined;
      return row ? toHold(row) : null;
    },

    /**
     * Holds the calls among these ids that are not held yet, and answers their access codes:
     * `held_at IS NULL` keeps the first hold's time and reason when two holds meet.
     */
    async hold(
      trx: Knex.Transaction,
      ids: readonly number[],
      at: Date,
      reason: string
    ): Promise<string[]> {
      if (ids.length === 0) return [];
      const inIds = ids.map(() => '?').join(', ');
      switch (dialectOf(strapi)) {
        case 'sqlite':
        case 'postgres': {
          const result = await trx.raw(
            `UPDATE ?? SET ?? = ?, ?? = ? WHERE ?? IN (${inIds}) AND ?? IS NULL RETURNING ?? AS code`,
            [
              table.table,
              names.heldAt,
              at,
              names.holdReason,
              reason,
              names.id,
              ...ids,
              names.heldAt,
              names.accessCode,
            ]
          );
          return rawRows(result).map((row) => String(row.code));
        }
        case 'mysql': {
          // No RETURNING: the calls not held yet are read locked, so the update changes exactly
          // those; a hold another transaction placed first is read (a locking read sees it).
          const open = (await trx(table.table)
            .select({ id: names.id, code: names.accessCode })
            .whereIn(names.id, [...ids])
            .whereNull(names.heldAt)
            .forUpdate()) as Array<{ id: number; code: string }>;
          if (open.length === 0) return [];
          await trx(table.table)
            .whereIn(
              names.id,
              open.map((row) => row.id)
            )
            .update({ [names.heldAt]: at, [names.holdReason]: reason });
          return open.map((row) => String(row.code));
        }
      }
    },

    /** Clears the hold of one call; answers whether it was held. */
    async release(trx: Knex.Transaction, id: number): Promise<boolean> {
      const changed = await trx(table.table)
        .where(names.id, id)
        .whereNotNull(names.heldAt)
        .update({ [names.heldAt]: null, [names.holdReason]: null });
      return Number(changed) > 0;
    },

    /**
     * Every call matching a search, in keyset batches of `size`, through the index and the
     * statement the search and the export use (call-search-sql.ts), reading the id, the start
     * time (the keyset) and the hold's time only.
     */
    async *matching(filters: SearchFilters, size: number): AsyncGenerator<HoldCandidate[]> {
      const knex = getDb(strapi).connection;
      const plan = await search.plan(filters, size);
      const access = plan?.export ?? null;
      const dialect = dialectOf(strapi);
      const keys = { ...table, listed: [table.id, table.startTime, names.heldAt] };
      let after: CursorPosition | null = null;
      for (;;) {
        let rows: Array<Record<string, unknown>>;
        try {
          rows = rawRows(
            await pageSql(
              knex,
              dialect,
              keys,
              filters,
              { order: NEWEST_FIRST, after },
              size,
              access
            )
          );
        } catch (error) {
          // knex's own error writes the searched number among the SQL's bound values.
          throw new CallQueryError(error);
        }
        if (rows.length === 0) return;
        yield rows.map((row) => ({
          id: Number(row[table.id]),
          held: row[names.heldAt] !== null && row[names.heldAt] !== undefined,
        }));
        if (rows.length < size) return;
        const last = rows[rows.length - 1];
        after = {
          key: new Date(last[table.startTime] as string | number | Date).getTime(),
          id: Number(last[table.id]),
        };
      }
    },
  };
};

export type CallHoldsRepository = ReturnType<typeof callHoldsRepository>;
