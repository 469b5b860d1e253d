import {
  Badge,
  Button,
  Flex,
  Loader,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalLayout,
  Typography,
} from '@strapi/design-system';
import { AnErrorOccurred } from '@strapi/helper-plugin';
import { Eye } from '@strapi/icons';
import { useState } from 'react';

import type { CallNumbers } from '../api/types';
import { useApiError } from '../hooks/useApiError';
import { useCall, useRevealCall } from '../hooks/useCalls';
import { useT } from '../hooks/useT';
import { getTrad } from '../utils/getTrad';

import { CallDetails } from './CallDetails';
import { CallHoldPanel } from './CallHoldPanel';
import { ReasonDialog } from './ReasonDialog';

/**
 * Call Details in a modal. Numbers arrive masked; a user holding calls.reveal may reveal them
 * with a reason: the full numbers then replace the masked ones here only (no list re-fetch, no
 * cache: closing the modal forgets them).
 */
export const CallDetailsModal = ({
  callId,
  canReveal = false,
  onClose,
}: {
  callId: string;
  canReveal?: boolean;
  onClose: () => void;
}) => {
  const t = useT();
  const readError = useApiError();
  const { data, error, isLoading } = useCall(callId);
  const reveal = useRevealCall(callId);
  const [numbers, setNumbers] = useState<CallNumbers | null>(null);
  const [asking, setAsking] = useState(false);
  const title = t('details.title', 'Call Details — {callId}', { callId });
  const shown = data && numbers ? { ...data.call, ...numbers } : data?.call;
  const revealAction = numbers ? (
    <Badge textColor="primary700" backgroundColor="primary100">
      {t('reveal.shown', 'Full numbers (reveal audited)')}
    </Badge>
  ) : canReveal ? (
    <Button size="S" variant="secondary" startIcon={<Eye />} onClick={() => setAsking(true)}>
      {t('reveal.button', 'Reveal')}
    </Button>
  ) : null;
  return (
    <ModalLayout onClose={onClose} labelledBy="call-details-title">
      <ModalHeader>
        <Typography fontWeight="bold" textColor="neutral800" as="h2" id="call-details-title">
          {title}
        </Typography>
      </ModalHeader>
      <ModalBody>
        {isLoading && (
          <Flex justifyContent="center" padding={6}>
            <Loader>{t('details.loading', 'Loading…')}</Loader>
          </Flex>
        )}
        {error ? (
          <AnErrorOccurred
            content={{
              id: getTrad('details.error'),
              defaultMessage: 'Call Details could not be loaded: {reason}',
              values: { reason: readError(error).message },
            }}
          />
        ) : null}
        {shown && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <CallHoldPanel call={shown} />
            <CallDetails call={shown} labels={data?.labels} revealAction={revealAction} />
          </Flex>
        )}
        {/* Inside the modal's React tree: a click in the dialog is not "outside" the modal. */}
        {asking && (
          <ReasonDialog
            icon={<Eye />}
            requiredMessage={t('reveal.reason.required', 'Say why you need the full numbers.')}
            title={t('reveal.title', 'Reveal the full numbers?')}
            body={t(
              'reveal.description',
              'The calling number, the called number and any other phone number of this call will be shown in full. The reveal is recorded in the audit log.'
            )}
            confirmLabel={t('reveal.confirm', 'Reveal')}
            onConfirm={async (reason) => {
              setNumbers(await reveal.mutateAsync(reason));
              setAsking(false);
            }}
            onClose={() => setAsking(false)}
          />
        )}
      </ModalBody>
      <ModalFooter
        endActions={
          <Button variant="tertiary" onClick={onClose}>
            {t('details.close', 'Close')}
          </Button>
        }
      />
    </ModalLayout>
  );
};
