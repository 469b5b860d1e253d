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
import { useRBAC } from '@strapi/helper-plugin';
import { Download, Eye } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';

import type { CallStats, SearchFilters, SearchPage, SearchView } from '../api/types';
import { CallDetailsModal } from '../components/CallDetailsModal';
import { CallsChart } from '../components/CallsChart';
import { HoldMatchingAction } from '../components/HoldMatchingAction';
import { PageLayout, PermissionGate, TRAILS } from '../components/PageLayout';
import { ReasonDialog } from '../components/ReasonDialog';
import { ResultsTable } from '../components/ResultsTable';
import { SavedSearchesControl } from '../components/SavedSearchesControl';
import { SearchForm } from '../components/SearchForm';
import { SearchViewControls } from '../components/SearchViewControls';
import { StatsNotice } from '../components/StatsNotice';
import { useApiError } from '../hooks/useApiError';
import { useBots } from '../hooks/useBots';
import { useCallPage, useExportCalls } from '../hooks/useCalls';
import { useCursorStack } from '../hooks/useCursorStack';
import { useDownload } from '../hooks/useDownload';
import { useSearchFilters } from '../hooks/useSearchFilters';
import { useT } from '../hooks/useT';
import { ACTION_PERMISSIONS, PAGE_PERMISSIONS, PERMISSIONS } from '../permissions';

const BOTS_READ = { readBots: PERMISSIONS.botsRead };

/**
 * The search's page actions, in the page header: export (in the search's sort), export with full
 * numbers, hold all.
 */
const CallHistoryActions = ({
  filters,
  view,
  page,
}: {
  filters: SearchFilters;
  view: SearchView;
  page: SearchPage | undefined;
}) => {
  const t = useT();
  const { allowedActions } = useRBAC(ACTION_PERMISSIONS.calls);
  const exportCallsWithReason = useExportCalls();
  const exportCalls = useDownload((shown: SearchFilters) =>
    exportCallsWithReason(shown, view.sort)
  );
  const [askingExportReason, setAskingExportReason] = useState(false);
  const canExportFullNumbers = Boolean(allowedActions.canExport && allowedActions.canReveal);
  return (
    <Flex gap={2}>
      {allowedActions.canHold && <HoldMatchingAction filters={filters} page={page} />}
      {canExportFullNumbers && (
        <Button
          variant="tertiary"
          startIcon={<Eye />}
          disabled={exportCalls.busy}
          onClick={() => setAskingExportReason(true)}
        >
          {t('export.reveal.button', 'Export with full numbers')}
        </Button>
      )}
      {allowedActions.canExport && (
        <Button
          variant="default"
          startIcon={<Download />}
          loading={exportCalls.busy}
          onClick={() => exportCalls.start(filters)}
        >
          {t('export.button', 'Export CSV')}
        </Button>
      )}
      {askingExportReason && (
        <ReasonDialog
          icon={<Eye />}
          requiredMessage={t('reveal.reason.required', 'Say why you need the full numbers.')}
          title={t('export.reveal.title', 'Export with full numbers?')}
          body={t(
            'export.reveal.description',
            'The CSV will hold every number of the search in full. The export is recorded in the audit log with its filters and your reason.'
          )}
          confirmLabel={t('export.reveal.confirm', 'Export')}
          onConfirm={async (reason) => {
            // The dialog shows a refusal itself, next to the reason.
            await exportCallsWithReason(filters, view.sort, reason);
            setAskingExportReason(false);
          }}
          onClose={() => setAskingExportReason(false)}
        />
      )}
    </Flex>
  );
};

/** Calls per access code, the five busiest, or why the stats are missing or partial. */
const AccessCodeCounts = ({
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
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} height="100%">
      <Flex direction="column" alignItems="flex-start" gap={3}>
        <Typography variant="sigma" textColor="neutral600" as="h2">
          {t('chart.byAccessCode', 'Calls per access code')}
        </Typography>
        <StatsNotice stats={stats} error={error} cap={cap} />
        {!error &&
          (stats?.perAccessCode ?? []).slice(0, 5).map((row) => (
            <Flex key={row.accessCode} justifyContent="space-between" width="100%">
              <Typography>{row.accessCode}</Typography>
              <Typography fontWeight="bold">{formatNumber(row.count)}</Typography>
            </Flex>
          ))}
      </Flex>
    </Box>
  );
};

/**
 * The Historical Call page: the page actions in the header, then the Call History tab's search
 * form, chart, results with cursor paging and details.
 */
const CallHistoryView = () => {
  const t = useT();
  const readError = useApiError();
  const { allowedActions } = useRBAC(ACTION_PERMISSIONS.calls);
  const { allowedActions: botAccess } = useRBAC(BOTS_READ);
  const { filters, setFilters, view, setView, setSearch, openCallId, openCall } =
    useSearchFilters();
  const filterKey = JSON.stringify(filters);
  // A cursor belongs to its filters and its sort: either change starts again from page 1.
  const paging = useCursorStack(JSON.stringify([filters, view]));

  const {
    calls,
    stats,
    statsError: statsFailure,
    refresh,
  } = useCallPage(filters, view, paging.cursor);
  const bots = useBots({ enabled: Boolean(botAccess.canReadBots) });
  const statsError = statsFailure ? readError(statsFailure).message : null;
  // The search's total stops at the cap: when it does, that is the number of calls counted.
  const cap = calls.data?.pagination.totalIsCapped ? calls.data.pagination.total : null;

  const search = (next: SearchFilters) => {
    if (JSON.stringify(next) === filterKey) {
      // Same criteria: the refresh icon fetches again from the first page.
      paging.reset();
      refresh();
    } else {
      setFilters(next);
    }
  };

  const title = t('page.historicalCall', 'Historical Call');
  return (
    <PageLayout
      title={title}
      subtitle={t(
        'page.historicalCall.subtitle',
        'Calls kept by the recording flags, with their flow details.'
      )}
      trail={TRAILS.callHistory}
      primaryAction={<CallHistoryActions filters={filters} view={view} page={calls.data} />}
    >
      <TabGroup
        label={t('tabs.label', 'Historical Call')}
        id="historical-call-tabs"
        variant="simple"
      >
        <Tabs>
          <Tab>{t('tab.callHistory', 'Call History')}</Tab>
        </Tabs>
        <TabPanels>
          <TabPanel>
            <Box paddingTop={4}>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <SearchForm
                  key={filterKey}
                  initial={filters}
                  bots={bots.data ?? []}
                  onSearch={search}
                />
                <Grid gap={4}>
                  <GridItem col={8} s={12}>
                    <CallsChart stats={stats} error={statsError} cap={cap} />
                  </GridItem>
                  <GridItem col={4} s={12}>
                    <AccessCodeCounts stats={stats} error={statsError} cap={cap} />
                  </GridItem>
                </Grid>
                <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap">
                  <SavedSearchesControl filters={filters} view={view} onRun={setSearch} />
                  <SearchViewControls view={view} onChange={setView} />
                </Flex>
                <ResultsTable
                  page={calls.data}
                  isLoading={calls.isFetching}
                  error={calls.error ? readError(calls.error).message : null}
                  pageIndex={paging.pageIndex}
                  canOpenDetails={Boolean(allowedActions.canDetails)}
                  onOpen={openCall}
                  onNext={() => {
                    const next = calls.data?.pagination.nextCursor;
                    if (next) paging.next(next);
                  }}
                  onPrevious={paging.previous}
                />
              </Flex>
            </Box>
          </TabPanel>
        </TabPanels>
      </TabGroup>
      {openCallId && allowedActions.canDetails && (
        <CallDetailsModal
          callId={openCallId}
          canReveal={Boolean(allowedActions.canReveal)}
          onClose={() => openCall(null)}
        />
      )}
    </PageLayout>
  );
};

export const HistoricalCallPage = () => {
  const t = useT();
  const title = t('page.historicalCall', 'Historical Call');
  return (
    <PermissionGate
      permissions={PAGE_PERMISSIONS.callHistory}
      title={title}
      trail={TRAILS.callHistory}
    >
      <CallHistoryView />
    </PermissionGate>
  );
};
