import { Flex } from '@strapi/design-system';
import { LoadingIndicatorPage, useNotification, useRBAC } from '@strapi/helper-plugin';

import type { TenantSettings } from '../api/types';
import { PageLayout, PermissionGate, TRAILS } from '../components/PageLayout';
import { RetentionForm } from '../components/RetentionForm';
import { RetentionPreviewTable } from '../components/RetentionPreviewTable';
import { SettingsForm } from '../components/SettingsForm';
import { SettingsHistory } from '../components/SettingsHistory';
import { useApiError } from '../hooks/useApiError';
import { useRetentionPreview } from '../hooks/useRetention';
import { useSettings, useSettingsHistory, useUpdateSettings } from '../hooks/useSettings';
import { useT } from '../hooks/useT';
import { ACTION_PERMISSIONS, PAGE_PERMISSIONS } from '../permissions';
import { getTrad } from '../utils/getTrad';

const SettingsContent = () => {
  const t = useT();
  const readError = useApiError();
  const toggleNotification = useNotification();
  const { allowedActions, isLoading: permissionsLoading } = useRBAC(ACTION_PERMISSIONS.settings);
  const settings = useSettings();
  const history = useSettingsHistory();
  const update = useUpdateSettings();
  const preview = useRetentionPreview();

  if (settings.isLoading || permissionsLoading) return <LoadingIndicatorPage />;

  const save = (patch: Partial<TenantSettings>) =>
    update.mutate(patch, {
      onSuccess: () =>
        toggleNotification({
          type: 'success',
          message:
            'retentionDays' in patch
              ? {
                  id: getTrad('retention.saved'),
                  defaultMessage: 'Retention period saved: the next purge run follows it.',
                }
              : {
                  id: getTrad('settings.saved'),
                  defaultMessage: 'Recording settings saved: new calls follow them from now on.',
                },
        }),
      onError: (error) =>
        toggleNotification({ type: 'warning', message: readError(error).message }),
    });

  return (
    <Flex direction="column" alignItems="stretch" gap={8}>
      {settings.data ? (
        <SettingsForm
          // Remount on new server values so the draft starts from what was saved.
          key={JSON.stringify(settings.data)}
          flags={settings.data}
          canUpdate={Boolean(allowedActions.canUpdate)}
          isSaving={update.isLoading}
          onSave={save}
        />
      ) : (
        t('settings.error', 'The settings could not be loaded.')
      )}
      {settings.data && (
        <RetentionForm
          key={`retention-${String(settings.data.retentionDays)}`}
          retentionDays={settings.data.retentionDays}
          canUpdate={Boolean(allowedActions.canUpdate)}
          isSaving={update.isLoading}
          onSave={(retentionDays) => save({ retentionDays })}
        />
      )}
      {preview.isError ? (
        t('retention.preview.error', 'The dry run could not be loaded.')
      ) : (
        <RetentionPreviewTable preview={preview.data} />
      )}
      <SettingsHistory
        entries={history.data}
        error={history.error ? readError(history.error).message : null}
      />
    </Flex>
  );
};

export const SystemSettingsPage = () => {
  const t = useT();
  const title = t('page.settings', 'System Settings');
  return (
    <PermissionGate permissions={PAGE_PERMISSIONS.settings} title={title} trail={TRAILS.settings}>
      <PageLayout
        title={title}
        subtitle={t(
          'page.settings.subtitle',
          'Tenant-wide recording flags and retention period for robot and IVR calls.'
        )}
        trail={TRAILS.settings}
      >
        <SettingsContent />
      </PageLayout>
    </PermissionGate>
  );
};
