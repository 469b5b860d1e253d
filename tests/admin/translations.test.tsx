import en from '../../admin/src/translations/en.json';
import zh from '../../admin/src/translations/zh-Hans.json';

describe('translations', () => {
  it('Simplified Chinese has every English key, each translated', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const english = en as Record<string, string>;
    const chinese = zh as Record<string, string>;
    const untranslated = Object.keys(english).filter(
      (key) =>
        chinese[key].trim() === '' ||
        (chinese[key] === english[key] && /[a-z]{3}/.test(english[key]))
    );
    expect(untranslated).toEqual([]);
  });

  it('keeps the ICU placeholders of each message', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(en as Record<string, string>)) {
      expect([key, placeholders((zh as Record<string, string>)[key])]).toEqual([
        key,
        placeholders(text),
      ]);
    }
  });
});
