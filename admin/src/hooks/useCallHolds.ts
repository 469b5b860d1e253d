import { useFetchClient } from '@strapi/helper-plugin';
import { useMutation, useQueryClient } from 'react-query';

import type { BulkHoldResult, CallHold, SearchFilters } from '../api/types';

import { API, queryKeys } from './queryKeys';
import { filterBody } from './useCalls';

/**
 * Legal hold (`calls.hold`): place or release the hold of one call, or hold every call a
 * search matches. Each needs a reason; afterwards the call's details and the search pages are
 * read again, so the held marks show at once.
 */
const useRefreshCalls = () => {
  const queryClient = useQueryClient();
  return (callId?: string) => {
    if (callId) void queryClient.invalidateQueries(queryKeys.call(callId));
    void queryClient.invalidateQueries(queryKeys.allCalls);
  };
};

export const useCallHold = (callId: string) => {
  const { post } = useFetchClient();
  const refresh = useRefreshCalls();
  const change = (verb: 'hold' | 'release') => async (reason: string) => {
    const { data } = await post<{ data: CallHold }>(
      `${API}/calls/${encodeURIComponent(callId)}/${verb}`,
      { reason }
    );
    return data.data;
  };
  const options = { onSuccess: () => refresh(callId) };
  return {
    hold: useMutation(change('hold'), options),
    release: useMutation(change('release'), options),
  };
};

export const useHoldMatching = () => {
  const { post } = useFetchClient();
  const refresh = useRefreshCalls();
  return useMutation(
    async ({ filters, reason }: { filters: SearchFilters; reason: string }) => {
      const { data } = await post<{ data: BulkHoldResult }>(`${API}/calls/hold`, {
        ...filterBody(filters),
        reason,
      });
      return data.data;
    },
    { onSuccess: () => refresh() }
  );
};
