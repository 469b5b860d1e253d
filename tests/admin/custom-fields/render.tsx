import { DesignSystemProvider, lightTheme } from '@strapi/design-system';
import { prefixPluginTranslations } from '@strapi/helper-plugin';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { IntlProvider } from 'react-intl';

import en from '../../../admin/src/custom-fields/translations/en.json';
import zhHans from '../../../admin/src/custom-fields/translations/zh-Hans.json';

const MESSAGES = { en, 'zh-Hans': zhHans };

// The Content Manager labels a field with its name as the message id, which no catalogue has.
const ignoreMissing = (error: { code?: string }) => {
  if (error.code !== 'MISSING_TRANSLATION') throw error;
};

/** Renders an input inside the theme and the messages the Strapi admin gives it. */
export const renderInput = (ui: ReactElement, locale: keyof typeof MESSAGES = 'en') => {
  const messages = prefixPluginTranslations(MESSAGES[locale], 'call-history') as Record<
    string,
    string
  >;
  const wrap = (element: ReactElement) => (
    <IntlProvider locale={locale} messages={messages} defaultLocale="en" onError={ignoreMissing}>
      <DesignSystemProvider locale={locale} theme={lightTheme}>
        {element}
      </DesignSystemProvider>
    </IntlProvider>
  );
  const result = render(wrap(ui));
  return { ...result, rerender: (next: ReactElement) => result.rerender(wrap(next)) };
};
