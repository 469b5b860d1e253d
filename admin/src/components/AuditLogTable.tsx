import {
  Badge,
  Box,
  EmptyStateLayout,
  Flex,
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

import { isFlagValue } from '../../../shared/contracts/settings';
import type { AuditPage } from '../api/types';
import { useDateFormat } from '../hooks/useDateFormat';
import { useT } from '../hooks/useT';
import { ACTION_LABELS, changeLines, subjectText, valueText } from '../utils/auditText';
import { getTrad } from '../utils/getTrad';
import { browserTimeZone } from '../utils/time';

import { CursorPager } from './CursorPager';
import { VALUE_TEXT } from './SettingsForm';

interface AuditLogTableProps {
  page: AuditPage | undefined;
  isLoading: boolean;
  error: string | null;
  pageIndex: number;
  onNext: () => void;
  onPrevious: () => void;
}

const COLUMNS = 6;

// The design system's tables never wrap; these cells do, so all six columns fit the page.
const WRAPS = { whiteSpace: 'normal', overflowWrap: 'break-word' } as const;

/** One page of the audit log, newest first, with Previous / Next. */
export const AuditLogTable = ({
  page,
  isLoading,
  error,
  pageIndex,
  onNext,
  onPrevious,
}: AuditLogTableProps) => {
  const dates = useDateFormat();
  const t = useT();
  // A flag's value in the words of the settings page (On, Off, Bot-level control).
  const flagText = (value: unknown) =>
    isFlagValue(value) ? t(...VALUE_TEXT[value]) : valueText(value);

  if (error) {
    return (
      <AnErrorOccurred
        content={{
          id: getTrad('audit.error'),
          defaultMessage: 'The audit log could not be loaded: {reason}',
          values: { reason: error },
        }}
      />
    );
  }
  if (!page) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('audit.loading', 'Loading the audit log…')}</Loader>
      </Flex>
    );
  }
  if (page.data.length === 0) {
    return (
      <EmptyStateLayout
        content={
          pageIndex === 0
            ? t('audit.empty', 'No audit entry matches these filters.')
            : t('audit.empty.page', 'No more entries.')
        }
      />
    );
  }

  return (
    <Box aria-busy={isLoading}>
      <Table colCount={COLUMNS} rowCount={page.data.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">
                {t('history.when', 'When ({zone})', { zone: browserTimeZone() })}
              </Typography>
            </Th>
            {[
              ['audit.column.action', 'Action'],
              ['audit.column.user', 'User'],
              ['audit.column.subject', 'Subject'],
              ['audit.column.changes', 'What changed'],
              ['audit.column.reason', 'Reason'],
            ].map(([id, text]) => (
              <Th key={id}>
                <Typography variant="sigma">{t(id, text)}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {page.data.map((entry) => (
            <Tr key={entry.id}>
              <Td>
                {/* Date above time: the narrow column leaves room for what changed and why. */}
                <Flex direction="column" alignItems="flex-start">
                  <Typography>{dates.day(entry.at)}</Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {dates.time(entry.at)}
                  </Typography>
                </Flex>
              </Td>
              <Td>
                <Badge>{t(...ACTION_LABELS[entry.action])}</Badge>
              </Td>
              <Td>
                <Typography>
                  {entry.user
                    ? (entry.user.email ?? `#${entry.user.id}`)
                    : t('history.system', 'System')}
                </Typography>
              </Td>
              <Td>
                <Typography style={WRAPS}>{subjectText(entry.subject) ?? '—'}</Typography>
              </Td>
              <Td>
                {changeLines(
                  entry.changes,
                  entry.action === 'settings.update' ? flagText : valueText
                ).map((line) => (
                  <Typography as="p" key={line} style={WRAPS}>
                    {line}
                  </Typography>
                ))}
              </Td>
              <Td>
                <Typography style={WRAPS}>{entry.reason ?? '—'}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <CursorPager
        status={t('audit.page', 'Page {page}', { page: pageIndex + 1 })}
        pageIndex={pageIndex}
        hasNext={Boolean(page.pagination.nextCursor)}
        isLoading={isLoading}
        onNext={onNext}
        onPrevious={onPrevious}
      />
    </Box>
  );
};
