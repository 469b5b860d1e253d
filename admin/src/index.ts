import { prefixPluginTranslations } from '@strapi/helper-plugin';

import { withCustomFields } from './custom-fields';
import { PLUGIN_ID } from './pluginId';

interface AdminApp {
  registerPlugin(plugin: { id: string; name: string; isReady: boolean }): void;
}

type Translations = Record<string, string>;

export default withCustomFields({
  register(app: AdminApp) {
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
