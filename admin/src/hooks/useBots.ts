import { useFetchClient } from '@strapi/helper-plugin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

import type { Bot, BotInput, BotKind } from '../api/types';

import { API, queryKeys } from './queryKeys';

export const useBots = (options: { enabled?: boolean } = {}) => {
  const { get } = useFetchClient();
  return useQuery(
    queryKeys.bots,
    async () => {
      const { data } = await get<{ data: Bot[] }>(`${API}/bots`);
      return data.data;
    },
    { enabled: options.enabled ?? true }
  );
};

/** Creates a bot (no id) or edits one; the server's field errors reach the form via toApiError. */
export const useSaveBot = (kind: BotKind) => {
  const { post, put } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation(
    async ({ id, input }: { id: number | null; input: BotInput }) => {
      const { data } =
        id === null
          ? await post<{ data: Bot }>(`${API}/bots`, { kind, ...input })
          : await put<{ data: Bot }>(`${API}/bots/${kind}/${id}`, input);
      return data.data;
    },
    {
      // A bot's retention override changes the dry run too.
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(queryKeys.bots),
          queryClient.invalidateQueries(queryKeys.retentionPreview),
        ]),
    }
  );
};

/** Deletes a robot or IVR flow; the list is read again. */
export const useDeleteBot = () => {
  const { del } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation(
    async (bot: Pick<Bot, 'kind' | 'id'>) => {
      await del(`${API}/bots/${bot.kind}/${bot.id}`);
    },
    { onSuccess: () => queryClient.invalidateQueries(queryKeys.bots) }
  );
};
