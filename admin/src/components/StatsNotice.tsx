import { Box, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { CallStats } from '../api/types';
import { useT } from '../hooks/useT';

/**
 * What a stats card says besides its counts: that the request failed (instead of an empty
 * chart), or that a calling-number search matched more than the cap and only the newest
 * matches were counted.
 */
export const StatsNotice = ({
  stats,
  error,
  cap,
}: {
  stats: CallStats | undefined;
  error: string | null;
  cap: number | null;
}) => {
  const t = useT();
  const { formatNumber } = useIntl();
  if (error) {
    return (
      <Box paddingTop={2} role="alert">
        <Typography variant="omega" textColor="danger600">
          {t('chart.error', 'The statistics could not be loaded: {reason}', { reason: error })}
        </Typography>
      </Box>
    );
  }
  if (!stats?.isCapped) return null;
  return (
    <Box paddingTop={1}>
      <Typography variant="pi" textColor="neutral600">
        {cap === null
          ? t('chart.capped.unknown', 'Counts of the newest matches only')
          : t('chart.capped', 'Counts of the newest {cap} matches', { cap: formatNumber(cap) })}
      </Typography>
    </Box>
  );
};
