import { useFetchClient } from '@strapi/helper-plugin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import type { ErasurePreview, ErasureResult, RetentionPreview } from '../api/types';

import { API, queryKeys } from './queryKeys';

/** The purge's dry run (behind settings.read). */
export const useRetentionPreview = () => {
  const { get } = useFetchClient();
  return useQuery(queryKeys.retentionPreview, async () => {
    const { data } = await get<{ data: RetentionPreview }>(`${API}/retention/preview`);
    return data.data;
  });
};

// The number travels in POST bodies only, never in a URL or a query key (which may be logged).

export const useErasurePreview = () => {
  const { post } = useFetchClient();
  return useMutation(async (callingNumber: string) => {
    const { data } = await post<{ data: ErasurePreview }>(`${API}/calls/erase/preview`, {
      callingNumber,
    });
    return data.data;
  });
};

export const useErase = () => {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation(
    async (request: { callingNumber: string; reason: string }) => {
      const { data } = await post<{ data: ErasureResult }>(`${API}/calls/erase`, request);
      return data.data;
    },
    {
      // Searches, stats and the dry run may have counted the erased calls.
      onSuccess: () => queryClient.invalidateQueries(['call-history']),
    }
  );
};
