import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { BotKind } from '../api/types';
import { getTrad } from '../utils/getTrad';

export const BotKindBadge = ({ kind }: { kind: BotKind | null | undefined }) => {
  const { formatMessage } = useIntl();
  if (!kind) return <Badge>—</Badge>;
  return (
    <Badge>
      {kind === 'INTELLIGENT_ROBOT'
        ? formatMessage({ id: getTrad('kind.robot'), defaultMessage: 'Intelligent robot' })
        : formatMessage({ id: getTrad('kind.ivr'), defaultMessage: 'Common IVR' })}
    </Badge>
  );
};
