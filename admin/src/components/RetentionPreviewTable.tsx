import {
  Box,
  EmptyStateLayout,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { RetentionPreview, RetentionPreviewRow } from '../api/types';
import { useDateFormat } from '../hooks/useDateFormat';
import { useT } from '../hooks/useT';
import { browserTimeZone } from '../utils/time';

import { BotKindBadge } from './BotKindBadge';

/**
 * The purge's dry run: per robot and IVR flow, and for calls of no known bot, what the next run
 * deletes (held calls apart) and the oldest start time it keeps.
 */
export const RetentionPreviewTable = ({ preview }: { preview: RetentionPreview | undefined }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const dates = useDateFormat();
  const rows = preview?.rows ?? [];
  const period = (row: RetentionPreviewRow) =>
    row.retentionDays === null
      ? t('retention.forever', 'Keep forever')
      : row.source === 'bot'
        ? t('retention.days.own', '{days} days (own)', { days: row.retentionDays })
        : t('retention.days', '{days} days', { days: row.retentionDays });
  const when = (iso: string | null) => (iso ? dates.dateTime(iso) : '—');

  return (
    <Box>
      <Box paddingBottom={4}>
        <Typography variant="beta" as="h2">
          {t('retention.preview.title', 'Next purge run (dry run)')}
        </Typography>
        <Typography variant="pi" textColor="neutral600" as="p">
          {t(
            'retention.preview.help',
            'What the next run would delete now. Nothing is deleted here; held calls are always kept.'
          )}
        </Typography>
      </Box>
      {rows.length === 0 ? (
        <EmptyStateLayout content={t('retention.preview.empty', 'No dry run yet.')} />
      ) : (
        <Table colCount={5} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">
                  {t('retention.preview.bot', 'Robot or IVR flow')}
                </Typography>
              </Th>
              <Th>
                <Typography variant="sigma">
                  {t('retention.preview.period', 'Retention')}
                </Typography>
              </Th>
              <Th>
                <Typography variant="sigma">
                  {t('retention.preview.expiring', 'Calls to delete')}
                </Typography>
              </Th>
              <Th>
                <Typography variant="sigma">
                  {t('retention.preview.held', 'Held (kept)')}
                </Typography>
              </Th>
              <Th>
                <Typography variant="sigma">
                  {t('retention.preview.oldestKept', 'Oldest kept ({zone})', {
                    zone: browserTimeZone(),
                  })}
                </Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.bot ? `${row.bot.kind}-${row.bot.id}` : 'unknown'}>
                <Td>
                  {row.bot ? (
                    <Box>
                      <Typography fontWeight="semiBold">{row.bot.name}</Typography>{' '}
                      <BotKindBadge kind={row.bot.kind} />
                      <Typography variant="pi" textColor="neutral600" as="p">
                        {row.bot.accessCode}
                      </Typography>
                    </Box>
                  ) : (
                    <Typography textColor="neutral600">
                      {t('retention.preview.unknownBot', 'Calls of no known robot or IVR flow')}
                    </Typography>
                  )}
                </Td>
                <Td>
                  <Typography>{period(row)}</Typography>
                </Td>
                <Td>
                  <Typography fontWeight={row.expiring > 0 ? 'bold' : 'regular'}>
                    {`${formatNumber(row.expiring)}${row.capped ? '+' : ''}`}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{formatNumber(row.held)}</Typography>
                </Td>
                <Td>
                  <Typography>{when(row.oldestKept)}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
};
