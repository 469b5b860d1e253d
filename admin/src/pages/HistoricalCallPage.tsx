import {
  Box,
  Button,
  Flex,
  Grid,
  GridItem,
  Tab,
  TabGroup,
  TabPanel,
  TabPanels,
  Tabs,
  Typography,
} from '@strapi/design-system';
import { useNotification, useRBAC } from '@strapi/helper-plugin';
import { Download } from '@strapi/icons';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import type { SearchFilters } from '../api/types';
import { CallDetailsModal } from '../components/CallDetailsModal';
import { CallsChart } from '../components/CallsChart';
import { PageLayout, PermissionGate, TRAILS } from '../components/PageLayout';
import { ResultsTable } from '../components/ResultsTable';
import { SearchForm } from '../components/SearchForm';
import { useBots } from '../hooks/useBots';
import { useCallStats, useCalls, useExportCalls } from '../hooks/useCalls';
import { useSearchFilters } from '../hooks/useSearchFilters';
import { ACTION_PERMISSIONS, PAGE_PERMISSIONS, PERMISSIONS } from '../permissions';
import { toApiError } from '../utils/apiError';
import { getTrad } from '../utils/getTrad';

const BOTS_READ = { readBots: PERMISSIONS.botsRead };

/** The Call History tab: search form, chart, results with cursor paging, export, details. */
const CallHistoryTab = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTrad(id), defaultMessage });
  const toggleNotification = useNotification();
  const { allowedActions } = useRBAC(ACTION_PERMISSIONS.calls);
  const { allowedActions: botAccess } = useRBAC(BOTS_READ);
  const { filters, setFilters, openCallId, openCall } = useSearchFilters();
  // Cursor stack: cursors[i] fetches page i; reset whenever the filters change.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const filterKey = JSON.stringify(filters);
  useEffect(() => setCursors([null]), [filterKey]);
  const pageIndex = cursors.length - 1;

  const calls = useCalls(filters, cursors[pageIndex] ?? null);
  const stats = useCallStats(filters);
  const bots = useBots({ enabled: Boolean(botAccess.canReadBots) });
  const exportCalls = useExportCalls();
  const [exporting, setExporting] = useState(false);

  const search = (next: SearchFilters) => {
    if (JSON.stringify(next) === filterKey) {
      // Same criteria: the refresh icon fetches again from the first page.
      setCursors([null]);
      void calls.refetch();
      void stats.refetch();
    } else {
      setFilters(next);
    }
  };

  const runExport = async () => {
    setExporting(true);
    try {
      await exportCalls(filters);
    } catch (error) {
      toggleNotification({ type: 'warning', message: toApiError(error).message });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <SearchForm key={filterKey} initial={filters} bots={bots.data ?? []} onSearch={search} />
      <Grid gap={4}>
        <GridItem col={8} s={12}>
          <CallsChart stats={stats.data} />
        </GridItem>
        <GridItem col={4} s={12}>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} height="100%">
            <Flex direction="column" alignItems="flex-start" gap={3}>
              <Typography variant="sigma" textColor="neutral600">
                {t('chart.byAccessCode', 'Calls per access code')}
              </Typography>
              {(stats.data?.perAccessCode ?? []).slice(0, 5).map((row) => (
                <Flex key={row.accessCode} justifyContent="space-between" width="100%">
                  <Typography>{row.accessCode}</Typography>
                  <Typography fontWeight="bold">{row.count}</Typography>
                </Flex>
              ))}
              {allowedActions.canExport && (
                <Button
                  variant="secondary"
                  startIcon={<Download />}
                  loading={exporting}
                  onClick={runExport}
                >
                  {t('export.button', 'Export CSV')}
                </Button>
              )}
            </Flex>
          </Box>
        </GridItem>
      </Grid>
      <ResultsTable
        page={calls.data}
        isLoading={calls.isFetching}
        error={calls.error ? toApiError(calls.error).message : null}
        pageIndex={pageIndex}
        canOpenDetails={Boolean(allowedActions.canDetails)}
        onOpen={openCall}
        onNext={() => {
          const next = calls.data?.pagination.nextCursor;
          if (next) setCursors((stack) => [...stack, next]);
        }}
        onPrevious={() => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack))}
      />
      {openCallId && allowedActions.canDetails && (
        <CallDetailsModal callId={openCallId} onClose={() => openCall(null)} />
      )}
    </Flex>
  );
};

export const HistoricalCallPage = () => {
  const { formatMessage } = useIntl();
  const title = formatMessage({
    id: getTrad('page.historicalCall'),
    defaultMessage: 'Historical Call',
  });
  return (
    <PermissionGate
      permissions={PAGE_PERMISSIONS.callHistory}
      title={title}
      trail={TRAILS.callHistory}
    >
      <PageLayout
        title={title}
        subtitle={formatMessage({
          id: getTrad('page.historicalCall.subtitle'),
          defaultMessage: 'Calls kept by the recording flags, with their flow details.',
        })}
        trail={TRAILS.callHistory}
      >
        <TabGroup
          label={formatMessage({ id: getTrad('tabs.label'), defaultMessage: 'Historical Call' })}
          id="historical-call-tabs"
          variant="simple"
        >
          <Tabs>
            <Tab>
              {formatMessage({ id: getTrad('tab.callHistory'), defaultMessage: 'Call History' })}
            </Tab>
          </Tabs>
          <TabPanels>
            <TabPanel>
              <Box paddingTop={4}>
                <CallHistoryTab />
              </Box>
            </TabPanel>
          </TabPanels>
        </TabGroup>
      </PageLayout>
    </PermissionGate>
  );
};
