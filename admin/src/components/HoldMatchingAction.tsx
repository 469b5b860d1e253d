import { Button } from '@strapi/design-system';
import { useNotification } from '@strapi/helper-plugin';
import { Lock } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';

import type { SearchFilters, SearchPage } from '../api/types';
import { useHoldMatching } from '../hooks/useCallHolds';
import { useT } from '../hooks/useT';

import { ReasonDialog } from './ReasonDialog';

/**
 * Call History's "Hold all matching" (calls.hold): asks for a reason, says how many calls the
 * search matches (its capped total: "more than 10,000" past the cap), and holds them all on the
 * server, which reads the same filters in batches.
 */
export const HoldMatchingAction = ({
  filters,
  page,
}: {
  filters: SearchFilters;
  page: SearchPage | undefined;
}) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const toggleNotification = useNotification();
  const holdMatching = useHoldMatching();
  const [asking, setAsking] = useState(false);
  const total = page?.pagination.total ?? 0;
  const capped = page?.pagination.totalIsCapped ?? false;

  return (
    <>
      <Button
        variant="secondary"
        startIcon={<Lock />}
        disabled={!page || total === 0}
        onClick={() => setAsking(true)}
      >
        {t('hold.matching', 'Hold all matching')}
      </Button>
      {asking && (
        <ReasonDialog
          icon={<Lock />}
          requiredMessage={t('hold.reason.required', 'Give a reason: it is kept in the audit log.')}
          title={t('hold.matching.title', 'Place a legal hold on every matching call?')}
          body={
            capped
              ? t(
                  'hold.matching.bodyCapped',
                  'More than {count} calls match this search: every one of them will be held. A held call is never deleted by the retention purge or an erasure until its hold is released.',
                  { count: formatNumber(total) }
                )
              : t(
                  'hold.matching.body',
                  '{count, plural, one {# call matches} other {# calls match}} this search: {count, plural, one {it} other {each}} will be held. A held call is never deleted by the retention purge or an erasure until its hold is released.',
                  { count: total }
                )
          }
          confirmLabel={t('hold.matching.confirm', 'Hold all matching')}
          onConfirm={async (reason) => {
            const result = await holdMatching.mutateAsync({ filters, reason });
            toggleNotification({
              type: 'success',
              message: t(
                'hold.matching.done',
                '{held, plural, one {# call} other {# calls}} held; {alreadyHeld} already held.',
                { held: result.held, alreadyHeld: result.alreadyHeld }
              ),
            });
          }}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
};
