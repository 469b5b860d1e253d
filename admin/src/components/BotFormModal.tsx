import {
  Button,
  Flex,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalLayout,
  Textarea,
  TextInput,
  ToggleInput,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/helper-plugin';
import { useState } from 'react';

import {
  RETENTION_DAYS_MAX,
  RETENTION_DAYS_MIN,
  type Bot,
  type BotInput,
  type BotKind,
} from '../api/types';
import { useApiError } from '../hooks/useApiError';
import { useSaveBot } from '../hooks/useBots';
import { useT } from '../hooks/useT';
import { getTrad } from '../utils/getTrad';
import { parseRetentionDays, retentionDaysText } from '../utils/retentionDays';

interface BotFormModalProps {
  kind: BotKind;
  /** The bot edited, or null to create one. */
  bot: Bot | null;
  onClose: () => void;
}

/** Create or edit a robot / IVR flow with its two recording switches. */
export const BotFormModal = ({ kind, bot, onClose }: BotFormModalProps) => {
  const t = useT();
  const readError = useApiError();
  const toggleNotification = useNotification();
  const save = useSaveBot(kind);
  const [input, setInput] = useState<BotInput>({
    name: bot?.name ?? '',
    accessCode: bot?.accessCode ?? '',
    description: bot?.description ?? '',
    historicalCallRecord: bot?.historicalCallRecord ?? true,
    flowCallRecording: bot?.flowCallRecording ?? true,
    retentionDays: bot?.retentionDays ?? null,
  });
  const [retentionText, setRetentionText] = useState(retentionDaysText(bot?.retentionDays));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof BotInput>(key: K, value: BotInput[K]) =>
    setInput((current) => ({ ...current, [key]: value }));

  const submit = () => {
    const missing: Record<string, string> = {};
    if (!input.name.trim()) missing.name = t('bots.error.name', 'Give it a name.');
    if (!input.accessCode.trim())
      missing.accessCode = t('bots.error.accessCode', 'Give it an access code.');
    const retentionDays = parseRetentionDays(retentionText);
    if (retentionDays === undefined)
      missing.retentionDays = t(
        'retention.invalid',
        'A whole number of days from {min} to {max}.',
        {
          min: RETENTION_DAYS_MIN,
          max: RETENTION_DAYS_MAX,
        }
      );
    setErrors(missing);
    if (Object.keys(missing).length > 0 || retentionDays === undefined) return;
    save.mutate(
      { id: bot?.id ?? null, input: { ...input, retentionDays } },
      {
        onSuccess: () => {
          toggleNotification({
            type: 'success',
            message: { id: getTrad('bots.saved'), defaultMessage: 'Robot or IVR flow saved.' },
          });
          onClose();
        },
        onError: (error) => {
          const problem = readError(error);
          setErrors(problem.fieldErrors);
          if (Object.keys(problem.fieldErrors).length === 0) {
            toggleNotification({ type: 'warning', message: problem.message });
          }
        },
      }
    );
  };

  const robot = kind === 'INTELLIGENT_ROBOT';
  const title = bot
    ? t(robot ? 'bots.edit.robot' : 'bots.edit.ivr', robot ? 'Edit robot' : 'Edit IVR flow')
    : t(robot ? 'bots.create.robot' : 'bots.create.ivr', robot ? 'New robot' : 'New IVR flow');

  return (
    <ModalLayout onClose={onClose} labelledBy="bot-form-title">
      <ModalHeader>
        <Typography fontWeight="bold" textColor="neutral800" as="h2" id="bot-form-title">
          {title}
        </Typography>
      </ModalHeader>
      <ModalBody>
        <Flex direction="column" alignItems="stretch" gap={5}>
          <TextInput
            name="name"
            label={t('bots.name', 'Name')}
            required
            value={input.name}
            error={errors.name}
            onChange={(event) => set('name', event.target.value)}
          />
          <TextInput
            name="accessCode"
            label={t('bots.accessCode', 'Access code')}
            hint={t('bots.accessCode.hint', 'Unique across robots and IVR flows')}
            required
            value={input.accessCode}
            error={errors.accessCode}
            onChange={(event) => set('accessCode', event.target.value)}
          />
          <Textarea
            name="description"
            label={t('bots.description', 'Description')}
            value={input.description ?? ''}
            error={errors.description}
            onChange={(event) => set('description', event.target.value)}
          />
          <ToggleInput
            name="historicalCallRecord"
            label={t('bots.historicalCallRecord', 'Historical call record')}
            hint={t(
              'bots.historicalCallRecord.hint',
              'Counts when CHATRECORDFLAG is Bot-level control.'
            )}
            onLabel={t('switch.on', 'On')}
            offLabel={t('switch.off', 'Off')}
            checked={input.historicalCallRecord}
            onChange={(event) => set('historicalCallRecord', event.target.checked)}
          />
          <ToggleInput
            name="flowCallRecording"
            label={t('bots.flowCallRecording', 'Flow call recording')}
            hint={
              robot
                ? t(
                    'bots.flowCallRecording.hint.robot',
                    'Counts when FLOWRECORDFLAG is Bot-level control.'
                  )
                : t(
                    'bots.flowCallRecording.hint.ivr',
                    'Counts when CCIVRRECORDFLAG is Bot-level control.'
                  )
            }
            onLabel={t('switch.on', 'On')}
            offLabel={t('switch.off', 'Off')}
            checked={input.flowCallRecording}
            onChange={(event) => set('flowCallRecording', event.target.checked)}
          />
          <TextInput
            name="retentionDays"
            label={t('bots.retentionDays', 'Keep its calls for (days)')}
            hint={t(
              'bots.retentionDays.hint',
              "Empty follows the tenant's retention period in System Settings."
            )}
            placeholder={t('bots.retentionDays.tenant', "Tenant's period")}
            value={retentionText}
            error={errors.retentionDays}
            onChange={(event) => setRetentionText(event.target.value)}
          />
        </Flex>
      </ModalBody>
      <ModalFooter
        startActions={
          <Button variant="tertiary" onClick={onClose}>
            {t('bots.cancel', 'Cancel')}
          </Button>
        }
        endActions={
          <Button loading={save.isLoading} onClick={submit}>
            {t('bots.save', 'Save')}
          </Button>
        }
      />
    </ModalLayout>
  );
};
