import {
  Box,
  Combobox,
  ComboboxOption,
  DatePicker,
  Flex,
  Grid,
  GridItem,
  IconButton,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Refresh } from '@strapi/icons';
import { useState, type FormEvent } from 'react';

import type { Bot, SearchFilters } from '../api/types';
import { useT } from '../hooks/useT';
import { browserTimeZone, dateToDay, dayToDate, isDay } from '../utils/time';

/** As the search route accepts it: exact (optional +), `86138*` prefix or `*5678` suffix. */
const CALLING_NUMBER = /^(\+?\d{1,32}|\d{1,32}\*|\*\d{1,32})$/;

interface SearchFormProps {
  /** The filters currently searched (from the URL), the form's starting values. */
  initial: SearchFilters;
  bots: Bot[];
  onSearch: (filters: SearchFilters) => void;
}

type Errors = Partial<Record<keyof SearchFilters, string>>;

/**
 * The Call History search: the period is mandatory (whole local days), the calling number and
 * access code optional. A real form: Enter in a field searches, as does the refresh icon (its
 * submit button); nothing is sent while a field is wrong.
 */
export const SearchForm = ({ initial, bots, onSearch }: SearchFormProps) => {
  const t = useT();
  const [from, setFrom] = useState<string>(initial.from);
  const [to, setTo] = useState<string>(initial.to);
  const [callingNumber, setCallingNumber] = useState(initial.callingNumber ?? '');
  const [accessCode, setAccessCode] = useState(initial.accessCode ?? '');
  const [errors, setErrors] = useState<Errors>({});

  const validate = (): Errors => {
    const found: Errors = {};
    if (!isDay(from)) {
      found.from = t(
        'search.error.fromRequired',
        'Choose the first day: the search needs a period.'
      );
    }
    if (!isDay(to)) {
      found.to = t('search.error.toRequired', 'Choose the last day: the search needs a period.');
    }
    if (!found.from && !found.to && from > to) {
      found.to = t('search.error.order', 'The last day must not be before the first day.');
    }
    const number = callingNumber.trim();
    if (number && !CALLING_NUMBER.test(number)) {
      found.callingNumber = t(
        'search.error.callingNumber',
        'Use digits only: an exact number, 86138* (starts with) or *5678 (ends with).'
      );
    }
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onSearch({
      from,
      to,
      callingNumber: callingNumber.trim() || undefined,
      accessCode: accessCode.trim() || undefined,
    });
  };

  return (
    <Box
      as="form"
      onSubmit={submit}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={6}
      aria-label={t('search.label', 'Search calls')}
    >
      <Grid gap={4}>
        <GridItem col={3} s={6} xs={12}>
          <DatePicker
            name="from"
            label={t('search.from', 'From (first day)')}
            required
            selectedDate={isDay(from) ? dayToDate(from) : undefined}
            onChange={(date) => setFrom(date ? dateToDay(date) : '')}
            onClear={() => setFrom('')}
            clearLabel={t('search.clear', 'Clear')}
            error={errors.from}
          />
        </GridItem>
        <GridItem col={3} s={6} xs={12}>
          <DatePicker
            name="to"
            label={t('search.to', 'To (last day)')}
            required
            selectedDate={isDay(to) ? dayToDate(to) : undefined}
            onChange={(date) => setTo(date ? dateToDay(date) : '')}
            onClear={() => setTo('')}
            clearLabel={t('search.clear', 'Clear')}
            error={errors.to}
          />
        </GridItem>
        <GridItem col={3} s={6} xs={12}>
          <TextInput
            name="callingNumber"
            label={t('search.callingNumber', 'Calling number')}
            hint={t('search.callingNumber.hint', 'Exact, 86138* (prefix) or *5678 (last digits)')}
            value={callingNumber}
            onChange={(event) => setCallingNumber(event.target.value)}
            error={errors.callingNumber}
          />
        </GridItem>
        <GridItem col={3} s={6} xs={12}>
          <Flex gap={2} alignItems="flex-start">
            <Box flex="1">
              <Combobox
                name="accessCode"
                label={t('search.accessCode', 'Robot access code')}
                hint={t('search.accessCode.hint', 'Choose a robot or IVR flow, or type a code')}
                allowCustomValue
                autocomplete="list"
                value={accessCode || undefined}
                textValue={accessCode}
                onTextValueChange={setAccessCode}
                onChange={(value) => setAccessCode(value ?? '')}
                onClear={() => setAccessCode('')}
                clearLabel={t('search.clear', 'Clear')}
                placeholder={t('search.accessCode.placeholder', 'Any')}
                noOptionsMessage={() => t('search.accessCode.none', 'No robot or IVR flow')}
              >
                {/* Each code with its robot's or IVR flow's name; picking one fills in the code. */}
                {bots.map((bot) => (
                  <ComboboxOption
                    key={`${bot.kind}-${bot.id}`}
                    value={bot.accessCode}
                    textValue={bot.accessCode}
                  >
                    {`${bot.accessCode} — ${bot.name}`}
                  </ComboboxOption>
                ))}
              </Combobox>
            </Box>
            <Box paddingTop={6}>
              <IconButton type="submit" label={t('search.run', 'Search')} icon={<Refresh />} />
            </Box>
          </Flex>
        </GridItem>
      </Grid>
      <Box paddingTop={2}>
        <Typography variant="pi" textColor="neutral600">
          {t('search.timeZone', 'Days and times are in your time zone: {zone}.', {
            zone: browserTimeZone(),
          })}
        </Typography>
      </Box>
    </Box>
  );
};
