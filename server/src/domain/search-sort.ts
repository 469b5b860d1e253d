import type { SearchSort } from '../../../shared/contracts/calls';

/**
 * How a search sort reads the call table (docs/design.md#search-contract). Ties are broken by
 * id in the same direction, so every order is total and a keyset position (key, id) is exact.
 */
export interface SortOrder {
  /** The call attribute the rows are ordered by. */
  attribute: 'startTime' | 'durationSeconds';
  descending: boolean;
}

export const sortOrder = (sort: SearchSort): SortOrder => {
  const [attribute, direction] = sort.split(':') as [SortOrder['attribute'], 'asc' | 'desc'];
  return { attribute, descending: direction === 'desc' };
};

/**
 * A time sort reads the period index in its own order and stops after a page; any other sort
 * reads every match of the period, then keeps the page's rows (the period index is not in its
 * order).
 */
export const readsInPeriodOrder = (order: SortOrder): boolean => order.attribute === 'startTime';
