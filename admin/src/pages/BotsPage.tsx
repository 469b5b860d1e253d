import {
  Button,
  EmptyStateLayout,
  Flex,
  IconButton,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { AnErrorOccurred, useRBAC } from '@strapi/helper-plugin';
import { Pencil, Plus, Trash } from '@strapi/icons';
import { useState } from 'react';

import type { Bot, BotKind } from '../api/types';
import { BotFormModal } from '../components/BotFormModal';
import { DeleteBotDialog } from '../components/DeleteBotDialog';
import { PageLayout, PermissionGate, TRAILS } from '../components/PageLayout';
import { RecordingState } from '../components/RecordingState';
import { useBots } from '../hooks/useBots';
import { useT } from '../hooks/useT';
import { ACTION_PERMISSIONS, PAGE_PERMISSIONS } from '../permissions';

/** Intelligent Robots or IVR Flows: the list with effective recording state, create and edit. */
export const BotsPage = ({ kind }: { kind: BotKind }) => {
  const t = useT();
  const robot = kind === 'INTELLIGENT_ROBOT';
  const title = robot ? t('page.robots', 'Intelligent Robots') : t('page.ivrFlows', 'IVR Flows');
  const trail = robot ? TRAILS.robots : TRAILS.ivrFlows;
  const { allowedActions } = useRBAC(ACTION_PERMISSIONS.bots);
  const bots = useBots();
  const [editing, setEditing] = useState<Bot | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Bot | null>(null);
  const rows = (bots.data ?? []).filter((bot) => bot.kind === kind);

  return (
    <PermissionGate permissions={PAGE_PERMISSIONS.bots} title={title} trail={trail}>
      <PageLayout
        title={title}
        subtitle={
          robot
            ? t('page.robots.subtitle', 'Chatbots and their recording switches.')
            : t('page.ivrFlows.subtitle', 'Common IVR flows and their recording switches.')
        }
        trail={trail}
        primaryAction={
          allowedActions.canUpdate && (
            <Button startIcon={<Plus />} onClick={() => setEditing('new')}>
              {robot ? t('bots.create.robot', 'New robot') : t('bots.create.ivr', 'New IVR flow')}
            </Button>
          )
        }
      >
        {bots.isLoading ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('bots.loading', 'Loading…')}</Loader>
          </Flex>
        ) : bots.error ? (
          <AnErrorOccurred />
        ) : rows.length === 0 ? (
          <EmptyStateLayout
            content={
              robot
                ? t('bots.empty.robot', 'No intelligent robot yet.')
                : t('bots.empty.ivr', 'No IVR flow yet.')
            }
          />
        ) : (
          <Table colCount={5} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('bots.name', 'Name')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('bots.accessCode', 'Access code')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('bots.description', 'Description')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('bots.state', 'Effective recording')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('results.actions', 'Actions')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((bot) => (
                <Tr key={bot.id}>
                  <Td>
                    <Typography fontWeight="semiBold">{bot.name}</Typography>
                  </Td>
                  <Td>
                    <Typography>{bot.accessCode}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral600">{bot.description ?? ''}</Typography>
                  </Td>
                  <Td>
                    <RecordingState bot={bot} />
                  </Td>
                  <Td>
                    {allowedActions.canUpdate && (
                      <Flex gap={1}>
                        <IconButton
                          label={`${t('bots.edit', 'Edit')} ${bot.name}`}
                          icon={<Pencil />}
                          noBorder
                          onClick={() => setEditing(bot)}
                        />
                        <IconButton
                          label={`${t('bots.delete', 'Delete')} ${bot.name}`}
                          icon={<Trash />}
                          noBorder
                          onClick={() => setDeleting(bot)}
                        />
                      </Flex>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {deleting && <DeleteBotDialog bot={deleting} onClose={() => setDeleting(null)} />}
        {editing && (
          <BotFormModal
            kind={kind}
            bot={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
          />
        )}
      </PageLayout>
    </PermissionGate>
  );
};
