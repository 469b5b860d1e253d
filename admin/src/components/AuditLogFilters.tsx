import {
  Box,
  Button,
  DatePicker,
  Flex,
  Grid,
  GridItem,
  MultiSelect,
  MultiSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useState, type FormEvent } from 'react';

import { AUDIT_ACTIONS, type AuditAction, type AuditFilters } from '../api/types';
import { useT } from '../hooks/useT';
import { ACTION_LABELS } from '../utils/auditText';
import { browserTimeZone, dateToDay, dayToDate, isDay } from '../utils/time';

export const NO_AUDIT_FILTERS: AuditFilters = { actions: [], user: '', from: '', to: '' };

interface AuditLogFiltersProps {
  /** The filters applied, the form's starting values. */
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

const isAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);

/** The Audit Log's filters: kinds, a user, a period of whole local days; each optional. */
export const AuditLogFilters = ({ initial, onApply }: AuditLogFiltersProps) => {
  const t = useT();
  const [actions, setActions] = useState<AuditAction[]>(initial.actions);
  const [user, setUser] = useState(initial.user);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [orderError, setOrderError] = useState<string | undefined>();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (isDay(from) && isDay(to) && from > to) {
      setOrderError(t('search.error.order', 'The last day must not be before the first day.'));
      return;
    }
    setOrderError(undefined);
    onApply({ actions, user: user.trim(), from, to });
  };

  const reset = () => {
    setActions([]);
    setUser('');
    setFrom('');
    setTo('');
    setOrderError(undefined);
    onApply(NO_AUDIT_FILTERS);
  };

  return (
    <Box
      as="form"
      onSubmit={submit}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={6}
      aria-label={t('audit.filters.label', 'Filter the audit log')}
    >
      <Grid gap={4}>
        <GridItem col={4} s={12}>
          <MultiSelect
            name="action"
            label={t('audit.filters.kind', 'Kind')}
            placeholder={t('audit.filters.kind.any', 'Every kind')}
            value={actions}
            onChange={(values) => setActions(values.filter(isAction))}
            onClear={() => setActions([])}
            clearLabel={t('search.clear', 'Clear')}
            withTags
          >
            {AUDIT_ACTIONS.map((action) => (
              <MultiSelectOption key={action} value={action}>
                {t(...ACTION_LABELS[action])}
              </MultiSelectOption>
            ))}
          </MultiSelect>
        </GridItem>
        <GridItem col={3} s={12}>
          <TextInput
            name="user"
            label={t('audit.filters.user', 'User')}
            hint={t('audit.filters.user.hint', "An admin's email or id")}
            value={user}
            onChange={(event) => setUser(event.target.value)}
          />
        </GridItem>
        <GridItem col={2} s={6} xs={12}>
          <DatePicker
            name="from"
            label={t('audit.filters.from', 'From (first day)')}
            selectedDate={isDay(from) ? dayToDate(from) : undefined}
            onChange={(date) => setFrom(date ? dateToDay(date) : '')}
            onClear={() => setFrom('')}
            clearLabel={t('search.clear', 'Clear')}
          />
        </GridItem>
        <GridItem col={2} s={6} xs={12}>
          <DatePicker
            name="to"
            label={t('audit.filters.to', 'To (last day)')}
            selectedDate={isDay(to) ? dayToDate(to) : undefined}
            onChange={(date) => setTo(date ? dateToDay(date) : '')}
            onClear={() => setTo('')}
            clearLabel={t('search.clear', 'Clear')}
            error={orderError}
          />
        </GridItem>
      </Grid>
      <Flex justifyContent="space-between" paddingTop={4}>
        <Typography variant="pi" textColor="neutral600">
          {t('search.timeZone', 'Days and times are in your time zone: {zone}.', {
            zone: browserTimeZone(),
          })}
        </Typography>
        <Flex gap={2}>
          <Button variant="tertiary" onClick={reset}>
            {t('audit.filters.reset', 'Reset')}
          </Button>
          <Button type="submit">{t('audit.filters.apply', 'Apply')}</Button>
        </Flex>
      </Flex>
    </Box>
  );
};
