import { useFetchClient } from '@strapi/helper-plugin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import type {
  CallNumbers,
  CallDetailsAnswer,
  CallPage,
  CallStats,
  FilterBody,
  SearchBody,
  SearchFilters,
  SearchPage,
  SearchView,
} from '../api/types';
import { backendUrl } from '../utils/backendUrl';
import { periodToApi } from '../utils/time';

import { API, queryKeys } from './queryKeys';

/**
 * The body of the search, stats and export routes for these filters. The filters travel in a
 * POST body, never in a request URL, so that calling numbers stay out of server logs (the page's
 * own address in the browser may still hold them).
 */
export const filterBody = (filters: SearchFilters): FilterBody => {
  const body: FilterBody = periodToApi(filters);
  if (filters.callingNumber) body.callingNumber = filters.callingNumber;
  if (filters.accessCode) body.accessCode = filters.accessCode;
  return body;
};

/**
 * What the Call History page shows: a page of calls for these filters, view and cursor, and the
 * statistics of the filters (chart and per-access-code card).
 *
 * A first page whose statistics are not on hand asks `POST /calls/page`, which answers both in
 * one request: one round of admin authentication instead of two (docs/benchmarks.md). The
 * statistics it brings fill their own cache entry, so a change of sort or page size, or "next",
 * asks the search alone. The statistics ask for themselves only on a page further on whose
 * filters' statistics are gone (invalidated, or collected from the cache).
 */
export const useCallPage = (
  filters: SearchFilters | null,
  view: SearchView,
  cursor: string | null
) => {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  const filtersBody = filters ? filterBody(filters) : null;
  const statsKey = queryKeys.stats(filtersBody ?? {});
  const body: SearchBody | null = filtersBody
    ? { ...filtersBody, ...view, ...(cursor ? { cursor } : {}) }
    : null;

  const calls = useQuery(
    queryKeys.calls(body ?? {}),
    async (): Promise<SearchPage> => {
      const known = queryClient.getQueryState(statsKey);
      if (cursor === null && (known?.data === undefined || known.isInvalidated)) {
        const { data } = await post<CallPage>(`${API}/calls/page`, body);
        const { stats: pageStats, ...page } = data;
        queryClient.setQueryData(statsKey, pageStats);
        return page;
      }
      const { data } = await post<SearchPage>(`${API}/calls/search`, body);
      return data;
    },
    { enabled: body !== null, keepPreviousData: true, retry: false }
  );

  const stats = useQuery(
    statsKey,
    async () => {
      const { data } = await post<{ data: CallStats }>(`${API}/calls/stats`, filtersBody);
      return data.data;
    },
    // Stale only when invalidated: the counts of these filters change with the calls, not with
    // the sort, the page size or the page.
    { enabled: filtersBody !== null && cursor !== null, staleTime: Infinity, retry: false }
  );

  /** The refresh icon: the first page and the statistics again, in one request. */
  const refresh = () => {
    // Marked, not fetched: the first page's request brings them.
    void queryClient.invalidateQueries(statsKey, { refetchActive: false });
    // Further pages are stale too; a page further on is left as the page goes back to the first.
    void queryClient.invalidateQueries(queryKeys.calls(filtersBody ?? {}), {
      refetchActive: cursor === null,
    });
  };

  // When the first page's request fails, its statistics failed with it.
  const statsError = stats.error ?? (stats.data === undefined ? calls.error : null);
  return { calls, stats: stats.data, statsError, refresh };
};

/** Call Details: the call, and the labels developers gave the attributes they added. */
export const useCall = (callId: string | null) => {
  const { get } = useFetchClient();
  return useQuery(
    queryKeys.call(callId ?? ''),
    async () => {
      const { data } = await get<CallDetailsAnswer>(
        `${API}/calls/${encodeURIComponent(callId ?? '')}`
      );
      return { call: data.data, labels: data.meta?.attributeLabels ?? {} };
    },
    { enabled: callId !== null, retry: false }
  );
};

/**
 * Asks for a one-minute, single-use download link (the request carries the admin JWT; a plain
 * link could not), then lets the browser download the streamed CSV itself: straight to disk,
 * with its own progress, however many rows, instead of holding the whole file in the page's
 * memory first. The link is an opaque id: the filters stay on the server.
 */
export const useExportCalls = () => {
  const { post } = useFetchClient();
  /**
   * The rows come in `sort`, the search's. `revealReason`: export the full numbers
   * (calls.reveal), audited with this reason.
   */
  return async (filters: SearchFilters, sort: SearchView['sort'], revealReason?: string) => {
    const { data } = await post<{ data: { url: string } }>(`${API}/calls/export/ticket`, {
      ...filterBody(filters),
      sort,
      ...(revealReason === undefined ? {} : { reveal: true, reason: revealReason }),
    });
    const link = document.createElement('a');
    link.href = `${backendUrl()}${data.data.url}`;
    link.download = '';
    document.body.appendChild(link);
    link.click();
    link.remove();
  };
};

/**
 * The full numbers of one call (calls.details and calls.reveal), audited with the reason. Not
 * cached: each reveal is asked for, and the answer lives only in the dialog that showed it.
 */
export const useRevealCall = (callId: string) => {
  const { post } = useFetchClient();
  return useMutation(async (reason: string) => {
    const { data } = await post<{ data: CallNumbers }>(
      `${API}/calls/${encodeURIComponent(callId)}/reveal`,
      { reason }
    );
    return data.data;
  });
};
