import { Alert, Box, Button, Flex, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/helper-plugin';
import { Search, Trash } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';

import type { ErasurePreview, ErasureResult } from '../api/types';
import { useApiError } from '../hooks/useApiError';
import { useErase, useErasurePreview } from '../hooks/useRetention';
import { useT } from '../hooks/useT';

import { ConfirmDialog } from './ConfirmDialog';

const NUMBER = /^\+?[0-9]{1,31}$/;

/**
 * Erasure by number for a data-subject request: enter the number, see how many calls match
 * (held calls apart: never erased), give a reason, confirm. The number is sent in POST bodies
 * only; the audit keeps a keyed hash of it.
 */
export const ErasureForm = () => {
  const t = useT();
  const readError = useApiError();
  const { formatNumber } = useIntl();
  const toggleNotification = useNotification();
  const preview = useErasurePreview();
  const erase = useErase();
  const [callingNumber, setCallingNumber] = useState('');
  const [reason, setReason] = useState('');
  const [counted, setCounted] = useState<{ number: string; counts: ErasurePreview } | null>(null);
  const [result, setResult] = useState<ErasureResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const number = callingNumber.trim();
  // Counts belong to the number they were taken for: editing it asks for new ones.
  const counts = counted && counted.number === number ? counted.counts : null;

  const fail = (error: unknown) => {
    const problem = readError(error);
    setErrors(problem.fieldErrors);
    if (Object.keys(problem.fieldErrors).length === 0) {
      toggleNotification({ type: 'warning', message: problem.message });
    }
  };

  const count = () => {
    setResult(null);
    if (!NUMBER.test(number)) {
      setErrors({
        callingNumber: t(
          'erasure.number.invalid',
          'The whole number: digits with an optional leading +, no wildcard.'
        ),
      });
      return;
    }
    setErrors({});
    preview.mutate(number, {
      onSuccess: (data) => setCounted({ number, counts: data }),
      onError: fail,
    });
  };

  const askConfirmation = () => {
    if (!reason.trim()) {
      setErrors({ reason: t('erasure.reason.required', 'Say why: it is kept in the audit log.') });
      return;
    }
    setErrors({});
    setConfirming(true);
  };

  const confirm = () => {
    setConfirming(false);
    erase.mutate(
      { callingNumber: number, reason: reason.trim() },
      {
        onSuccess: (data) => {
          setResult(data);
          setCounted(null);
          setCallingNumber('');
          setReason('');
          toggleNotification({
            type: 'success',
            message: t('erasure.done', '{erased} calls erased; {held} held calls kept.', {
              erased: data.erased,
              held: data.held,
            }),
          });
        },
        onError: fail,
      }
    );
  };

  return (
    <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={5}>
        <Typography textColor="neutral600">
          {t(
            'erasure.intro',
            'For a data-subject request: deletes every call of one calling number, on every database, in batches. Held calls are counted apart and never erased. The audit log keeps who, when, why and the counts, never the number.'
          )}
        </Typography>
        <Flex gap={4} alignItems="flex-end">
          <Box grow={1}>
            <TextInput
              name="callingNumber"
              label={t('erasure.number', 'Calling number')}
              hint={t(
                'erasure.number.hint',
                'The whole number, e.g. 8613800138000: its calls stored with or without the leading + are both matched.'
              )}
              value={callingNumber}
              error={errors.callingNumber}
              onChange={(event) => setCallingNumber(event.target.value)}
            />
          </Box>
          <Button
            variant="secondary"
            startIcon={<Search />}
            loading={preview.isLoading}
            disabled={number === ''}
            onClick={count}
          >
            {t('erasure.count', 'Count calls')}
          </Button>
        </Flex>
        {counts && (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Flex gap={8}>
              <Box>
                <Typography variant="sigma" textColor="neutral600" as="p">
                  {t('erasure.matching', 'Calls to erase')}
                </Typography>
                <Typography variant="alpha" as="p" data-testid="erasure-matching">
                  {formatNumber(counts.matching)}
                </Typography>
              </Box>
              <Box>
                <Typography variant="sigma" textColor="neutral600" as="p">
                  {t('erasure.held', 'Held calls (kept)')}
                </Typography>
                <Typography variant="alpha" as="p" data-testid="erasure-held">
                  {formatNumber(counts.held)}
                </Typography>
              </Box>
            </Flex>
            <Textarea
              name="reason"
              label={t('erasure.reason', 'Reason')}
              hint={t('erasure.reason.hint', 'E.g. the reference of the request. Required.')}
              required
              value={reason}
              error={errors.reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <Flex justifyContent="flex-end">
              <Button
                variant="danger"
                startIcon={<Trash />}
                disabled={counts.matching === 0}
                loading={erase.isLoading}
                onClick={askConfirmation}
              >
                {t('erasure.erase', 'Erase {count} calls', { count: counts.matching })}
              </Button>
            </Flex>
          </Flex>
        )}
        {result && (
          <Alert
            variant="success"
            closeLabel={t('erasure.close', 'Close')}
            title={t('erasure.result.title', 'Erased')}
            onClose={() => setResult(null)}
          >
            {t('erasure.done', '{erased} calls erased; {held} held calls kept.', {
              erased: result.erased,
              held: result.held,
            })}
          </Alert>
        )}
      </Flex>
      <ConfirmDialog
        title={t('erasure.confirm.title', 'Erase these calls?')}
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={confirm}
        confirmLabel={t('erasure.confirm.ok', 'Erase')}
        danger
      >
        <Typography>
          {t(
            'erasure.confirm.body',
            '{count} calls of this number will be deleted for good. Held calls ({held}) are kept.',
            { count: counts?.matching ?? 0, held: counts?.held ?? 0 }
          )}
        </Typography>
        <Typography fontWeight="semiBold">{number}</Typography>
      </ConfirmDialog>
    </Box>
  );
};
