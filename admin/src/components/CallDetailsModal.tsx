import {
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

import { useCall } from '../hooks/useCalls';
import { useT } from '../hooks/useT';
import { toApiError } from '../utils/apiError';
import { getTrad } from '../utils/getTrad';

import { CallDetails } from './CallDetails';
import { CallHoldPanel } from './CallHoldPanel';

export const CallDetailsModal = ({ callId, onClose }: { callId: string; onClose: () => void }) => {
  const t = useT();
  const { data, error, isLoading } = useCall(callId);
  const title = t('details.title', 'Call Details — {callId}', { callId });
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
            content={{ id: getTrad('details.error'), defaultMessage: toApiError(error).message }}
          />
        ) : null}
        {data && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <CallHoldPanel call={data} />
            <CallDetails call={data} />
          </Flex>
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
