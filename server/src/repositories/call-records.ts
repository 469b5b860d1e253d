import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { callRecordColumns } from '../database/call-record-columns';
import { BUCKET_MS, type Bucket } from '../domain/day-buckets';
import { logText } from '../domain/log-text';
import type { CursorPosition } from '../domain/search-cursor';
import type { SearchPlan } from '../domain/search-plan';
import type { SearchFilters } from '../domain/search-query';
import { databaseMessage, errorCode } from '../domain/write-failure';
import { getDb } from '../utils/strapi';

import {
  DECISION_REASON,
  DECISION_RECORD_FLOW,
  exportPageSql,
  readsDecisionFacts,
} from './call-export-sql';
import { bucketsSql, countSql, pageSql, perAccessCodeSql, type Access } from './call-search-sql';
import { fromRow } from './row-conversion';
import { planSearch } from './search-index-plan';

/**
 * Runs the search statements (call-search-sql.ts) through Strapi's knex, on the index the plan
 * chose (search-index-plan.ts), and answers rows as the Query Engine returns them
 * (row-conversion.ts): attribute names, json parsed, datetimes as ISO strings, private and
 * password attributes left out.
 */

export type CallRow = Record<string, unknown>;

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

/** knex.raw answers rows (SQLite), `{ rows }` (PostgreSQL) or `[rows, fields]` (MySQL). */
const rowsOf = (result: unknown): Array<Record<string, unknown>> => {
  if (Array.isArray(result)) {
    return (Array.isArray(result[0]) ? result[0] : result) as Array<Record<string, unknown>>;
  }
  return ((result as { rows?: unknown[] }).rows ?? []) as Array<Record<string, unknown>>;
};

const toMillis = (value: unknown): number => new Date(value as string | number | Date).getTime();

/** The decision's two facts as exportPageSql reads them: what the CSV reads of the json. */
const decisionFacts = (row: Record<string, unknown>) => {
  const recordFlow = row[DECISION_RECORD_FLOW];
  const reason = row[DECISION_REASON];
  return {
    recordFlow: recordFlow === 'true' ? true : recordFlow === 'false' ? false : undefined,
    reason: typeof reason === 'string' ? reason : undefined,
  };
};

export const callRecordsRepository = (strapi: Strapi) => {
  const db = getDb(strapi);
  const knex = db.connection;
  const dialect = db.dialect.client;
  const { readable, listed, table } = callRecordColumns(strapi);

  const run = async (statement: Knex.Raw) => {
    try {
      return rowsOf(await statement);
    } catch (error) {
      throw new CallQueryError(error);
    }
  };

  const sample = async (statement: Knex.Raw) => {
    const [row] = await run(statement);
    return { seen: Number(row?.seen ?? 0), hits: Number(row?.hits ?? 0) };
  };

  /** The indexes a search's statements are read through; null: the database's planner decides. */
  const plan = (filters: SearchFilters, pageRows: number): Promise<SearchPlan | null> =>
    planSearch(knex, dialect, table, filters, pageRows, sample);

  /** The chosen plan's index for one kind of statement, planning now if the caller did not. */
  const accessFor = async (
    kind: keyof SearchPlan,
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
    const rows = await run(countSql(knex, table, filters, cap, access));
    return Number(rows[0]?.total ?? 0);
  };

  const positionOf = (row: Record<string, unknown>): CursorPosition => ({
    startTime: toMillis(row[table.startTime]),
    id: Number(row[table.id]),
  });

  const readPage = async (
    filters: SearchFilters,
    after: CursorPosition | null,
    limit: number,
    access: Access
  ) => {
    const rows = await run(pageSql(knex, table, filters, after, limit, access));
    return rows.map((row) => ({
      call: fromRow(listed, row) as CallRow,
      position: positionOf(row),
    }));
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

    /** One keyset page, newest first, ties broken by id; `limit` rows at most. */
    async page(
      filters: SearchFilters,
      after: CursorPosition | null,
      limit: number,
      chosen?: SearchPlan | null
    ): Promise<Array<{ call: CallRow; position: CursorPosition }>> {
      return readPage(filters, after, limit, await accessFor('page', filters, limit, chosen));
    },

    /** The number of matching calls, counted up to `cap + 1` rows only. */
    countUpTo,

    /**
     * The CSV export's rows in keyset batches: memory stays one batch whatever the row count.
     * Only `attributes` are read (listed ones), and `recordingDecision` is answered as the two
     * facts the CSV prints, `{ recordFlow, reason }`, read by the database where it can
     * (call-export-sql.ts).
     */
    async *batches(
      filters: SearchFilters,
      size: number,
      attributes: readonly string[]
    ): AsyncGenerator<CallRow[]> {
      const access = await accessFor('export', filters, size, undefined);
      const decision = listed.find((attribute) => attribute.name === 'recordingDecision');
      const factsColumn =
        decision && attributes.includes(decision.name) && readsDecisionFacts(dialect)
          ? decision.column
          : null;
      const read = listed.filter(
        (attribute) =>
          attributes.includes(attribute.name) && !(factsColumn && attribute === decision)
      );
      // The keyset's two columns too: the next batch starts after the last row.
      const columns = [
        ...new Set([table.id, table.startTime, ...read.map((attribute) => attribute.column)]),
      ];
      let after: CursorPosition | null = null;
      for (;;) {
        const rows = await run(
          exportPageSql(knex, dialect, table, filters, after, size, access, columns, factsColumn)
        );
        if (rows.length === 0) return;
        yield rows.map((row) => {
          const call = fromRow(read, row);
          if (factsColumn) call.recordingDecision = decisionFacts(row);
          return call;
        });
        if (rows.length < size) return;
        after = positionOf(rows[rows.length - 1]);
      }
    },

    /** Counts per 15-minute UTC bucket (see domain/day-buckets.ts), grouped by the database. */
    async buckets(filters: SearchFilters, chosen?: SearchPlan | null): Promise<Bucket[]> {
      const access = await accessFor('scan', filters, 1, chosen);
      const rows = await run(bucketsSql(knex, dialect, table, filters, access));
      // SQLite answers the bucket's number, PostgreSQL its start as a timestamp.
      return rows.map((row) => ({
        start: dialect === 'sqlite' ? Number(row.bucket) * BUCKET_MS : toMillis(row.bucket),
        count: Number(row.total),
      }));
    },

    async perAccessCode(
      filters: SearchFilters,
      chosen?: SearchPlan | null
    ): Promise<Array<{ accessCode: string; count: number }>> {
      const access = await accessFor('scan', filters, 1, chosen);
      const rows = await run(perAccessCodeSql(knex, table, filters, access));
      return rows.map((row) => ({ accessCode: String(row.code), count: Number(row.total) }));
    },
  };
};

export type CallRecordsRepository = ReturnType<typeof callRecordsRepository>;
