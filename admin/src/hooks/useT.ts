import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import { getTrad } from '../utils/getTrad';

export type TranslationValues = Record<string, string | number>;

/** Translates one of the plugin's own keys (given without its `call-history.` prefix). */
export type Translate = (id: string, defaultMessage: string, values?: TranslationValues) => string;

/** The plugin's translate function; stable while the locale is, so it may sit in deps. */
export const useT = (): Translate => {
  const { formatMessage } = useIntl();
  return useCallback(
    (id, defaultMessage, values) => formatMessage({ id: getTrad(id), defaultMessage }, values),
    [formatMessage]
  );
};
