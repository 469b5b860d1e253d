import { Button, Dialog, DialogBody, DialogFooter, Flex } from '@strapi/design-system';
import { ExclamationMarkCircle } from '@strapi/icons';
import type { ReactNode } from 'react';

import { useT } from '../hooks/useT';

interface ConfirmDialogProps {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  onConfirm: () => void;
  /** Defaults to "Confirm". */
  confirmLabel?: string;
  danger?: boolean;
  children: ReactNode;
}

/** The design system's confirm Dialog as every page asks it: what will happen, Cancel, Confirm. */
export const ConfirmDialog = ({
  title,
  isOpen,
  onClose,
  onConfirm,
  confirmLabel,
  danger = false,
  children,
}: ConfirmDialogProps) => {
  const t = useT();
  return (
    <Dialog onClose={onClose} title={title} isOpen={isOpen}>
      <DialogBody icon={<ExclamationMarkCircle />}>
        <Flex direction="column" alignItems="stretch" gap={2}>
          {children}
        </Flex>
      </DialogBody>
      <DialogFooter
        startAction={
          <Button variant="tertiary" onClick={onClose}>
            {t('settings.confirm.cancel', 'Cancel')}
          </Button>
        }
        endAction={
          <Button variant={danger ? 'danger' : 'default'} onClick={onConfirm}>
            {confirmLabel ?? t('settings.confirm.ok', 'Confirm')}
          </Button>
        }
      />
    </Dialog>
  );
};
