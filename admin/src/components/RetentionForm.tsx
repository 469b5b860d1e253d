import { Box, Button, Flex, TextInput, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useState } from 'react';

import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '../api/types';
import { useT } from '../hooks/useT';
import { parseRetentionDays, retentionDaysText } from '../utils/retentionDays';

import { ConfirmDialog } from './ConfirmDialog';

interface RetentionFormProps {
  retentionDays: number | null;
  canUpdate: boolean;
  isSaving: boolean;
  onSave: (retentionDays: number | null) => void;
}

/**
 * The tenant's retention period. Saving asks for confirmation: a shorter period deletes calls
 * at the next purge run, which the dry run below shows.
 */
export const RetentionForm = ({
  retentionDays,
  canUpdate,
  isSaving,
  onSave,
}: RetentionFormProps) => {
  const t = useT();
  const [draft, setDraft] = useState(retentionDaysText(retentionDays));
  const [confirming, setConfirming] = useState(false);
  const parsed = parseRetentionDays(draft);
  const changed = parsed !== undefined && parsed !== retentionDays;
  const shown = (days: number | null) =>
    days === null
      ? t('retention.forever', 'Keep forever')
      : t('retention.days', '{days} days', { days });

  return (
    <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" as="h3">
          {t('retention.title', 'Retention period')}
        </Typography>
        <Flex gap={4} alignItems="flex-end">
          <Box grow={1}>
            <TextInput
              name="retentionDays"
              label={t('retention.label', 'Keep calls for (days)')}
              hint={t(
                'retention.hint',
                'Empty keeps calls forever. {min} to {max} days; a robot or IVR flow may set its own.',
                { min: RETENTION_DAYS_MIN, max: RETENTION_DAYS_MAX }
              )}
              placeholder={t('retention.forever', 'Keep forever')}
              disabled={!canUpdate}
              value={draft}
              error={
                parsed === undefined
                  ? t('retention.invalid', 'A whole number of days from {min} to {max}.', {
                      min: RETENTION_DAYS_MIN,
                      max: RETENTION_DAYS_MAX,
                    })
                  : undefined
              }
              onChange={(event) => setDraft(event.target.value)}
            />
          </Box>
          {canUpdate && (
            <Button
              startIcon={<Check />}
              disabled={!changed}
              loading={isSaving}
              onClick={() => setConfirming(true)}
            >
              {t('retention.save', 'Save period')}
            </Button>
          )}
        </Flex>
      </Flex>
      <ConfirmDialog
        title={t('retention.confirm.title', 'Change the retention period')}
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          if (parsed !== undefined) onSave(parsed);
        }}
      >
        <Typography>
          {t(
            'retention.confirm.body',
            'The next purge run deletes every call older than the period, except held calls. The dry run shows how many.'
          )}
        </Typography>
        {parsed !== undefined && (
          <Typography fontWeight="semiBold">{`${shown(retentionDays)} → ${shown(parsed)}`}</Typography>
        )}
      </ConfirmDialog>
    </Box>
  );
};
