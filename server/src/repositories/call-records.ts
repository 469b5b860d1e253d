import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { arrayRowsReader } from '../database/array-rows';
import { callRecordColumns } from '../database/call-record-columns';
import { rollupNames, type RollupNames } from '../database/call-rollup';
import { dialectOf } from '../database/dialect';
import { hasDayIndexes } from '../database/indexes';
import { rawRows } from '../database/raw-rows';
import {
  splitIntoBuckets,
  utcDaysNewestFirst,
  type Bucket,
  type BucketCount,
  type LocalDays,
  type Period,
} from '../domain/day-buckets';
import type { ExportLayout, ExportRow } from '../domain/export-row';
import { logText } from '../domain/log-text';
import type { NewestBucketCount } from '../domain/newest-matches';
import { rollupReadsOf, type RollupLevel } from '../domain/rollup-levels';
import type { CursorPosition } from '../domain/search-cursor';
import type { SearchPlan } from '../domain/search-plan';
import type { SearchFilters } from '../domain/search-query';
import { readsInPeriodOrder, type SortOrder } from '../domain/search-sort';
import { databaseMessage, errorCode } from '../domain/write-failure';
import { getConfig, getDb } from '../utils/strapi';

import { DECISION_REASON, DECISION_RECORD_FLOW, exportPageSql } from './call-export-sql';
import {
  hourSelection,
  quarterSelection,
  rollupBucketsSql,
  rollupPerAccessCodeSql,
  rollupTotalSql,
  type BucketSelection,
} from './call-rollup-sql';
import {
  bucketCountsSql,
  countSql,
  dayBucketCountsSql,
  pageSql,
  sortColumn,
  type Access,
  type Keyset,
  type Take,
} from './call-search-sql';
import { convertRowInPlaceWithDates, fromRow } from './row-conversion';
import { planSearch } from './search-index-plan';

/**
 * Runs the search statements (call-search-sql.ts) through Strapi's knex, on the index the plan
 * chose (search-index-plan.ts), and answers rows as the Query Engine returns them
 * (row-conversion.ts): attribute names, json parsed, datetimes as ISO strings, private and
 * password attributes left out.
 */

export type CallRow = Record<string, unknown>;

/** The plan's choices read through one index with the search's own statements. */
type RowsKind = Exclude<keyof SearchPlan, 'newest'>;

/**
 * A failed search, count, statistics or export statement. knex's own error writes the SQL with
 * its bound values, a searched calling number among them, and Strapi logs that error whole; this
 * one carries the database's message only, escaped and masked, and its code.
 */
export class CallQueryError extends Error {
  readonly code: string | null;

  constructor(cause: unknown) {
    super(`call-history: a Call History query failed: ${logText(databaseMessage(cause))}`);
    this.name = 'CallQueryError';
    this.code = errorCode(cause);
  }
}

const toMillis = (value: unknown): number => new Date(value as string | number | Date).getTime();

/**
 * The export's keyset columns, the first two of each of its rows (the next batch starts after
 * the last row), under names no attribute has.
 */
const KEYSET_ID = 'call_history_keyset_id';
const KEYSET_KEY = 'call_history_keyset_key';
const [KEYSET_ID_AT, KEYSET_KEY_AT, FIRST_ATTRIBUTE_AT] = [0, 1, 2];

export const callRecordsRepository = (strapi: Strapi) => {
  const db = getDb(strapi);
  const knex = db.connection;
  const dialect = dialectOf(strapi);
  const dayIndexes = hasDayIndexes(strapi);
  const { readable, listed, table } = callRecordColumns(strapi);
  let rollupTable: RollupNames | null = null;
  const rollup = () => (rollupTable ??= rollupNames(strapi));

  const run = async (statement: Knex.Raw) => {
    try {
      return rawRows(await statement);
    } catch (error) {
      throw new CallQueryError(error);
    }
  };

  const sample = async (statement: Knex.Raw) => {
    const [row] = await run(statement);
    return { seen: Number(row?.seen ?? 0), hits: Number(row?.hits ?? 0) };
  };

  /** The calls of a period's whole buckets, from the statistics rollup. */
  const rollupTotal = async (period: Period): Promise<number> => {
    const { whole } = splitIntoBuckets(period);
    if (!whole) return 0;
    const [row] = await run(rollupTotalSql(knex, rollup(), rollupReadsOf(whole, null)));
    return Number(row?.total ?? 0);
  };

  /** The indexes a search's statements are read through; null: the database's planner decides. */
  const plan = (filters: SearchFilters, pageRows: number): Promise<SearchPlan | null> =>
    planSearch(
      knex,
      dialect,
      table,
      filters,
      {
        pageRows,
        cap: getConfig(strapi).totalCap,
        periodDays: dayIndexes ? utcDaysNewestFirst(filters).length : null,
      },
      sample,
      () => rollupTotal(filters)
    );

  /** The chosen plan's index for one kind of statement, planning now if the caller did not. */
  const accessFor = async (
    kind: RowsKind,
    filters: SearchFilters,
    pageRows: number,
    chosen: SearchPlan | null | undefined
  ): Promise<Access> =>
    (chosen === undefined ? await plan(filters, pageRows) : chosen)?.[kind] ?? null;

  const countUpTo = async (
    filters: SearchFilters,
    cap: number,
    chosen?: SearchPlan | null
  ): Promise<number> => {
    const access = await accessFor('scan', filters, 1, chosen);
    const rows = await run(countSql(knex, dialect, table, filters, cap, access));
    return Number(rows[0]?.total ?? 0);
  };

  /** A row's keyset position in `order`: its sort key (a time in milliseconds, or a duration) and id. */
  const positionOf = (row: Record<string, unknown>, order: SortOrder): CursorPosition => {
    const key = row[sortColumn(table, order)];
    return {
      key: order.attribute === 'startTime' ? toMillis(key) : Number(key),
      id: Number(row[table.id]),
    };
  };

  const readPage = async (
    filters: SearchFilters,
    keyset: Keyset,
    limit: number,
    access: Access
  ) => {
    const rows = await run(pageSql(knex, dialect, table, filters, keyset, limit, access));
    return rows.map((row) => ({
      call: fromRow(listed, row) as CallRow,
      position: positionOf(row, keyset.order),
    }));
  };

  /**
   * The plan's index for the rows of a page or an export. A time order stops after its rows,
   * so the plan's page (or export) choice; any other order reads every match, so its scan's.
   */
  const rowsKind = (order: SortOrder, inOrder: 'page' | 'export'): RowsKind =>
    readsInPeriodOrder(order) ? inOrder : 'scan';

  /**
   * The groups of the newest `rows` matches, a UTC day at a time newest first through the day
   * indexes (SQLite): each day's matches are counted whole, and the day that would pass `rows`
   * again for its newest only. A local day spanning two UTC days is one group.
   */
  const newestByDay = async (filters: SearchFilters, rows: number, dayShift: number | null) => {
    const groups = new Map<string, Record<string, unknown>>();
    let found = 0;
    for (const day of utcDaysNewestFirst(filters)) {
      let counted = await run(dayBucketCountsSql(knex, table, filters, day, null, dayShift));
      const inDay = counted.reduce((sum, row) => sum + Number(row.total), 0);
      if (found + inDay > rows) {
        counted = await run(dayBucketCountsSql(knex, table, filters, day, rows - found, dayShift));
      }
      for (const row of counted) {
        const key = `${String(row.bucket)}\u0000${String(row.code)}`;
        const earlier = groups.get(key);
        groups.set(
          key,
          earlier
            ? {
                ...earlier,
                total: Number(earlier.total) + Number(row.total),
                oldest: Math.min(Number(earlier.oldest), Number(row.oldest)),
              }
            : row
        );
      }
      found = Math.min(rows, found + inDay);
      if (found >= rows) break;
    }
    return [...groups.values()];
  };

  /** The matches' counts per bucket and access code, read through the index `chosen` picks. */
  const groupedCounts = async (
    filters: SearchFilters,
    chosen: SearchPlan | null | undefined,
    take: Take | null,
    dayShift: number | null
  ) => {
    const planned = chosen === undefined ? await plan(filters, 1) : chosen;
    if (take?.newest) {
      const newest = planned?.newest ?? null;
      if (newest === 'day') return newestByDay(filters, take.rows, dayShift);
      return run(bucketCountsSql(knex, dialect, table, filters, newest, take, dayShift));
    }
    const access = planned?.scan ?? null;
    return run(bucketCountsSql(knex, dialect, table, filters, access, take, dayShift));
  };
  return {
    /** The attributes Call Details returns, in model order. */
    readableAttributes: (): string[] => readable.map((attribute) => attribute.name),

    /** The attributes a search row and an export batch carry, in model order. */
    listedAttributes: (): string[] => listed.map((attribute) => attribute.name),

    /**
     * The indexes this search's statements are read through (SQLite, prefix or suffix without
     * an access code), from two bounded samples; null when the database's planner decides.
     * `pageRows`: the rows a page reads (page size + 1).
     */
    plan,

    /** One keyset page in the keyset's order, ties broken by id; `limit` rows at most. */
    async page(
      filters: SearchFilters,
      keyset: Keyset,
      limit: number,
      chosen?: SearchPlan | null
    ): Promise<Array<{ call: CallRow; position: CursorPosition }>> {
      const kind = rowsKind(keyset.order, 'page');
      return readPage(filters, keyset, limit, await accessFor(kind, filters, limit, chosen));
    },

    /** The number of matching calls, counted up to `cap + 1` rows only. */
    countUpTo,

    /**
     * The CSV export's rows in keyset batches, in `order`, as arrays laid out as `layout` says
     * (domain/export-row.ts): memory stays one batch whatever the row count. Only `attributes`
     * are read (listed ones), converted as `fromRow` converts them but datetimes as Dates
     * (`convertRowInPlaceWithDates`), and `recordingDecision` as the two facts the CSV prints,
     * read by the database (call-export-sql.ts).
     */
    exportRows(
      filters: SearchFilters,
      order: SortOrder,
      size: number,
      attributes: readonly string[]
    ): { layout: ExportLayout; batches: AsyncGenerator<ExportRow[]> } {
      const decision = listed.find((attribute) => attribute.name === 'recordingDecision');
      const factsColumn = decision && attributes.includes(decision.name) ? decision.column : null;
      const read = listed.filter(
        (attribute) =>
          attributes.includes(attribute.name) && !(factsColumn && attribute === decision)
      );
      // The keyset's two columns, then each attribute under its own name, then the decision's
      // facts.
      const columns = [
        `${table.id} as ${KEYSET_ID}`,
        `${sortColumn(table, order)} as ${KEYSET_KEY}`,
        ...read.map((attribute) => `${attribute.column} as ${attribute.name}`),
      ];
      const keys = [
        KEYSET_ID,
        KEYSET_KEY,
        ...read.map((attribute) => attribute.name),
        ...(factsColumn ? [DECISION_RECORD_FLOW, DECISION_REASON] : []),
      ];
      const types = [
        ...new Array<null>(FIRST_ATTRIBUTE_AT).fill(null),
        ...read.map((attribute) => attribute.type),
      ];
      const layout: ExportLayout = {
        positions: new Map(
          read.map((attribute, index) => [attribute.name, FIRST_ATTRIBUTE_AT + index])
        ),
        recordFlow: factsColumn ? columns.length : -1,
        reason: factsColumn ? columns.length + 1 : -1,
      };
      const readRows = arrayRowsReader(knex, dialect);
      async function* batches(): AsyncGenerator<ExportRow[]> {
        const access = await accessFor(rowsKind(order, 'export'), filters, size, undefined);
        let after: CursorPosition | null = null;
        for (;;) {
          let rows: ExportRow[];
          try {
            rows = await readRows(
              exportPageSql(
                knex,
                dialect,
                table,
                filters,
                { order, after },
                size,
                access,
                columns,
                factsColumn
              ),
              keys
            );
          } catch (error) {
            throw new CallQueryError(error);
          }
          if (rows.length === 0) return;
          for (const row of rows) {
            convertRowInPlaceWithDates(types, row);
            if (factsColumn) {
              const recordFlow = row[layout.recordFlow];
              row[layout.recordFlow] =
                recordFlow === 'true' ? true : recordFlow === 'false' ? false : undefined;
              if (typeof row[layout.reason] !== 'string') row[layout.reason] = undefined;
            }
          }
          yield rows;
          if (rows.length < size) return;
          const last = rows[rows.length - 1];
          after = {
            key:
              order.attribute === 'startTime'
                ? toMillis(last[KEYSET_KEY_AT])
                : Number(last[KEYSET_KEY_AT]),
            id: Number(last[KEYSET_ID_AT]),
          };
        }
      }
      return { layout, batches: batches() };
    },

    /**
     * Counts per 15-minute UTC bucket (domain/day-buckets.ts), or per local day with
     * `dayShift`, and access code of the matching calls, or of those `take` names, from the
     * calls themselves.
     */
    async bucketCounts(
      filters: SearchFilters,
      chosen: SearchPlan | null | undefined,
      take: Take | null,
      dayShift: number | null = null
    ): Promise<BucketCount[]> {
      return (await groupedCounts(filters, chosen, take, dayShift)).map((row) => ({
        start: toMillis(row.bucket),
        accessCode: String(row.code),
        count: Number(row.total),
      }));
    },

    /** The groups of the newest `rows` matches, each with its oldest match's start time. */
    async newestBucketCounts(
      filters: SearchFilters,
      chosen: SearchPlan | null | undefined,
      rows: number,
      dayShift: number | null
    ): Promise<NewestBucketCount[]> {
      const found = await groupedCounts(filters, chosen, { rows, newest: true }, dayShift);
      return found.map((row) => ({
        start: toMillis(row.bucket),
        accessCode: String(row.code),
        count: Number(row.total),
        oldest: toMillis(row.oldest),
      }));
    },

    /**
     * Calls per bucket (for the chart: none straddles a local midnight of `days`) and per access
     * code of a period of whole buckets, from the statistics rollup's two levels
     * (domain/rollup-levels.ts). Its statements are independent: on a database server they run
     * at once, each on its own connection (SQLite's one connection runs them in turn).
     */
    async rollupStats(
      whole: Period,
      days: LocalDays,
      accessCode: string | null
    ): Promise<{ buckets: Bucket[]; perAccessCode: Array<{ accessCode: string; count: number }> }> {
      const n = rollup();
      const chart = rollupReadsOf(whole, days);
      const sums = rollupReadsOf(whole, null);
      const bucketsAt = async (level: RollupLevel, selection: BucketSelection | null) =>
        selection === null
          ? []
          : (await run(rollupBucketsSql(knex, n.levels[level], selection, accessCode))).map(
              (row) => ({ start: toMillis(row.bucket), count: Number(row.total) })
            );
      const codesAt = async (level: RollupLevel, selection: BucketSelection | null) =>
        selection === null
          ? []
          : (await run(rollupPerAccessCodeSql(knex, n.levels[level], selection, accessCode))).map(
              (row) => ({ accessCode: String(row.code), count: Number(row.total) })
            );
      const [hours, quarters, hourCodes, quarterCodes] = await Promise.all([
        bucketsAt('hour', hourSelection(chart)),
        bucketsAt('quarter', quarterSelection(chart)),
        codesAt('hour', hourSelection(sums)),
        codesAt('quarter', quarterSelection(sums)),
      ]);
      return { buckets: [...hours, ...quarters], perAccessCode: [...hourCodes, ...quarterCodes] };
    },
  };
};

export type CallRecordsRepository = ReturnType<typeof callRecordsRepository>;
