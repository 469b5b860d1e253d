import { prefixPluginTranslations } from '@strapi/helper-plugin';
import { Microphone, Phone } from '@strapi/icons';
import type { ComponentType } from 'react';

import { FLAG_NAMES, FLAG_VALUES } from '../../../shared/contracts/settings';
import { PLUGIN_ID } from '../pluginId';
import { getTrad } from '../utils/getTrad';

import { FLAG_TITLE, VALUE_LABEL } from './recording-flag/values';
import type { CustomFieldInputProps, MessageDescriptor } from './types';

type Translations = Record<string, string>;

const message = (id: string, defaultMessage: string): MessageDescriptor => ({
  id: getTrad(id),
  defaultMessage,
});

const checkbox = (name: 'required' | 'private' | 'unique', label: string, description: string) => ({
  name,
  type: 'checkbox',
  intlLabel: message(`custom-fields.option.${name}`, label),
  description: message(`custom-fields.option.${name}.description`, description),
});

const REQUIRED = checkbox(
  'required',
  'Required field',
  "You won't be able to create an entry if this field is empty"
);
const PRIVATE = checkbox(
  'private',
  'Private field',
  'This field will not show up in the API response'
);

const settings = (items: object[]) => ({
  sectionTitle: message('custom-fields.section.settings', 'Settings'),
  items,
});

/** What `app.customFields.register` takes, as far as the plugin uses it. */
export interface CustomFieldDefinition {
  name: string;
  pluginId: string;
  type: 'string';
  intlLabel: MessageDescriptor;
  intlDescription: MessageDescriptor;
  icon: ComponentType;
  components: { Input: () => Promise<{ default: ComponentType<CustomFieldInputProps> }> };
  options: { base: object[]; advanced: object[] };
}

/** Same names and types as the server registers (server/src/custom-fields). */
export const CUSTOM_FIELDS: CustomFieldDefinition[] = [
  {
    name: 'recording-flag',
    pluginId: PLUGIN_ID,
    type: 'string',
    intlLabel: message('custom-fields.recording-flag.label', 'Recording flag'),
    intlDescription: message(
      'custom-fields.recording-flag.description',
      'On / Off / Bot-level control, as in the Call History System Settings'
    ),
    icon: Microphone,
    components: {
      Input: () =>
        import(
          /* webpackChunkName: "call-history-recording-flag" */ './recording-flag/RecordingFlagInput'
        ),
    },
    options: {
      base: [
        {
          // Stored in the attribute's `options`: the input reads it to explain the choice.
          name: 'options.flag',
          type: 'select',
          intlLabel: message('custom-fields.recording-flag.option.flag', 'Explain as'),
          description: message(
            'custom-fields.recording-flag.option.flag.description',
            "Shows the System Settings' explanation of this tenant flag above the choices"
          ),
          options: [
            {
              key: 'none',
              value: '',
              metadatas: {
                intlLabel: message(
                  'custom-fields.recording-flag.option.flag.none',
                  'No tenant flag'
                ),
              },
            },
            ...FLAG_NAMES.map((flag) => ({
              key: flag,
              value: flag,
              metadatas: {
                intlLabel: message(FLAG_TITLE[flag].id, FLAG_TITLE[flag].defaultMessage),
              },
            })),
          ],
        },
      ],
      advanced: [
        {
          name: 'default',
          type: 'select',
          intlLabel: { id: 'form.attribute.settings.default', defaultMessage: 'Default value' },
          options: [
            {
              key: 'none',
              value: '',
              metadatas: {
                intlLabel: message('custom-fields.recording-flag.option.default.none', 'None'),
              },
            },
            ...FLAG_VALUES.map((value) => ({
              key: value,
              value,
              metadatas: {
                intlLabel: message(VALUE_LABEL[value].id, VALUE_LABEL[value].defaultMessage),
              },
            })),
          ],
        },
        settings([REQUIRED, PRIVATE]),
      ],
    },
  },
  {
    name: 'phone-number',
    pluginId: PLUGIN_ID,
    type: 'string',
    intlLabel: message('custom-fields.phone-number.label', 'Phone number'),
    intlDescription: message(
      'custom-fields.phone-number.description',
      'A calling number, normalised and validated as the Call History stores it'
    ),
    icon: Phone,
    components: {
      Input: () =>
        import(
          /* webpackChunkName: "call-history-phone-number" */ './phone-number/PhoneNumberInput'
        ),
    },
    options: {
      base: [],
      advanced: [
        settings([
          REQUIRED,
          checkbox(
            'unique',
            'Unique field',
            "You won't be able to create an entry if there is an existing entry with identical content"
          ),
          PRIVATE,
        ]),
      ],
    },
  },
];

interface CustomFieldsApp {
  customFields: { register(fields: CustomFieldDefinition[]): void };
}

export const registerCustomFields = (app: CustomFieldsApp) =>
  app.customFields.register(CUSTOM_FIELDS);

/** The custom fields' own messages for one locale, prefixed like every message of the plugin. */
export const customFieldTranslations = async (locale: string): Promise<Translations> => {
  try {
    const { default: data } = (await import(`./translations/${locale}.json`)) as {
      default: Translations;
    };
    return prefixPluginTranslations(data, PLUGIN_ID) as Translations;
  } catch {
    return {};
  }
};

type TranslationsOf = Array<{ data: Translations; locale: string }>;

interface PluginAdmin<App> {
  register(app: App): void;
  registerTrads(args: { locales: string[] }): Promise<TranslationsOf>;
}

/**
 * Adds the custom fields to the plugin's admin entry: registered after the plugin itself, and
 * their messages merged under the plugin's (which win where both define a key).
 */
export const withCustomFields = <App, P extends PluginAdmin<App>>(plugin: P): P => ({
  ...plugin,
  register(app: App) {
    plugin.register(app);
    registerCustomFields(app as unknown as CustomFieldsApp);
  },
  async registerTrads(args: { locales: string[] }) {
    const translations = await plugin.registerTrads(args);
    return Promise.all(
      translations.map(async ({ data, locale }) => ({
        locale,
        data: { ...(await customFieldTranslations(locale)), ...data },
      }))
    );
  },
});
