import { DateTime } from 'luxon';

import {
  DEFAULT_SEARCH_PAGE_SIZE,
  DEFAULT_SEARCH_SORT,
  SEARCH_PAGE_SIZES,
  SEARCH_SORTS,
  type SavedSearch,
  type SavedSearchBody,
  type SearchFilters,
  type SearchView,
} from '../api/types';
import { filterBody } from '../hooks/useCalls';

/** What the page saves: the search body of the filters, the sort and the page size. */
export const savedSearchBody = (filters: SearchFilters, view: SearchView): SavedSearchBody => ({
  ...filterBody(filters),
  ...view,
});

const dayIn = (instant: string, zone: string, shift = 0): string => {
  const at = DateTime.fromISO(instant, { zone, setZone: false }).plus({ milliseconds: shift });
  return at.isValid ? (at.toISODate() ?? '') : '';
};

/**
 * A saved search as the page runs it: whole local days of the zone it was saved in (its `to`
 * is the start of the day after the last), its sort and its page size.
 */
export const fromSavedSearch = (
  saved: SavedSearch
): { filters: SearchFilters; view: SearchView } => {
  const { search } = saved;
  const zone = search.tz || 'UTC';
  return {
    filters: {
      from: dayIn(search.from, zone),
      to: dayIn(search.to, zone, -1),
      callingNumber: search.callingNumber || undefined,
      accessCode: search.accessCode || undefined,
    },
    view: {
      sort: SEARCH_SORTS.find((sort) => sort === search.sort) ?? DEFAULT_SEARCH_SORT,
      pageSize:
        SEARCH_PAGE_SIZES.find((size) => size === search.pageSize) ?? DEFAULT_SEARCH_PAGE_SIZE,
    },
  };
};

/** The saved search the page shows now, if any: same days, filters, sort and page size. */
export const currentSavedSearch = (
  saved: SavedSearch[],
  filters: SearchFilters,
  view: SearchView
): SavedSearch | undefined => {
  const key = (entry: { filters: SearchFilters; view: SearchView }) =>
    JSON.stringify([
      entry.filters.from,
      entry.filters.to,
      entry.filters.callingNumber ?? '',
      entry.filters.accessCode ?? '',
      entry.view.sort,
      entry.view.pageSize,
    ]);
  const now = key({ filters, view });
  return saved.find((entry) => key(fromSavedSearch(entry)) === now);
};
