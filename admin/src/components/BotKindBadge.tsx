import { Badge } from '@strapi/design-system';

import type { BotKind } from '../api/types';
import { useT } from '../hooks/useT';

const LABELS = {
  long: {
    INTELLIGENT_ROBOT: ['kind.robot', 'Intelligent robot'],
    COMMON_IVR: ['kind.ivr', 'Common IVR'],
  },
  // The results table is seven columns wide: the short label keeps it within a laptop screen.
  short: {
    INTELLIGENT_ROBOT: ['kind.robot.short', 'Robot'],
    COMMON_IVR: ['kind.ivr.short', 'IVR'],
  },
} as const;

interface BotKindBadgeProps {
  kind: BotKind | null | undefined;
  short?: boolean;
}

export const BotKindBadge = ({ kind, short = false }: BotKindBadgeProps) => {
  const t = useT();
  if (!kind) return <Badge>—</Badge>;
  const [id, defaultMessage] = LABELS[short ? 'short' : 'long'][kind];
  return <Badge>{t(id, defaultMessage)}</Badge>;
};
