import { Button, Flex, Typography } from '@strapi/design-system';

import { useT } from '../hooks/useT';

interface CursorPagerProps {
  /** Where the user is, e.g. "Showing 40 of 120 calls" or "Page 3". */
  status: string;
  pageIndex: number;
  hasNext: boolean;
  isLoading: boolean;
  onNext: () => void;
  onPrevious: () => void;
}

/** Previous / Next under a keyset-paged table (useCursorStack). */
export const CursorPager = ({
  status,
  pageIndex,
  hasNext,
  isLoading,
  onNext,
  onPrevious,
}: CursorPagerProps) => {
  const t = useT();
  return (
    <Flex justifyContent="space-between" paddingTop={4}>
      <Typography variant="pi" textColor="neutral600">
        {status}
      </Typography>
      <Flex gap={2}>
        <Button variant="tertiary" size="S" disabled={pageIndex === 0} onClick={onPrevious}>
          {t('results.previous', 'Previous')}
        </Button>
        {/* Disabled while a page loads: a second click would push the same cursor again. */}
        <Button variant="tertiary" size="S" disabled={!hasNext || isLoading} onClick={onNext}>
          {t('results.next', 'Next')}
        </Button>
      </Flex>
    </Flex>
  );
};
