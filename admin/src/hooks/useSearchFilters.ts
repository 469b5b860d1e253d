import { useCallback, useMemo } from 'react';
import { useHistory, useLocation } from 'react-router-dom';

import type { SearchFilters } from '../api/types';
import { isDay, today } from '../utils/time';

/**
 * The Call History filters live in the URL (shareable, survive reload). URLSearchParams rather
 * than helper-plugin's useQueryParams, which writes values unencoded (an access code may hold #).
 * The period defaults to today.
 */
export const useSearchFilters = () => {
  const { search, pathname } = useLocation();
  const history = useHistory();
  const params = useMemo(() => new URLSearchParams(search), [search]);

  const filters = useMemo<SearchFilters>(() => {
    const from = params.get('from');
    const to = params.get('to');
    return {
      from: isDay(from) ? from : today(),
      to: isDay(to) ? to : isDay(from) ? from : today(),
      callingNumber: params.get('callingNumber') || undefined,
      accessCode: params.get('accessCode') || undefined,
    };
  }, [params]);

  const openCallId = params.get('call');

  const write = useCallback(
    (update: (next: URLSearchParams) => void) => {
      const next = new URLSearchParams(search);
      update(next);
      history.push({ pathname, search: `?${next.toString()}` });
    },
    [history, pathname, search]
  );

  const setFilters = useCallback(
    (next: SearchFilters) =>
      write((query) => {
        query.set('from', next.from);
        query.set('to', next.to);
        for (const key of ['callingNumber', 'accessCode'] as const) {
          const value = next[key];
          if (value) query.set(key, value);
          else query.delete(key);
        }
      }),
    [write]
  );

  const openCall = useCallback(
    (callId: string | null) =>
      write((query) => (callId ? query.set('call', callId) : query.delete('call'))),
    [write]
  );

  return { filters, setFilters, openCallId, openCall };
};
