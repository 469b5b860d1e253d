import { Button, Flex } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useState } from 'react';

import type { AuditFilters } from '../api/types';
import { AuditLogFilters, NO_AUDIT_FILTERS } from '../components/AuditLogFilters';
import { AuditLogTable } from '../components/AuditLogTable';
import { PageLayout, PermissionGate, TRAILS } from '../components/PageLayout';
import { useApiError } from '../hooks/useApiError';
import { useAuditLog, useExportAuditLog } from '../hooks/useAuditLog';
import { useCursorStack } from '../hooks/useCursorStack';
import { useDownload } from '../hooks/useDownload';
import { useT } from '../hooks/useT';
import { PAGE_PERMISSIONS } from '../permissions';

/** The filters, the table with its cursor paging, and the CSV of the same filters. */
const AuditLogContent = () => {
  const t = useT();
  const readError = useApiError();
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const filterKey = JSON.stringify(filters);
  // Keyed by the filters: new filters start again from the first page.
  const paging = useCursorStack(filterKey);
  const log = useAuditLog(filters, paging.cursor);
  const exportLog = useDownload(useExportAuditLog());

  const apply = (next: AuditFilters) => {
    if (JSON.stringify(next) === filterKey) {
      paging.reset();
      void log.refetch();
    } else {
      setFilters(next);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <AuditLogFilters key={filterKey} initial={filters} onApply={apply} />
      <Flex justifyContent="flex-end">
        <Button
          variant="secondary"
          startIcon={<Download />}
          loading={exportLog.busy}
          onClick={() => exportLog.start(filters)}
        >
          {t('export.button', 'Export CSV')}
        </Button>
      </Flex>
      <AuditLogTable
        page={log.data}
        isLoading={log.isFetching}
        error={log.error ? readError(log.error).message : null}
        pageIndex={paging.pageIndex}
        onNext={() => {
          const next = log.data?.pagination.nextCursor;
          if (next) paging.next(next);
        }}
        onPrevious={paging.previous}
      />
    </Flex>
  );
};

export const AuditLogPage = () => {
  const t = useT();
  const title = t('page.auditLog', 'Audit Log');
  return (
    <PermissionGate permissions={PAGE_PERMISSIONS.auditLog} title={title} trail={TRAILS.auditLog}>
      <PageLayout
        title={title}
        subtitle={t(
          'page.auditLog.subtitle',
          'Every audited change: settings, robots, reveals, holds, purges and erasures.'
        )}
        trail={TRAILS.auditLog}
      >
        <AuditLogContent />
      </PageLayout>
    </PermissionGate>
  );
};
