import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useNotification, useRBAC } from '@strapi/helper-plugin';
import { Lock } from '@strapi/icons';
import { useState } from 'react';

import type { CallRecord } from '../api/types';
import { useCallHold } from '../hooks/useCallHolds';
import { useDateFormat } from '../hooks/useDateFormat';
import { useT } from '../hooks/useT';
import { ACTION_PERMISSIONS } from '../permissions';

import { ReasonDialog } from './ReasonDialog';

/** The held marker of a call, with accessible text: search rows and Call Details share it. */
export const HeldBadge = () => {
  const t = useT();
  return (
    <Badge textColor="warning700" backgroundColor="warning100">
      <Flex gap={1} as="span">
        <Lock aria-hidden />
        {t('hold.badge', 'Held')}
      </Flex>
    </Badge>
  );
};

/**
 * Call Details' legal hold: whether the call is held, since when and why, for everyone who
 * opens it; placing or releasing the hold, each with a reason, for a user holding calls.hold.
 */
export const CallHoldPanel = ({ call }: { call: CallRecord }) => {
  const t = useT();
  const dates = useDateFormat();
  const toggleNotification = useNotification();
  const { allowedActions } = useRBAC(ACTION_PERMISSIONS.calls);
  const { hold, release } = useCallHold(call.callId);
  const [asking, setAsking] = useState<'hold' | 'release' | null>(null);
  const canHold = Boolean(allowedActions.canHold);
  if (!call.held && !canHold) return null;

  const done = (message: string) => toggleNotification({ type: 'success', message });

  return (
    <Box background={call.held ? 'warning100' : 'neutral100'} hasRadius padding={4}>
      <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
        {call.held ? (
          <Flex direction="column" alignItems="flex-start" gap={2}>
            <Flex gap={2}>
              <HeldBadge />
              {call.heldAt && (
                <Typography variant="pi" textColor="neutral700">
                  {t('hold.since', 'Under legal hold since {date}', {
                    date: dates.dateTime(call.heldAt),
                  })}
                </Typography>
              )}
            </Flex>
            <Typography textColor="neutral800" style={{ whiteSpace: 'pre-wrap' }}>
              {call.holdReason}
            </Typography>
          </Flex>
        ) : (
          <Typography textColor="neutral700">
            {t('hold.none', 'Not under legal hold: the retention purge may delete this call.')}
          </Typography>
        )}
        {canHold &&
          (call.held ? (
            <Button variant="tertiary" startIcon={<Lock />} onClick={() => setAsking('release')}>
              {t('hold.release', 'Release hold')}
            </Button>
          ) : (
            <Button variant="secondary" startIcon={<Lock />} onClick={() => setAsking('hold')}>
              {t('hold.place', 'Place legal hold')}
            </Button>
          ))}
      </Flex>
      {asking === 'hold' && (
        <ReasonDialog
          icon={<Lock />}
          requiredMessage={t('hold.reason.required', 'Give a reason: it is kept in the audit log.')}
          title={t('hold.place.title', 'Place a legal hold on {callId}?', { callId: call.callId })}
          body={t(
            'hold.place.body',
            'A held call is never deleted by the retention purge or an erasure until the hold is released.'
          )}
          confirmLabel={t('hold.place', 'Place legal hold')}
          onConfirm={async (reason) => {
            await hold.mutateAsync(reason);
            done(t('hold.placed', 'Legal hold placed.'));
          }}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'release' && (
        <ReasonDialog
          icon={<Lock />}
          requiredMessage={t('hold.reason.required', 'Give a reason: it is kept in the audit log.')}
          title={t('hold.release.title', 'Release the hold on {callId}?', { callId: call.callId })}
          body={t(
            'hold.release.body',
            'Once released, the call follows the retention period again and may be purged.'
          )}
          confirmLabel={t('hold.release', 'Release hold')}
          onConfirm={async (reason) => {
            await release.mutateAsync(reason);
            done(t('hold.released', 'Legal hold released.'));
          }}
          onClose={() => setAsking(null)}
          danger
        />
      )}
    </Box>
  );
};
