import {
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

import { FLAG_NAMES, type FlagValue, type SettingsChange } from '../api/types';
import { useDateFormat } from '../hooks/useDateFormat';
import { useT } from '../hooks/useT';
import { browserTimeZone } from '../utils/time';

import { VALUE_TEXT } from './SettingsForm';

/**
 * The settings audit trail: who, when, old → new; newest first as the route gives it. Until the
 * history arrives it says it is loading (an empty list would claim nothing ever changed).
 */
export const SettingsHistory = ({
  entries,
  error,
}: {
  entries: SettingsChange[] | undefined;
  error: string | null;
}) => {
  const dates = useDateFormat();
  const t = useT();
  const value = (v: FlagValue | null) => (v ? t(...VALUE_TEXT[v]) : '—');
  const days = (d: number | null) =>
    d === null
      ? t('retention.forever', 'Keep forever')
      : t('retention.days', '{days} days', { days: d });
  return (
    <Box>
      <Box paddingBottom={4}>
        <Typography variant="beta" as="h2">
          {t('history.title', 'Change history')}
        </Typography>
      </Box>
      {error ? (
        <Typography as="p" textColor="danger600" role="alert">
          {t('history.error', 'The change history could not be loaded: {reason}', {
            reason: error,
          })}
        </Typography>
      ) : !entries ? (
        <Flex justifyContent="center" padding={6}>
          <Loader>{t('history.loading', 'Loading the change history…')}</Loader>
        </Flex>
      ) : entries.length === 0 ? (
        <EmptyStateLayout content={t('history.empty', 'The flags have not been changed yet.')} />
      ) : (
        <Table colCount={3} rowCount={entries.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">
                  {t('history.when', 'When ({zone})', { zone: browserTimeZone() })}
                </Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('history.who', 'Who')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('history.changes', 'Changes')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {entries.map((entry, index) => (
              <Tr key={`${entry.at}-${index}`}>
                <Td>
                  <Typography>{dates.dateTime(entry.at)}</Typography>
                </Td>
                <Td>
                  <Typography>{entry.user?.email ?? t('history.system', 'System')}</Typography>
                </Td>
                <Td>
                  {entry.changes.retentionDays && (
                    <Typography as="p">
                      {`${t('retention.title', 'Retention period')}: ${days(
                        entry.changes.retentionDays.from
                      )} → ${days(entry.changes.retentionDays.to)}`}
                    </Typography>
                  )}
                  {FLAG_NAMES.filter((name) => entry.changes[name]).map((name) => (
                    <Typography as="p" key={name}>
                      {`${name}: ${value(entry.changes[name]?.from ?? null)} → ${value(
                        entry.changes[name]?.to ?? null
                      )}`}
                    </Typography>
                  ))}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
};
