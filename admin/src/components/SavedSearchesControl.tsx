import {
  Box,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  Flex,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/helper-plugin';
import { Plus, Trash } from '@strapi/icons';
import { useState } from 'react';

import type { SavedSearch, SearchFilters, SearchView } from '../api/types';
import { useDeleteSavedSearch, useSaveSearch, useSavedSearches } from '../hooks/useSavedSearches';
import { useT } from '../hooks/useT';
import { toApiError } from '../utils/apiError';
import { currentSavedSearch, fromSavedSearch, savedSearchBody } from '../utils/savedSearch';

import { ConfirmDialog } from './ConfirmDialog';

/** The server's bound on a saved search's name (server/src/domain/saved-search.ts). */
export const SAVED_SEARCH_NAME_MAX = 100;

interface SavedSearchesControlProps {
  filters: SearchFilters;
  view: SearchView;
  /** Runs a saved search: its filters, sort and page size become the page's. */
  onRun: (filters: SearchFilters, view: SearchView) => void;
}

interface SaveDialogProps {
  filters: SearchFilters;
  view: SearchView;
  onClose: () => void;
}

/** Names the current search and saves it; a refusal shows on the field the server names. */
const SaveSearchDialog = ({ filters, view, onClose }: SaveDialogProps) => {
  const t = useT();
  const save = useSaveSearch();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();

  const confirm = async () => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(t('savedSearches.name.required', 'Give the search a name.'));
      return;
    }
    if (trimmed.length > SAVED_SEARCH_NAME_MAX) {
      setError(
        t('savedSearches.name.tooLong', 'At most {max} characters.', {
          max: SAVED_SEARCH_NAME_MAX,
        })
      );
      return;
    }
    try {
      await save.mutateAsync({ name: trimmed, ...savedSearchBody(filters, view) });
      onClose();
    } catch (failure) {
      const problem = toApiError(failure);
      setError(problem.fieldErrors.name ?? problem.message);
    }
  };

  return (
    <Dialog onClose={onClose} title={t('savedSearches.save.title', 'Save this search')} isOpen>
      <DialogBody>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography>
            {t(
              'savedSearches.save.description',
              'Saves the period, the filters, the sort and the page size. Only you see your saved searches.'
            )}
          </Typography>
          <TextInput
            name="savedSearchName"
            label={t('savedSearches.name', 'Name')}
            required
            value={name}
            error={error}
            onChange={(event) => {
              setName(event.target.value);
              setError(undefined);
            }}
          />
        </Flex>
      </DialogBody>
      <DialogFooter
        startAction={
          <Button variant="tertiary" onClick={onClose}>
            {t('savedSearches.cancel', 'Cancel')}
          </Button>
        }
        endAction={
          <Button loading={save.isLoading} onClick={confirm}>
            {t('savedSearches.save.confirm', 'Save')}
          </Button>
        }
      />
    </Dialog>
  );
};

/**
 * The admin's own saved searches on the Call History page: choose one to run it, delete the one
 * shown, or save the current search under a name. Saved searches are never shared.
 */
export const SavedSearchesControl = ({ filters, view, onRun }: SavedSearchesControlProps) => {
  const t = useT();
  const toggleNotification = useNotification();
  const saved = useSavedSearches();
  const remove = useDeleteSavedSearch();
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedSearch | null>(null);
  const list = saved.data ?? [];
  const current = currentSavedSearch(list, filters, view);

  const run = (id: string | number) => {
    const chosen = list.find((entry) => String(entry.id) === String(id));
    if (!chosen) return;
    const { filters: next, view: nextView } = fromSavedSearch(chosen);
    onRun(next, nextView);
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting.id);
    } catch (failure) {
      toggleNotification({ type: 'warning', message: toApiError(failure).message });
    }
    setDeleting(null);
  };

  return (
    <Flex gap={2} alignItems="flex-end">
      <Box minWidth="16rem">
        <SingleSelect
          name="savedSearch"
          label={t('savedSearches.label', 'Saved searches')}
          size="S"
          placeholder={
            list.length === 0
              ? t('savedSearches.none', 'None saved yet')
              : t('savedSearches.choose', 'Run a saved search')
          }
          disabled={list.length === 0}
          error={saved.error ? toApiError(saved.error).message : undefined}
          // '' rather than null: with null the select would keep showing the last one chosen.
          value={current ? String(current.id) : ''}
          onChange={run}
        >
          {list.map((entry) => (
            <SingleSelectOption key={entry.id} value={String(entry.id)}>
              {entry.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      {current && (
        <IconButton
          label={t('savedSearches.delete', 'Delete saved search {name}', { name: current.name })}
          icon={<Trash />}
          onClick={() => setDeleting(current)}
        />
      )}
      <Button variant="secondary" size="S" startIcon={<Plus />} onClick={() => setSaving(true)}>
        {t('savedSearches.save', 'Save search')}
      </Button>
      {saving && (
        <SaveSearchDialog filters={filters} view={view} onClose={() => setSaving(false)} />
      )}
      <ConfirmDialog
        title={t('savedSearches.delete.title', 'Delete this saved search?')}
        isOpen={deleting !== null}
        danger
        confirmLabel={t('savedSearches.delete.confirm', 'Delete')}
        onClose={() => setDeleting(null)}
        onConfirm={confirmDelete}
      >
        <Typography>
          {t(
            'savedSearches.delete.description',
            '"{name}" will be removed from your saved searches. The calls are not touched.',
            { name: deleting?.name ?? '' }
          )}
        </Typography>
      </ConfirmDialog>
    </Flex>
  );
};
