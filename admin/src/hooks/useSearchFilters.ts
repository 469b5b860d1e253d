import { useCallback, useMemo } from 'react';
import { useHistory, useLocation } from 'react-router-dom';

import {
  DEFAULT_SEARCH_PAGE_SIZE,
  DEFAULT_SEARCH_SORT,
  SEARCH_PAGE_SIZES,
  SEARCH_SORTS,
  type SearchFilters,
  type SearchView,
} from '../api/types';
import { isDay, today } from '../utils/time';

const readView = (params: URLSearchParams): SearchView => {
  const sort = SEARCH_SORTS.find((value) => value === params.get('sort'));
  const pageSize = SEARCH_PAGE_SIZES.find((size) => String(size) === params.get('pageSize'));
  return { sort: sort ?? DEFAULT_SEARCH_SORT, pageSize: pageSize ?? DEFAULT_SEARCH_PAGE_SIZE };
};

const writeView = (query: URLSearchParams, view: SearchView) => {
  // The defaults stay out of the address, as it read before sorts and page sizes existed.
  if (view.sort === DEFAULT_SEARCH_SORT) query.delete('sort');
  else query.set('sort', view.sort);
  if (view.pageSize === DEFAULT_SEARCH_PAGE_SIZE) query.delete('pageSize');
  else query.set('pageSize', String(view.pageSize));
};

const writeFilters = (query: URLSearchParams, next: SearchFilters) => {
  query.set('from', next.from);
  query.set('to', next.to);
  for (const key of ['callingNumber', 'accessCode'] as const) {
    const value = next[key];
    if (value) query.set(key, value);
    else query.delete(key);
  }
};

/**
 * The Call History filters, sort and page size live in the URL (shareable, survive reload).
 * URLSearchParams rather than helper-plugin's useQueryParams, which writes values unencoded (an
 * access code may hold #). The period defaults to today, the order to newest first, 20 a page.
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

  const view = useMemo(() => readView(params), [params]);

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
    (next: SearchFilters) => write((query) => writeFilters(query, next)),
    [write]
  );

  const setView = useCallback(
    (next: SearchView) => write((query) => writeView(query, next)),
    [write]
  );

  /** A whole search at once (a saved search run again): filters, sort and page size. */
  const setSearch = useCallback(
    (next: SearchFilters, nextView: SearchView) =>
      write((query) => {
        writeFilters(query, next);
        writeView(query, nextView);
      }),
    [write]
  );

  const openCall = useCallback(
    (callId: string | null) =>
      write((query) => (callId ? query.set('call', callId) : query.delete('call'))),
    [write]
  );

  return { filters, setFilters, view, setView, setSearch, openCallId, openCall };
};
