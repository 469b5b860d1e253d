import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  Flex,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { Eye } from '@strapi/icons';
import { useState } from 'react';

import { useApiError } from '../hooks/useApiError';
import { useT } from '../hooks/useT';

/** The server's bound on a reason (server/src/controllers/validation/reveal.ts). */
export const REVEAL_REASON_MAX = 1000;

export interface RevealReasonDialogProps {
  title: string;
  /** What the full numbers will show and that the reveal is audited. */
  description: string;
  confirmLabel: string;
  /** Runs the reveal; a rejection is shown in the dialog, which stays open. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

/**
 * Asks why the full numbers are needed before any reveal (Call Details, the CSV): the reason is
 * required and goes into the audit entry the server writes.
 */
export const RevealReasonDialog = ({
  title,
  description,
  confirmLabel,
  onConfirm,
  onClose,
}: RevealReasonDialogProps) => {
  const t = useT();
  const readError = useApiError();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    const trimmed = reason.trim();
    if (trimmed === '') {
      setError(t('reveal.reason.required', 'Say why you need the full numbers.'));
      return;
    }
    if (trimmed.length > REVEAL_REASON_MAX) {
      setError(t('reveal.reason.tooLong', 'At most {max} characters.', { max: REVEAL_REASON_MAX }));
      return;
    }
    setBusy(true);
    try {
      await onConfirm(trimmed);
    } catch (failure) {
      const problem = readError(failure);
      setError(problem.fieldErrors.reason ?? problem.message);
      setBusy(false);
    }
  };

  return (
    <Dialog onClose={onClose} title={title} isOpen>
      <DialogBody icon={<Eye />}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography>{description}</Typography>
          <Textarea
            name="reason"
            label={t('reveal.reason', 'Reason')}
            hint={t('reveal.reason.hint', 'Kept in the audit log with your name and the time.')}
            required
            value={reason}
            error={error ?? undefined}
            onChange={(event) => {
              setReason(event.target.value);
              setError(null);
            }}
          />
        </Flex>
      </DialogBody>
      <DialogFooter
        startAction={
          <Button variant="tertiary" onClick={onClose}>
            {t('reveal.cancel', 'Cancel')}
          </Button>
        }
        endAction={
          <Button startIcon={<Eye />} onClick={confirm} loading={busy}>
            {confirmLabel}
          </Button>
        }
      />
    </Dialog>
  );
};
