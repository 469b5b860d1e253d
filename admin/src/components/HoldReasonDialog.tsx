import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  Flex,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { Lock } from '@strapi/icons';
import { useState, type ReactNode } from 'react';

import { useApiError } from '../hooks/useApiError';
import { useT } from '../hooks/useT';

/** The server's bound on a hold or release reason (server/src/domain/call-hold.ts). */
export const MAX_REASON_LENGTH = 1000;

interface HoldReasonDialogProps {
  title: string;
  /** What confirming does, in a sentence or two. */
  body: ReactNode;
  confirmLabel: string;
  /** Sends the reason; a rejected promise keeps the dialog open with the server's message. */
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
  danger?: boolean;
}

/**
 * Asks for the reason of a hold or a release (required: it goes into the audit trail) and
 * confirms. A refusal from the server shows on the field it names.
 */
export const HoldReasonDialog = ({
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
  danger = false,
}: HoldReasonDialogProps) => {
  const t = useT();
  const readError = useApiError();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  const confirm = async () => {
    const trimmed = reason.trim();
    if (trimmed === '') {
      setError(t('hold.reason.required', 'Give a reason: it is kept in the audit log.'));
      return;
    }
    if (trimmed.length > MAX_REASON_LENGTH) {
      setError(t('hold.reason.tooLong', 'At most {max} characters.', { max: MAX_REASON_LENGTH }));
      return;
    }
    setSending(true);
    try {
      await onConfirm(trimmed);
      onClose();
    } catch (failure) {
      const problem = readError(failure);
      setError(problem.fieldErrors.reason ?? problem.message);
      setSending(false);
    }
  };

  return (
    <Dialog onClose={onClose} title={title} isOpen>
      <DialogBody icon={<Lock />}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography>{body}</Typography>
          <Textarea
            name="reason"
            label={t('hold.reason', 'Reason')}
            hint={t('hold.reason.hint', 'Kept in the audit log with your name and the time.')}
            required
            value={reason}
            error={error}
            onChange={(event) => {
              setReason(event.target.value);
              setError(undefined);
            }}
          />
        </Flex>
      </DialogBody>
      <DialogFooter
        startAction={
          <Button variant="tertiary" onClick={onClose}>
            {t('hold.cancel', 'Cancel')}
          </Button>
        }
        endAction={
          <Button
            variant={danger ? 'danger-light' : 'default'}
            startIcon={<Lock />}
            loading={sending}
            onClick={confirm}
          >
            {confirmLabel}
          </Button>
        }
      />
    </Dialog>
  );
};
