import {
  Badge,
  Box,
  EmptyStateLayout,
  Flex,
  IconButton,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { AnErrorOccurred } from '@strapi/helper-plugin';
import { Eye } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { SearchPage } from '../api/types';
import { useDateFormat } from '../hooks/useDateFormat';
import { useT } from '../hooks/useT';
import { getTrad } from '../utils/getTrad';
import { formatDuration } from '../utils/time';

import { BotKindBadge } from './BotKindBadge';
import { HeldBadge } from './CallHoldPanel';
import { CursorPager } from './CursorPager';

interface ResultsTableProps {
  page: SearchPage | undefined;
  isLoading: boolean;
  error: string | null;
  /** Index of the page shown (0 = first), for the "showing" line. */
  pageIndex: number;
  canOpenDetails: boolean;
  onOpen: (callId: string) => void;
  onNext: () => void;
  onPrevious: () => void;
}

const COLUMNS = 6;

// The design system's badge colours (primary600 on primary200, neutral600 on neutral150) fall
// short of WCAG AA contrast (axe, tests/browser/agent-pages.test.ts): one shade darker text.
const RECORDED = { textColor: 'primary700', backgroundColor: 'primary100' } as const;
const NOT_RECORDED = { textColor: 'neutral700', backgroundColor: 'neutral150' } as const;

export const ResultsTable = ({
  page,
  isLoading,
  error,
  pageIndex,
  canOpenDetails,
  onOpen,
  onNext,
  onPrevious,
}: ResultsTableProps) => {
  const { formatNumber } = useIntl();
  const dates = useDateFormat();
  const t = useT();

  if (error) {
    return (
      <AnErrorOccurred
        content={{
          id: getTrad('results.error'),
          defaultMessage: 'The search failed: {reason}',
          values: { reason: error },
        }}
      />
    );
  }
  if (!page) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('results.loading', 'Searching calls…')}</Loader>
      </Flex>
    );
  }
  if (page.results.length === 0) {
    return (
      <EmptyStateLayout
        content={t('results.empty', 'No call matches these criteria in this period.')}
      />
    );
  }

  const { total, totalIsCapped, pageSize, nextCursor } = page.pagination;
  const shown = pageIndex * pageSize + page.results.length;
  const totalText = totalIsCapped ? `${formatNumber(total)}+` : formatNumber(total);

  return (
    <Box aria-busy={isLoading}>
      <Table colCount={COLUMNS} rowCount={page.results.length + 1}>
        <Thead>
          <Tr>
            {[
              ['results.callId', 'Call ID'],
              ['results.callingNumber', 'Calling number'],
              ['results.bot', 'Robot / IVR'],
              ['results.period', 'Start → end'],
              ['results.endReason', 'End reason'],
              ['results.flow', 'Flow details'],
            ].map(([id, text]) => (
              <Th key={id}>
                <Typography variant="sigma">{t(id, text)}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {page.results.map((call) => (
            <Tr key={call.callId}>
              <Td>
                <Flex gap={1}>
                  <Typography fontWeight="semiBold">{call.callId}</Typography>
                  {call.held && <HeldBadge />}
                  {canOpenDetails && (
                    <IconButton
                      label={t('results.open', 'Details of call {callId}', {
                        callId: call.callId,
                      })}
                      icon={<Eye />}
                      noBorder
                      onClick={() => onOpen(call.callId)}
                    />
                  )}
                </Flex>
              </Td>
              <Td>
                <Typography>{call.callingNumber}</Typography>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography>{call.botName ?? '—'}</Typography>
                  <Flex gap={2}>
                    <Typography variant="pi" textColor="neutral600">
                      {call.accessCode}
                    </Typography>
                    <BotKindBadge kind={call.botKind} short />
                  </Flex>
                </Flex>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  <Typography>{dates.dateTime(call.startTime)}</Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {`→ ${dates.time(call.endTime)} (${formatDuration(call.durationSeconds)})`}
                  </Typography>
                </Flex>
              </Td>
              <Td>
                <Typography>{call.endReason ?? '—'}</Typography>
              </Td>
              <Td>
                {/* The server says whether flow details were kept and counts their steps: a
                    search row never carries the trace itself (Call Details does). */}
                {call.flowRecorded ? (
                  <Flex gap={2}>
                    <Badge {...RECORDED}>{t('results.flow.yes', 'Recorded')}</Badge>
                    {typeof call.flowSteps === 'number' && (
                      <Typography variant="pi" textColor="neutral600">
                        {t('results.flow.steps', '{count, plural, one {# step} other {# steps}}', {
                          count: call.flowSteps,
                        })}
                      </Typography>
                    )}
                  </Flex>
                ) : (
                  <Badge {...NOT_RECORDED}>{t('results.flow.no', 'Not recorded')}</Badge>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <CursorPager
        status={t('results.showing', 'Showing {shown} of {total} calls', {
          shown,
          total: totalText,
        })}
        pageIndex={pageIndex}
        hasNext={Boolean(nextCursor)}
        isLoading={isLoading}
        onNext={onNext}
        onPrevious={onPrevious}
      />
    </Box>
  );
};
