import { CUSTOM_FIELDS, withCustomFields } from '../../../admin/src/custom-fields';
import { CUSTOM_FIELD_NAMES } from '../../../server/src/domain/custom-field-values';

describe("the plugin's admin entry with its custom fields", () => {
  it('registers the same fields as the server, after the plugin itself', () => {
    const calls: string[] = [];
    const plugin = withCustomFields({
      register: (app: { registerPlugin(id: string): void }) => app.registerPlugin('call-history'),
      registerTrads: async () => [],
    });
    plugin.register({
      registerPlugin: (id: string) => calls.push(`plugin ${id}`),
      customFields: {
        register: (fields: typeof CUSTOM_FIELDS) =>
          calls.push(...fields.map((field) => `field plugin::${field.pluginId}.${field.name}`)),
      },
    } as { registerPlugin(id: string): void });
    expect(calls).toEqual([
      'plugin call-history',
      `field plugin::call-history.${CUSTOM_FIELD_NAMES.recordingFlag}`,
      `field plugin::call-history.${CUSTOM_FIELD_NAMES.phoneNumber}`,
    ]);
    expect(CUSTOM_FIELDS.map((field) => field.type)).toEqual(['string', 'string']);
  });

  it("merges the fields' messages under the plugin's, which win on a shared key", async () => {
    const plugin = withCustomFields({
      register: () => undefined,
      registerTrads: async ({ locales }: { locales: string[] }) =>
        locales.map((locale) => ({
          locale,
          data: { 'call-history.flag.value.ON': `${locale} plugin` } as Record<string, string>,
        })),
    });
    const [en, zh, fr] = await plugin.registerTrads({ locales: ['en', 'zh-Hans', 'fr'] });
    expect(en.data).toMatchObject({
      'call-history.flag.value.ON': 'en plugin',
      'call-history.custom-fields.phone-number.label': 'Phone number',
    });
    expect(zh.data['call-history.custom-fields.phone-number.label']).toBe('电话号码');
    expect(fr).toEqual({ locale: 'fr', data: { 'call-history.flag.value.ON': 'fr plugin' } });
  });

  it('loads each input lazily', async () => {
    for (const field of CUSTOM_FIELDS) {
      const { default: Input } = await field.components.Input();
      expect(Input).toBeDefined();
    }
  });
});

describe("the custom fields' messages", () => {
  it('exist in English and Simplified Chinese alike', async () => {
    const en = await import('../../../admin/src/custom-fields/translations/en.json');
    const zh = await import('../../../admin/src/custom-fields/translations/zh-Hans.json');
    expect(Object.keys(zh.default).sort()).toEqual(Object.keys(en.default).sort());
  });

  it('cover every message the field definitions name', async () => {
    const { default: en } = await import('../../../admin/src/custom-fields/translations/en.json');
    const ids = JSON.stringify(CUSTOM_FIELDS)
      .match(/"id":"call-history\.[^"]+"/g)!
      .map((match) => match.slice('"id":"call-history.'.length, -1));
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(Object.keys(en)).toContain(id);
  });
});
