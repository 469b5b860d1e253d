/**
 * Every translation key the admin's code names is defined in English and in Simplified Chinese:
 * a key missing from a language silently falls back to the English default in the code, so the
 * Chinese admin shows English (it happened to `bots.edit.robot` and `bots.edit.ivr`).
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';

import customEn from '../../admin/src/custom-fields/translations/en.json';
import customZh from '../../admin/src/custom-fields/translations/zh-Hans.json';
import en from '../../admin/src/translations/en.json';
import zh from '../../admin/src/translations/zh-Hans.json';

const ADMIN = path.resolve(__dirname, '..', '..', 'admin', 'src');
const CUSTOM_FIELDS = path.join(ADMIN, 'custom-fields');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });

const KEY = String.raw`[a-z][\w-]*(?:\.[\w-]+)+`;
// The ways the code names a key: t('key', …) and getTrad('key'), a choice between two keys,
// [key, default text] tuples (trails, value and action labels) and { id: 'key' } descriptors.
const PATTERNS = [
  new RegExp(String.raw`\b(?:t|getTrad|message)\(\s*'(${KEY})'`, 'g'),
  new RegExp(String.raw`\b(?:t|getTrad)\(\s*[\w.!]+\s*\?\s*'(${KEY})'\s*:\s*'(${KEY})'`, 'g'),
  new RegExp(String.raw`\[\s*'(${KEY})',\s*['"\`]`, 'g'),
  new RegExp(String.raw`\bid:\s*'(${KEY})'`, 'g'),
];

/** The keys a source file names, with the file, for the failure message. */
const keysUsed = (files: string[]) =>
  files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return PATTERNS.flatMap((pattern) =>
      [...text.matchAll(pattern)].flatMap((match) =>
        match
          .slice(1)
          .filter(Boolean)
          .map((key) => `${path.relative(ADMIN, file)}: ${key}`)
      )
    );
  });

const missingFrom = (used: string[], ...messages: Array<Record<string, string>>) =>
  used.filter((entry) => {
    const key = entry.split(': ')[1];
    // Strapi's own keys (the Content-Type Builder's) are not the plugin's to define.
    if (key.startsWith('form.')) return false;
    return !messages.some((dictionary) => key in dictionary);
  });

describe('translation keys used in admin/src', () => {
  const pages = sources(ADMIN).filter((file) => !file.startsWith(CUSTOM_FIELDS));
  const customFields = sources(CUSTOM_FIELDS);

  it('finds the keys it checks (the scan itself works)', () => {
    const used = keysUsed(pages);
    expect(used.length).toBeGreaterThan(200);
    expect(used).toContain('components/BotFormModal.tsx: bots.edit.robot');
    expect(used).toContain('components/PageLayout.tsx: nav.title');
  });

  it('defines every key of the pages in English and in Simplified Chinese', () => {
    const used = keysUsed(pages);
    expect(missingFrom(used, en)).toEqual([]);
    expect(missingFrom(used, zh)).toEqual([]);
  });

  it('defines every key of the custom fields in English and in Simplified Chinese', () => {
    const used = keysUsed(customFields);
    expect(missingFrom(used, customEn, en)).toEqual([]);
    expect(missingFrom(used, customZh, zh)).toEqual([]);
  });
});
