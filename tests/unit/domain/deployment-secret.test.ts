import {
  MISSING_SIGNING_KEY,
  deploymentSecret,
  signingKey,
} from '../../../server/src/domain/deployment-secret';

describe('the deployment secret the plugin signs with', () => {
  it.each<[string, unknown, unknown]>([
    ['neither setting', undefined, undefined],
    ['an empty admin secret and no keys', '', undefined],
    ['empty app keys', undefined, ['']],
    ['an empty keys string', undefined, ''],
    ['keys that are not text', undefined, [1, null]],
  ])('is missing with %s, never a constant', (_label, adminSecret, appKeys) => {
    expect(deploymentSecret(adminSecret, appKeys)).toBeNull();
    expect(MISSING_SIGNING_KEY).toMatch(/admin\.auth\.secret.*server\.app\.keys/);
  });

  it('comes from the admin secret first, else from the app keys, one key per purpose', () => {
    const admin = deploymentSecret('s3cret', ['k1']) as string;
    const keys = deploymentSecret(undefined, ['k1', 'k2']) as string;
    expect(signingKey(admin, 'cursor')).toBe('call-history-cursor:"s3cret"');
    expect(signingKey(keys, 'cursor')).toBe('call-history-cursor:["k1","k2"]');
    expect(signingKey(admin, 'cursor')).not.toBe(signingKey(admin, 'other'));
  });
});
