import { Button, Dialog, DialogBody, DialogFooter, Flex, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/helper-plugin';
import { ExclamationMarkCircle, Trash } from '@strapi/icons';

import type { Bot } from '../api/types';
import { useDeleteBot } from '../hooks/useBots';
import { useT } from '../hooks/useT';
import { getTrad } from '../utils/getTrad';

/**
 * Asks before deleting a robot or IVR flow, and says what happens to its calls: they stay, with
 * the access code and bot snapshot they were recorded with.
 */
export const DeleteBotDialog = ({ bot, onClose }: { bot: Bot; onClose: () => void }) => {
  const toggleNotification = useNotification();
  const remove = useDeleteBot();
  const t = useT();

  const confirm = () =>
    remove.mutate(bot, {
      onSuccess: () => {
        toggleNotification({
          type: 'success',
          message: { id: getTrad('bots.deleted'), defaultMessage: 'Robot or IVR flow deleted.' },
        });
        onClose();
      },
      onError: () => {
        toggleNotification({
          type: 'warning',
          message: {
            id: getTrad('bots.delete.failed'),
            defaultMessage: 'It could not be deleted. Try again.',
          },
        });
      },
    });

  return (
    <Dialog
      onClose={onClose}
      title={t('bots.delete.title', 'Delete {name}?', { name: bot.name })}
      isOpen
    >
      <DialogBody icon={<ExclamationMarkCircle />}>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography>
            {t(
              'bots.delete.body',
              'Access code {accessCode} will no longer belong to it: new calls with this code follow the tenant flags alone. Calls already stored stay, as they were recorded.',
              { accessCode: bot.accessCode }
            )}
          </Typography>
        </Flex>
      </DialogBody>
      <DialogFooter
        startAction={
          <Button variant="tertiary" onClick={onClose}>
            {t('bots.cancel', 'Cancel')}
          </Button>
        }
        endAction={
          <Button
            variant="danger"
            startIcon={<Trash />}
            onClick={confirm}
            loading={remove.isLoading}
          >
            {t('bots.delete', 'Delete')}
          </Button>
        }
      />
    </Dialog>
  );
};
