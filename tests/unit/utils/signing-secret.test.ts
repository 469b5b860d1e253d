import type { Strapi } from '@strapi/types';

import {
  MISSING_SIGNING_KEY,
  assertSigningSecret,
  signingSecret,
} from '../../../server/src/utils/strapi';

/** Only `config.get` is read: a stand-in with the two settings is enough. */
const withConfig = (settings: Record<string, unknown>) =>
  ({ config: { get: (key: string) => settings[key] } }) as unknown as Strapi;

describe('the signing secret', () => {
  it.each<[string, Record<string, unknown>]>([
    ['neither setting', {}],
    ['an empty admin secret and no keys', { 'admin.auth.secret': '' }],
    ['empty app keys', { 'server.app.keys': [''] }],
    ['an empty keys string', { 'server.app.keys': '' }],
    ['keys that are not text', { 'server.app.keys': [1, null] }],
  ])('refuses %s, naming both settings, and never falls back', (_label, settings) => {
    const strapi = withConfig(settings);
    expect(() => assertSigningSecret(strapi)).toThrow(MISSING_SIGNING_KEY);
    expect(() => signingSecret(strapi, 'cursor')).toThrow(MISSING_SIGNING_KEY);
    expect(MISSING_SIGNING_KEY).toMatch(/admin\.auth\.secret.*server\.app\.keys/);
  });

  it('comes from the admin secret first, else from the app keys, one per purpose', () => {
    const admin = withConfig({ 'admin.auth.secret': 's3cret', 'server.app.keys': ['k1'] });
    const keys = withConfig({ 'server.app.keys': ['k1', 'k2'] });
    expect(() => assertSigningSecret(admin)).not.toThrow();
    expect(() => assertSigningSecret(keys)).not.toThrow();
    expect(signingSecret(admin, 'cursor')).toBe('call-history-cursor:"s3cret"');
    expect(signingSecret(keys, 'cursor')).toBe('call-history-cursor:["k1","k2"]');
    expect(signingSecret(admin, 'cursor')).not.toBe(signingSecret(admin, 'other'));
  });
});
