import { useFetchClient } from '@strapi/helper-plugin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import type { SettingsChange, TenantSettings } from '../api/types';

import { API, queryKeys } from './queryKeys';

export const useSettings = () => {
  const { get } = useFetchClient();
  return useQuery(queryKeys.settings, async () => {
    const { data } = await get<{ data: TenantSettings }>(`${API}/settings`);
    return data.data;
  });
};

export const useSettingsHistory = () => {
  const { get } = useFetchClient();
  return useQuery(queryKeys.settingsHistory, async () => {
    const { data } = await get<{ data: SettingsChange[] }>(`${API}/settings/history`);
    return data.data;
  });
};

export const useUpdateSettings = () => {
  const { put } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation(
    async (patch: Partial<TenantSettings>) => {
      const { data } = await put<{ data: TenantSettings }>(`${API}/settings`, patch);
      return data.data;
    },
    {
      onSuccess: async (flags) => {
        queryClient.setQueryData(queryKeys.settings, flags);
        // The history gained a row, every bot's effective state and the dry run may have changed.
        await Promise.all([
          queryClient.invalidateQueries(queryKeys.settingsHistory),
          queryClient.invalidateQueries(queryKeys.bots),
          queryClient.invalidateQueries(queryKeys.retentionPreview),
        ]);
      },
    }
  );
};
