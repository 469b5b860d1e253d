import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  Flex,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useState, type ReactElement, type ReactNode } from 'react';

import { useApiError } from '../hooks/useApiError';
import { useT } from '../hooks/useT';

/** The server's bound on every reason it audits (a hold, a release, a reveal, a deletion). */
export const MAX_REASON_LENGTH = 1000;

interface ReasonDialogProps {
  title: string;
  /** What confirming does, in a sentence or two. */
  body: ReactNode;
  confirmLabel: string;
  /** The dialog's and the confirm button's icon: what is done (a lock for a hold, an eye…). */
  icon: ReactElement;
  /** What to say when no reason is given: why this one is needed. */
  requiredMessage: string;
  /** Sends the reason; a rejected promise keeps the dialog open with the server's message. */
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
  danger?: boolean;
}

/**
 * Asks for the reason of an audited action (required: it goes into the audit entry the server
 * writes) and confirms it. A refusal from the server shows on the reason, or as its message.
 */
export const ReasonDialog = ({
  title,
  body,
  confirmLabel,
  icon,
  requiredMessage,
  onConfirm,
  onClose,
  danger = false,
}: ReasonDialogProps) => {
  const t = useT();
  const readError = useApiError();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  const confirm = async () => {
    const trimmed = reason.trim();
    if (trimmed === '') {
      setError(requiredMessage);
      return;
    }
    if (trimmed.length > MAX_REASON_LENGTH) {
      setError(t('reason.tooLong', 'At most {max} characters.', { max: MAX_REASON_LENGTH }));
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
      <DialogBody icon={icon}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography>{body}</Typography>
          <Textarea
            name="reason"
            label={t('reason.label', 'Reason')}
            hint={t('reason.hint', 'Kept in the audit log with your name and the time.')}
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
            {t('reason.cancel', 'Cancel')}
          </Button>
        }
        endAction={
          <Button
            variant={danger ? 'danger-light' : 'default'}
            startIcon={icon}
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
