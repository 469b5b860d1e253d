import { useFetchClient } from '@strapi/helper-plugin';
import { useQuery } from 'react-query';

import type { CallRecord, CallStats, SearchFilters, SearchPage } from '../api/types';
import { backendUrl } from '../utils/backendUrl';
import { periodToApi } from '../utils/time';

import { API, queryKeys } from './queryKeys';

export const PAGE_SIZE = 20;

/** The query string of the search, stats and export routes for these filters. */
export const searchParams = (filters: SearchFilters) => {
  const params: Record<string, string> = periodToApi(filters);
  if (filters.callingNumber) params.callingNumber = filters.callingNumber;
  if (filters.accessCode) params.accessCode = filters.accessCode;
  return params;
};

export const useCalls = (filters: SearchFilters | null, cursor: string | null) => {
  const { get } = useFetchClient();
  const params = filters ? { ...searchParams(filters), pageSize: String(PAGE_SIZE) } : null;
  if (params && cursor) Object.assign(params, { cursor });
  return useQuery(
    queryKeys.calls(params ?? {}),
    async () => {
      const { data } = await get<SearchPage>(`${API}/calls`, { params });
      return data;
    },
    { enabled: params !== null, keepPreviousData: true, retry: false }
  );
};

export const useCallStats = (filters: SearchFilters | null) => {
  const { get } = useFetchClient();
  const params = filters ? searchParams(filters) : null;
  return useQuery(
    queryKeys.stats(params ?? {}),
    async () => {
      const { data } = await get<{ data: CallStats }>(`${API}/stats`, { params });
      return data.data;
    },
    { enabled: params !== null, retry: false }
  );
};

export const useCall = (callId: string | null) => {
  const { get } = useFetchClient();
  return useQuery(
    queryKeys.call(callId ?? ''),
    async () => {
      const { data } = await get<{ data: CallRecord }>(
        `${API}/calls/${encodeURIComponent(callId ?? '')}`
      );
      return data.data;
    },
    { enabled: callId !== null, retry: false }
  );
};

/**
 * Asks for a one-minute download link (the request carries the admin JWT; a plain link could
 * not), then lets the browser download the streamed CSV itself: straight to disk, with its own
 * progress, however many rows, instead of holding the whole file in the page's memory first.
 */
export const useExportCalls = () => {
  const { post } = useFetchClient();
  return async (filters: SearchFilters) => {
    const { data } = await post<{ data: { url: string } }>(
      `${API}/calls/export/ticket`,
      searchParams(filters)
    );
    const link = document.createElement('a');
    link.href = `${backendUrl()}${data.data.url}`;
    link.download = '';
    document.body.appendChild(link);
    link.click();
    link.remove();
  };
};
