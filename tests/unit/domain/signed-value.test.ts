import { openValue, sealValue } from '../../../server/src/domain/signed-value';

describe('sealed values', () => {
  it('open with the secret and context they were sealed with', () => {
    const sealed = sealValue({ a: [1, 'two'] }, 'secret', 'filters-1');
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(openValue(sealed, 'secret', 'filters-1')).toEqual({ a: [1, 'two'] });
  });

  it('do not open with another secret or context, altered, or malformed', () => {
    const sealed = sealValue([1, 2], 'secret', 'filters-1');
    const [payload, signature] = sealed.split('.');
    const other = Buffer.from(JSON.stringify([1, 3])).toString('base64url');
    for (const [text, secret, context] of [
      [sealed, 'other', 'filters-1'],
      [sealed, 'secret', 'filters-2'],
      [`${other}.${signature}`, 'secret', 'filters-1'],
      [`${payload}.${signature.slice(1)}`, 'secret', 'filters-1'],
      [`${sealed}.x`, 'secret', 'filters-1'],
      [payload, 'secret', 'filters-1'],
      ['', 'secret', 'filters-1'],
    ]) {
      expect(openValue(text, secret, context)).toBeUndefined();
    }
  });
});
