import { Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';

import { SEARCH_PAGE_SIZES, SEARCH_SORTS, type SearchSort, type SearchView } from '../api/types';
import { useT } from '../hooks/useT';

const SORT_LABELS: Record<SearchSort, [string, string]> = {
  'startTime:desc': ['results.sort.newest', 'Newest first'],
  'startTime:asc': ['results.sort.oldest', 'Oldest first'],
  'durationSeconds:desc': ['results.sort.longest', 'Longest first'],
  'durationSeconds:asc': ['results.sort.shortest', 'Shortest first'],
};

interface SearchViewControlsProps {
  view: SearchView;
  onChange: (view: SearchView) => void;
}

/** The order of the results and how many a page shows; a change starts again from page 1. */
export const SearchViewControls = ({ view, onChange }: SearchViewControlsProps) => {
  const t = useT();
  return (
    <Flex gap={2} alignItems="flex-end">
      <SingleSelect
        name="sort"
        label={t('results.sort', 'Sort')}
        size="S"
        value={view.sort}
        onChange={(value) => {
          const sort = SEARCH_SORTS.find((entry) => entry === value);
          if (sort) onChange({ ...view, sort });
        }}
      >
        {SEARCH_SORTS.map((sort) => (
          <SingleSelectOption key={sort} value={sort}>
            {t(...SORT_LABELS[sort])}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <SingleSelect
        name="pageSize"
        label={t('results.pageSize', 'Per page')}
        size="S"
        value={String(view.pageSize)}
        onChange={(value) => {
          const pageSize = SEARCH_PAGE_SIZES.find((size) => String(size) === String(value));
          if (pageSize) onChange({ ...view, pageSize });
        }}
      >
        {SEARCH_PAGE_SIZES.map((size) => (
          <SingleSelectOption key={size} value={String(size)}>
            {String(size)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Flex>
  );
};
