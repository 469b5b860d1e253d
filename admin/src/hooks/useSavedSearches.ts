import { useFetchClient } from '@strapi/helper-plugin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import type { SavedSearch, SavedSearchBody } from '../api/types';

import { API, queryKeys } from './queryKeys';

/** The admin's own saved searches (the server answers no one else's). */
export const useSavedSearches = () => {
  const { get } = useFetchClient();
  return useQuery(
    queryKeys.savedSearches,
    async () => {
      const { data } = await get<{ data: SavedSearch[] }>(`${API}/saved-searches`);
      return data.data;
    },
    { retry: false }
  );
};

/** Saves the search under a name; the server's field errors reach the dialog via toApiError. */
export const useSaveSearch = () => {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation(
    async (body: SavedSearchBody & { name: string }) => {
      const { data } = await post<{ data: SavedSearch }>(`${API}/saved-searches`, body);
      return data.data;
    },
    { onSuccess: () => queryClient.invalidateQueries(queryKeys.savedSearches) }
  );
};

export const useDeleteSavedSearch = () => {
  const { del } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation(
    async (id: number) => {
      await del(`${API}/saved-searches/${id}`);
    },
    { onSuccess: () => queryClient.invalidateQueries(queryKeys.savedSearches) }
  );
};
