import { createHash, createHmac } from 'crypto';

import { signingKey } from '../../../server/src/domain/deployment-secret';
import { numberHash } from '../../../server/src/domain/number-hash';

describe('the keyed hash an erasure audits instead of the number', () => {
  const key = signingKey('"deployment-secret"', 'erasure');

  it('is HMAC-SHA256 of the number with the erasure key, in hex', () => {
    const hash = numberHash('8613800138000', key);
    expect(hash).toBe(createHmac('sha256', key).update('8613800138000').digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('8613800138000');
  });

  it('is the same for the same number and key, different for another number or key', () => {
    expect(numberHash('8613800138000', key)).toBe(numberHash('8613800138000', key));
    expect(numberHash('8613800138001', key)).not.toBe(numberHash('8613800138000', key));
    expect(numberHash('8613800138000', signingKey('"other"', 'erasure'))).not.toBe(
      numberHash('8613800138000', key)
    );
    // A key of another purpose (search cursors) gives another hash.
    expect(
      numberHash('8613800138000', signingKey('"deployment-secret"', 'search-cursor'))
    ).not.toBe(numberHash('8613800138000', key));
  });

  it('is one hash for both forms of a number, with and without its leading +', () => {
    expect(numberHash('+8613800138000', key)).toBe(numberHash('8613800138000', key));
  });

  it('is not the unkeyed SHA-256 a dictionary of numbers would reverse', () => {
    expect(numberHash('8613800138000', key)).not.toBe(
      createHash('sha256').update('8613800138000').digest('hex')
    );
  });
});
