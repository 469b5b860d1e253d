import { Alert, Box, Button, Flex, Radio, RadioGroup, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useState } from 'react';

import { FLAG_NAMES, FLAG_VALUES, type FlagName, type Flags, type FlagValue } from '../api/types';
import { useT } from '../hooks/useT';

import { ConfirmDialog } from './ConfirmDialog';

export const FLAG_TEXT: Record<FlagName, { title: [string, string]; help: [string, string] }> = {
  CHATRECORDFLAG: {
    title: ['flag.CHATRECORDFLAG', 'Historical call records (CHATRECORDFLAG)'],
    help: [
      'flag.CHATRECORDFLAG.help',
      'Whether calls of intelligent robots and common IVRs are kept in the call history at all.',
    ],
  },
  FLOWRECORDFLAG: {
    title: ['flag.FLOWRECORDFLAG', 'Robot flow details (FLOWRECORDFLAG)'],
    help: [
      'flag.FLOWRECORDFLAG.help',
      'Whether the flow call details of intelligent robot calls are kept.',
    ],
  },
  CCIVRRECORDFLAG: {
    title: ['flag.CCIVRRECORDFLAG', 'IVR flow details (CCIVRRECORDFLAG)'],
    help: [
      'flag.CCIVRRECORDFLAG.help',
      'Whether the flow call details of common IVR calls are kept.',
    ],
  },
};

export const VALUE_TEXT: Record<FlagValue, [string, string]> = {
  ON: ['flag.value.ON', 'On'],
  OFF: ['flag.value.OFF', 'Off'],
  BOT_LEVEL: ['flag.value.BOT_LEVEL', 'Bot-level control'],
};

interface SettingsFormProps {
  flags: Flags;
  canUpdate: boolean;
  isSaving: boolean;
  /** Called with the changed flags only, after the user confirmed. */
  onSave: (patch: Partial<Flags>) => void;
}

/** The three tenant flags as On / Off / Bot-level control; saving asks for confirmation. */
export const SettingsForm = ({ flags, canUpdate, isSaving, onSave }: SettingsFormProps) => {
  const t = useT();
  const [draft, setDraft] = useState<Flags>(flags);
  const [confirming, setConfirming] = useState(false);
  const changed = FLAG_NAMES.filter((name) => draft[name] !== flags[name]);
  const value = (v: FlagValue) => t(...VALUE_TEXT[v]);

  return (
    <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={6}>
        {!canUpdate && (
          <Alert
            closeLabel={t('settings.readOnly.close', 'Close')}
            title={t('settings.readOnly.title', 'Read-only')}
          >
            {t(
              'settings.readOnly',
              'You can read these settings; changing them needs the "Update system settings" permission.'
            )}
          </Alert>
        )}
        {FLAG_NAMES.map((name) => {
          const labelId = `flag-${name}`;
          return (
            <Flex key={name} direction="column" alignItems="stretch" gap={2}>
              <Typography variant="delta" as="h3" id={labelId}>
                {t(...FLAG_TEXT[name].title)}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {t(...FLAG_TEXT[name].help)}
              </Typography>
              <RadioGroup
                labelledBy={labelId}
                name={name}
                value={draft[name]}
                onChange={(event) =>
                  setDraft((current) => ({ ...current, [name]: event.target.value as FlagValue }))
                }
              >
                <Flex gap={6}>
                  {FLAG_VALUES.map((v) => (
                    <Radio key={v} value={v} disabled={!canUpdate}>
                      {value(v)}
                    </Radio>
                  ))}
                </Flex>
              </RadioGroup>
            </Flex>
          );
        })}
        {canUpdate && (
          <Flex justifyContent="flex-end" gap={2}>
            <Button
              variant="tertiary"
              disabled={changed.length === 0 || isSaving}
              onClick={() => setDraft(flags)}
            >
              {t('settings.reset', 'Reset')}
            </Button>
            <Button
              startIcon={<Check />}
              disabled={changed.length === 0}
              loading={isSaving}
              onClick={() => setConfirming(true)}
            >
              {t('settings.save', 'Save')}
            </Button>
          </Flex>
        )}
      </Flex>
      <ConfirmDialog
        title={t('settings.confirm.title', 'Confirm the new recording settings')}
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onSave(Object.fromEntries(changed.map((name) => [name, draft[name]])));
        }}
      >
        <Typography>
          {t(
            'settings.confirm.body',
            'New calls will be recorded by these values; calls already stored keep theirs.'
          )}
        </Typography>
        {changed.map((name) => (
          <Typography key={name} fontWeight="semiBold">
            {`${name}: ${value(flags[name])} → ${value(draft[name])}`}
          </Typography>
        ))}
      </ConfirmDialog>
    </Box>
  );
};
