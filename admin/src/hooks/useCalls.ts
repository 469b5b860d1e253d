import { useFetchClient } from '@strapi/helper-plugin';
import { useMutation, useQuery } from 'react-query';

import type {
  CallNumbers,
  CallDetailsAnswer,
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

export const useCalls = (
  filters: SearchFilters | null,
  view: SearchView,
  cursor: string | null
) => {
  const { post } = useFetchClient();
  const body: SearchBody | null = filters
    ? { ...filterBody(filters), ...view, ...(cursor ? { cursor } : {}) }
    : null;
  return useQuery(
    queryKeys.calls(body ?? {}),
    async () => {
      const { data } = await post<SearchPage>(`${API}/calls/search`, body);
      return data;
    },
    { enabled: body !== null, keepPreviousData: true, retry: false }
  );
};

export const useCallStats = (filters: SearchFilters | null) => {
  const { post } = useFetchClient();
  const body = filters ? filterBody(filters) : null;
  return useQuery(
    queryKeys.stats(body ?? {}),
    async () => {
      const { data } = await post<{ data: CallStats }>(`${API}/calls/stats`, body);
      return data.data;
    },
    { enabled: body !== null, retry: false }
  );
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
