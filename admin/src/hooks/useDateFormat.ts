import { useMemo } from 'react';
import { useIntl } from 'react-intl';

import { createDateFormat, type DateFormat } from '../utils/dateFormat';
import { browserTimeZone } from '../utils/time';

/** The admin's date format: its interface language, the user's (browser's) time zone. */
export const useDateFormat = (): DateFormat => {
  const { locale } = useIntl();
  return useMemo(() => createDateFormat(locale, browserTimeZone()), [locale]);
};
