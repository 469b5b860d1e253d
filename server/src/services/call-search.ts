import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';

import type { CallStats } from '../../../shared/contracts/calls';
import { UID } from '../constants';
import { COVERED_ATTRIBUTES, csvColumns, csvRecord } from '../domain/call-csv';
import { listRow } from '../domain/call-list';
import { foldBucketsIntoDays } from '../domain/day-buckets';
import { markFlowTrace } from '../domain/flow-trace';
import { decodeCursor, encodeCursor, filtersFingerprint } from '../domain/search-cursor';
import type { SearchFilters, SearchQuery } from '../domain/search-query';
import { callRecordsRepository, type CallRecordsRepository } from '../repositories/call-records';
import { csvStream } from '../utils/csv-stream';
import { fieldError } from '../utils/errors';
import { getConfig, getDb, signingSecret } from '../utils/strapi';

type ZonedFilters = SearchFilters & { tz: string };

/** Rows per keyset batch of the CSV export: memory holds one batch, whatever the total. */
const EXPORT_BATCH = 1000;

/**
 * The Call History tab: search, details, CSV export and statistics
 * (docs/design.md#search-contract). The SQL is in repositories/call-search-sql.ts, run by
 * repositories/call-records.ts; validation, cursors, CSV rows and day folding are pure domain.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  let repository: CallRecordsRepository | null = null;
  // Built on first use: the metadata it reads exists from bootstrap on.
  const calls = () => (repository ??= callRecordsRepository(strapi));

  const withMarkedTrace = (call: Record<string, unknown>) =>
    Array.isArray(call.flowTrace)
      ? { ...call, flowTrace: markFlowTrace(call.flowTrace, call.endTime) }
      : call;

  return {
    async search(query: SearchQuery) {
      const fingerprint = filtersFingerprint(query);
      const secret = signingSecret(strapi, 'cursor');
      const after = query.cursor ? decodeCursor(query.cursor, fingerprint, secret) : null;
      if (query.cursor && !after) {
        throw fieldError(
          'cursor',
          'cursor is not valid for this search: it was altered, or issued for other filters'
        );
      }
      const cap = getConfig(strapi).totalCap;
      // One choice of index for the page and the count (repositories/search-index-plan.ts).
      const plan = await calls().plan(query, query.pageSize + 1);
      const page = await calls().page(query, after, query.pageSize + 1, plan);
      const counted = await calls().countUpTo(query, cap, plan);
      const rows = page.slice(0, query.pageSize);
      const last = rows[rows.length - 1];
      return {
        // List columns only: the trace is Call Details' (calls.details), never read here.
        results: rows.map((row) => listRow(row.call)),
        pagination: {
          pageSize: query.pageSize,
          nextCursor:
            page.length > query.pageSize && last
              ? encodeCursor(last.position, fingerprint, secret)
              : null,
          total: Math.min(counted, cap),
          totalIsCapped: counted > cap,
        },
      };
    },

    /** One call by its platform id, every readable attribute, the flow trace marked. */
    async details(callId: string) {
      const row = (await getDb(strapi)
        .query(UID.callRecord)
        .findOne({ where: { callId } })) as Record<string, unknown> | null;
      if (!row) throw new errors.NotFoundError(`No call with callId ${callId}`);
      const call: Record<string, unknown> = {};
      for (const name of calls().readableAttributes()) {
        if (name in row) call[name] = row[name];
      }
      return withMarkedTrace(call);
    },

    /**
     * The search as CSV, streamed batch by batch from the database into csv-stringify. The
     * first batch is read before anything is sent, so a database failure there is an error
     * answer; a later one destroys the stream with its error (the controller then cuts the
     * connection: the status is already out, and a download that simply ended would look
     * complete).
     */
    async exportCsv(filters: ZonedFilters) {
      const repository = calls();
      const extras = repository.listedAttributes().filter((name) => !COVERED_ATTRIBUTES.has(name));
      const batches = repository.batches(filters, EXPORT_BATCH);
      const first = await batches.next();
      async function* records() {
        if (first.done) return;
        for (const call of first.value) yield csvRecord(call, filters.tz, extras);
        for await (const batch of batches) {
          for (const call of batch) yield csvRecord(call, filters.tz, extras);
        }
      }
      const csv = csvStream(strapi, records(), csvColumns(extras), 'CSV export');
      const stamp = (date: Date) =>
        DateTime.fromJSDate(date, { zone: filters.tz }).toFormat("yyyyLLdd'T'HHmm");
      return {
        filename: `call-history_${stamp(filters.from)}_${stamp(filters.to)}.csv`,
        stream: csv,
      };
    },

    /** Calls per local day of `tz` (every day of the period, zeros included) and per access code. */
    async stats(filters: ZonedFilters): Promise<CallStats> {
      const plan = await calls().plan(filters, 1);
      const buckets = await calls().buckets(filters, plan);
      const perAccessCode = await calls().perAccessCode(filters, plan);
      return {
        perDay: foldBucketsIntoDays(buckets, filters.tz, filters.from, filters.to),
        perAccessCode,
      };
    },
  };
};
