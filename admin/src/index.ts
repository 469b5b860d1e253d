import { prefixPluginTranslations } from '@strapi/helper-plugin';
import { Phone } from '@strapi/icons';

import { withCustomFields } from './custom-fields';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { BASE } from './routes';
import { getTrad } from './utils/getTrad';

interface AdminApp {
  registerPlugin(plugin: { id: string; name: string; isReady: boolean }): void;
  addMenuLink(link: {
    to: string;
    icon: unknown;
    intlLabel: { id: string; defaultMessage: string };
    permissions: Array<{ action: string; subject: null }>;
    Component: () => Promise<{ default: unknown }>;
  }): void;
}

type Translations = Record<string, string>;

export default withCustomFields({
  register(app: AdminApp) {
    app.addMenuLink({
      to: BASE,
      icon: Phone,
      intlLabel: { id: getTrad('nav.title'), defaultMessage: 'Configuration Center' },
      // Shown to a user holding any one of these (Strapi checks menu links with "some").
      permissions: PERMISSIONS.menu,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Call History', isReady: true });
  },

  bootstrap() {},

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as {
            default: Translations;
          };
          return { data: prefixPluginTranslations(data, PLUGIN_ID) as Translations, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
});
