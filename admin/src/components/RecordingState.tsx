import { Flex, Status, Typography } from '@strapi/design-system';

import type { Bot, DecidedBy } from '../api/types';
import { useT } from '../hooks/useT';

/** "Recording: on — by tenant flag" and the same for flow details, from the bots route. */
export const RecordingState = ({ bot }: { bot: Bot }) => {
  const t = useT();
  const by = (decidedBy: DecidedBy) =>
    decidedBy === 'bot-switch'
      ? bot.kind === 'INTELLIGENT_ROBOT'
        ? t('state.by.robotSwitch', "by this robot's switch")
        : t('state.by.ivrSwitch', "by this IVR flow's switch")
      : t('state.by.tenantFlag', 'by tenant flag');
  const on = t('state.on', 'on');
  const off = t('state.off', 'off');
  const { effective } = bot;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Status variant={effective.call ? 'success' : 'neutral'} size="S" showBullet={false}>
        <Typography variant="pi">
          {t('state.recording', 'Recording: {value} — {by}', {
            value: effective.call ? on : off,
            by: by(effective.callDecidedBy),
          })}
        </Typography>
      </Status>
      <Typography variant="pi" textColor="neutral600">
        {effective.call
          ? t('state.flow', 'Flow details: {value} — {by}', {
              value: effective.flow ? on : off,
              by: by(effective.flowDecidedBy),
            })
          : t('state.flow.moot', 'Flow details: off — calls are not recorded')}
      </Typography>
    </Flex>
  );
};
