import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';

import { OWN_CALL_ATTRIBUTES, type CallStats } from '../../../shared/contracts/calls';
import { UID } from '../constants';
import { attributeLabelsOf } from '../domain/attribute-labels';
import type { AuditUser } from '../domain/audit';
import {
  COVERED_ATTRIBUTES,
  CSV_BASE_ATTRIBUTES,
  csvColumns,
  csvRecordWriter,
} from '../domain/call-csv';
import { detailsRow, listRow } from '../domain/call-list';
import { CUSTOM_FIELD_UID, pluginCustomFieldsOf } from '../domain/custom-field-values';
import {
  fixedDayShift,
  foldBucketsIntoDays,
  localDaysOf,
  splitIntoBuckets,
  sumPerAccessCode,
  type Bucket,
  type BucketCount,
} from '../domain/day-buckets';
import { attributePosition, type ExportRow } from '../domain/export-row';
import { markFlowTrace } from '../domain/flow-trace';
import { withoutOldestMatch } from '../domain/newest-matches';
import {
  CALL_NUMBER_ATTRIBUTES,
  callNumbers,
  maskCall,
  maskNumber,
  maskRowInPlace,
} from '../domain/number-mask';
import { decodeCursor, encodeCursor, filtersFingerprint } from '../domain/search-cursor';
import type { SearchPlan } from '../domain/search-plan';
import type { RawBody, SearchFilters, SearchQuery, SortedFilters } from '../domain/search-query';
import { sortOrder } from '../domain/search-sort';
import { cappedTotal, totalFromStats, type SearchTotal } from '../domain/search-total';
import { callRecordsRepository, type CallRecordsRepository } from '../repositories/call-records';
import { csvStream } from '../utils/csv-stream';
import { fieldError } from '../utils/errors';
import { getConfig, getDb, getService, signingSecret } from '../utils/strapi';

type ZonedFilters = SearchFilters & { tz: string };

/**
 * Rows per keyset batch of the CSV export: memory holds one batch, whatever the total. Small on
 * purpose: a batch still alive when the young generation is collected is promoted to the old
 * one, which then grows until a full collection. At 1,000 rows the server's RSS grew by 78 MB
 * over a million-row export, at 250 by none, for the same CPU time (tests/bench/export.js).
 */
const EXPORT_BATCH = 250;

const totalOf = (counts: Array<{ count: number }>) =>
  counts.reduce((sum, group) => sum + group.count, 0);

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

  // Extension attributes using the plugin's phone-number field are numbers like the contract's
  // two, masked and revealed with them (docs/design.md#privacy); private ones never leave.
  let phones: string[] | null = null;
  const phoneAttributes = () =>
    (phones ??= pluginCustomFieldsOf(strapi.getModel(UID.callRecord).attributes)
      .filter(([, field]) => field === CUSTOM_FIELD_UID.phoneNumber)
      .map(([name]) => name)
      .filter((name) => calls().readableAttributes().includes(name)));

  const masked = <T extends Record<string, unknown>>(call: T): T =>
    maskCall(call, phoneAttributes(), getConfig(strapi).numberMask);

  const findCall = async (callId: string) => {
    const row = (await getDb(strapi)
      .query(UID.callRecord)
      .findOne({ where: { callId } })) as Record<string, unknown> | null;
    if (!row) throw new errors.NotFoundError(`No call with callId ${callId}`);
    return row;
  };

  /**
   * Calls per local day of `tz` (every day of the period, zeros included) and per access code
   * (docs/design.md#statistics-rollup). Without a number filter, the rollup answers the
   * period's whole 15-minute buckets (mostly at its hour level) and the calls its partial
   * edges: the cost follows the period's length, not its calls. A number filter is not in the
   * rollup: the search's own index path answers, bounded by the total's cap (`isCapped`: only
   * the newest `totalCap` matches are counted), grouped by local day where the zone's offset
   * holds over the period. Where the plan reads the newest matches through the period index, or
   * a day at a time (SQLite), one pass of the newest cap + 1 answers both
   * (domain/newest-matches.ts).
   */
  const statsOf = async (
    filters: ZonedFilters,
    planned?: SearchPlan | null
  ): Promise<CallStats> => {
    const repository = calls();
    const buckets: Bucket[] = [];
    const perAccessCode: Array<{ accessCode: string; count: number }> = [];
    const add = (counts: BucketCount[]) => {
      buckets.push(...counts);
      perAccessCode.push(...counts);
    };
    let isCapped = false;
    const days = localDaysOf(filters.tz, filters.from, filters.to);
    if (filters.callingNumber !== null) {
      const cap = getConfig(strapi).totalCap;
      const plan = planned === undefined ? await repository.plan(filters, 1) : planned;
      const shift = fixedDayShift(days);
      const newestCap = () =>
        repository.bucketCounts(filters, plan, { rows: cap, newest: true }, shift);
      if (plan?.newest === 'period' || plan?.newest === 'day') {
        // Read newest first anyway: the newest cap + 1 say whether more than the cap match,
        // and without their oldest, which the cap leaves out, are the newest cap.
        const newest = await repository.newestBucketCounts(filters, plan, cap + 1, shift);
        isCapped = totalOf(newest) > cap;
        add(isCapped ? (withoutOldestMatch(newest) ?? (await newestCap())) : newest);
      } else {
        // Up to cap + 1 matches in one pass, in the index's order: all of them, unless more
        // than the cap match; then the newest cap, as `total` counts them.
        const first = await repository.bucketCounts(
          filters,
          plan,
          { rows: cap + 1, newest: false },
          shift
        );
        isCapped = totalOf(first) > cap;
        add(isCapped ? await newestCap() : first);
      }
    } else {
      const { whole, edges } = splitIntoBuckets(filters);
      const [fromRollup, fromEdges] = await Promise.all([
        whole ? repository.rollupStats(whole, days, filters.accessCode) : null,
        Promise.all(
          edges.map((edge) => repository.bucketCounts({ ...filters, ...edge }, null, null))
        ),
      ]);
      if (fromRollup) {
        buckets.push(...fromRollup.buckets);
        perAccessCode.push(...fromRollup.perAccessCode);
      }
      for (const counts of fromEdges) add(counts);
    }
    return {
      perDay: foldBucketsIntoDays(buckets, days),
      perAccessCode: sumPerAccessCode(perAccessCode),
      isCapped,
    };
  };

  /**
   * A page of the search and its pagination; `totalOf` answers its total, read through the
   * page's plan or taken from the statistics of the same filters.
   */
  const searchPage = async (
    query: SearchQuery,
    totalOf: (plan: SearchPlan | null) => Promise<SearchTotal>,
    planned?: SearchPlan | null
  ) => {
    const fingerprint = filtersFingerprint(query);
    const secret = signingSecret(strapi, 'cursor');
    const opened = query.cursor ? decodeCursor(query.cursor, fingerprint, secret) : null;
    if (query.cursor && !opened) {
      throw fieldError(
        'cursor',
        'cursor is not valid for this search: it was altered, or issued for other filters'
      );
    }
    if (opened && opened.sort !== query.sort) {
      throw fieldError(
        'cursor',
        `cursor was issued for sort ${opened.sort}, not ${query.sort}: start again from the first page`
      );
    }
    const order = sortOrder(query.sort);
    // One choice of index for the page and the count (repositories/search-index-plan.ts).
    const plan = planned === undefined ? await calls().plan(query, query.pageSize + 1) : planned;
    const keyset = { order, after: opened?.position ?? null };
    const page = await calls().page(query, keyset, query.pageSize + 1, plan);
    const total = await totalOf(plan);
    const rows = page.slice(0, query.pageSize);
    const last = rows[rows.length - 1];
    return {
      // List columns only: the trace is Call Details' (calls.details), never read here.
      // Masked whoever asks: a search never reveals (the filter is the user's own input).
      results: rows.map((row) => masked(listRow(row.call))),
      pagination: {
        pageSize: query.pageSize,
        sort: query.sort,
        nextCursor:
          page.length > query.pageSize && last
            ? encodeCursor({ sort: query.sort, position: last.position }, fingerprint, secret)
            : null,
        ...total,
      },
    };
  };

  return {
    async search(query: SearchQuery) {
      const cap = getConfig(strapi).totalCap;
      return searchPage(query, async (plan) =>
        cappedTotal(await calls().countUpTo(query, cap, plan), cap)
      );
    },

    /**
     * A page of the search and the statistics of its filters, read at once: the Call History
     * page's request for a new search. The statistics count the matches the search's total
     * counts (domain/search-total.ts), so the page runs no count of its own, and both read
     * through one plan, sampled once.
     */
    async page(query: SearchQuery) {
      const cap = getConfig(strapi).totalCap;
      // One plan for both: its choices for the statistics do not depend on the page's size.
      const plan = await calls().plan(query, query.pageSize + 1);
      const counting = statsOf(query, plan);
      const [found, stats] = await Promise.all([
        searchPage(query, async () => totalFromStats(await counting, cap), plan),
        counting,
      ]);
      return { ...found, stats };
    },

    /**
     * One call by its platform id, every readable attribute, the flow trace marked, the numbers
     * masked: full numbers take a reveal.
     */
    async details(callId: string) {
      const row = await findCall(callId);
      const call: Record<string, unknown> = {};
      for (const name of calls().readableAttributes()) {
        if (name in row) call[name] = row[name];
      }
      return masked(withMarkedTrace(detailsRow(call)));
    },

    /** The labels developers gave the attributes they added, for Call Details' field names. */
    attributeLabels(): Record<string, string> {
      return attributeLabelsOf(
        strapi.getModel(UID.callRecord).attributes as Record<string, unknown>,
        calls().readableAttributes(),
        OWN_CALL_ATTRIBUTES
      );
    },

    /**
     * The full numbers of one call, audited (`calls.reveal`: who, when, the callId, the reason;
     * never a number). The caller has checked `calls.reveal` and the reason.
     */
    async reveal(callId: string, reason: string) {
      const row = await findCall(callId);
      await getService(strapi, 'audit').record({
        action: 'calls.reveal',
        subject: { callId },
        changes: { attributes: Object.keys(callNumbers(row, phoneAttributes())) },
        reason,
      });
      return { callId, ...callNumbers(row, phoneAttributes()) };
    },

    /**
     * Audits an export with full numbers (`calls.export.reveal`) before its first row leaves:
     * the filters (a calling-number filter masked, as the numbers it matches would be) and the
     * reason. `user`: the ticket's admin on a download, which carries no admin session.
     */
    async auditRevealedExport(filters: RawBody, reason: string, user?: AuditUser) {
      const recorded: RawBody = { ...filters };
      if (typeof recorded.callingNumber === 'string' && recorded.callingNumber !== '') {
        recorded.callingNumber = maskNumber(recorded.callingNumber, getConfig(strapi).numberMask);
      }
      await getService(strapi, 'audit').record(
        { action: 'calls.export.reveal', subject: null, changes: { filters: recorded }, reason },
        user
      );
    },

    /**
     * The search as CSV, in its sort, streamed batch by batch from the database, one string per
     * batch (utils/csv-stream.ts). The first batch is read before anything is sent, so a
     * database failure there is an error answer; a later one destroys the stream with its error
     * (the controller then cuts the connection: the status is already out, and a download that
     * simply ended would look complete). Only the columns the CSV prints are read.
     */
    async exportCsv(filters: SortedFilters, { reveal = false }: { reveal?: boolean } = {}) {
      const repository = calls();
      const extras = repository.listedAttributes().filter((name) => !COVERED_ATTRIBUTES.has(name));
      const { layout, batches } = repository.exportRows(
        filters,
        sortOrder(filters.sort),
        EXPORT_BATCH,
        [...CSV_BASE_ATTRIBUTES, ...extras]
      );
      const first = await batches.next();
      const write = csvRecordWriter(filters.tz, extras, layout);
      const numbers = [...CALL_NUMBER_ATTRIBUTES, ...phoneAttributes()]
        .map((name) => attributePosition(layout, name))
        .filter((position) => position >= 0);
      const rule = getConfig(strapi).numberMask;
      // The rows are the export's own, read for this line only: masked where they are.
      const record = (row: ExportRow) => write(reveal ? row : maskRowInPlace(row, numbers, rule));
      async function* rows() {
        if (first.done) return;
        yield first.value;
        yield* batches;
      }
      const stamp = (date: Date) =>
        DateTime.fromJSDate(date, { zone: filters.tz }).toFormat("yyyyLLdd'T'HHmm");
      return {
        filename: `call-history_${stamp(filters.from)}_${stamp(filters.to)}.csv`,
        stream: csvStream(strapi, rows(), record, csvColumns(extras), 'CSV export'),
      };
    },

    /** Calls per local day and per access code: `statsOf`. */
    stats: statsOf,
  };
};
