import { DesignSystemProvider, lightTheme } from '@strapi/design-system';
import {
  NotificationsProvider,
  RBACContext,
  prefixPluginTranslations,
  type Permission,
} from '@strapi/helper-plugin';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { IntlProvider } from 'react-intl';
import { QueryClient, QueryClientProvider } from 'react-query';
import { MemoryRouter } from 'react-router-dom';

import en from '../../admin/src/translations/en.json';

const messages = prefixPluginTranslations(en, 'call-history') as Record<string, string>;

export const permission = (uid: string): Permission => ({
  action: `plugin::call-history.${uid}`,
  subject: null,
});

/**
 * Renders a component inside the providers the Strapi admin gives a plugin: theme, English
 * messages (the real en.json), react-query, a router, notifications and the user's permissions.
 */
export const renderInAdmin = (
  ui: ReactElement,
  { route = '/', permissions = [] as Permission[] } = {}
) => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MemoryRouter initialEntries={[route]}>
      <IntlProvider locale="en" messages={messages} defaultLocale="en">
        <DesignSystemProvider locale="en" theme={lightTheme}>
          <QueryClientProvider client={queryClient}>
            <NotificationsProvider>
              <RBACContext.Provider
                value={{ allPermissions: permissions, refetchPermissions: () => undefined }}
              >
                {ui}
              </RBACContext.Provider>
            </NotificationsProvider>
          </QueryClientProvider>
        </DesignSystemProvider>
      </IntlProvider>
    </MemoryRouter>
  );
};
