import {
  decodeCursor,
  encodeCursor,
  filtersFingerprint,
} from '../../../server/src/domain/search-cursor';
import type { SearchFilters } from '../../../server/src/domain/search-query';

const filters: SearchFilters = {
  from: new Date('2026-03-01T00:00:00Z'),
  to: new Date('2026-03-02T00:00:00Z'),
  callingNumber: { match: 'suffix', value: '5678' },
  accessCode: '1001',
};
const fingerprint = filtersFingerprint(filters);
const secret = 'server-secret';
const position = {
  sort: 'startTime:desc' as const,
  position: { key: Date.parse('2026-03-01T10:00:00Z'), id: 4242 },
};

describe('search cursors', () => {
  it('round-trips a position', () => {
    const cursor = encodeCursor(position, fingerprint, secret);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(decodeCursor(cursor, fingerprint, secret)).toEqual(position);
  });

  it('refuses a cursor whose position was edited', () => {
    const cursor = encodeCursor(position, fingerprint, secret);
    const [, signature] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify([position.sort, position.position.key, 1])).toString(
      'base64url'
    );
    expect(decodeCursor(`${forged}.${signature}`, fingerprint, secret)).toBeNull();
  });

  it('refuses a cursor issued for other filters or by another server', () => {
    const cursor = encodeCursor(position, fingerprint, secret);
    const other = filtersFingerprint({ ...filters, accessCode: '1002' });
    expect(decodeCursor(cursor, other, secret)).toBeNull();
    expect(decodeCursor(cursor, fingerprint, 'another-secret')).toBeNull();
  });

  it('carries its sort, so a position is never read in another order', () => {
    const longest = { sort: 'durationSeconds:desc' as const, position: { key: 3600, id: 7 } };
    expect(decodeCursor(encodeCursor(longest, fingerprint, secret), fingerprint, secret)).toEqual(
      longest
    );
    const [, signature] = encodeCursor(longest, fingerprint, secret).split('.');
    const resorted = Buffer.from(JSON.stringify(['durationSeconds:asc', 3600, 7])).toString(
      'base64url'
    );
    expect(decodeCursor(`${resorted}.${signature}`, fingerprint, secret)).toBeNull();
  });

  it('refuses garbage without throwing', () => {
    const signed = (payload: string) => {
      const cursor = encodeCursor(position, fingerprint, secret);
      return `${payload}.${cursor.split('.')[1]}`;
    };
    for (const cursor of ['', 'abc', 'a.b.c', '..', signed('!!'), 'x'.repeat(600)]) {
      expect(decodeCursor(cursor, fingerprint, secret)).toBeNull();
    }
  });

  it('binds to the period and number filter, not to the page size', () => {
    expect(filtersFingerprint(filters)).toBe(filtersFingerprint({ ...filters }));
    expect(
      filtersFingerprint({ ...filters, callingNumber: { match: 'prefix', value: '5678' } })
    ).not.toBe(fingerprint);
    expect(filtersFingerprint({ ...filters, to: new Date('2026-03-03T00:00:00Z') })).not.toBe(
      fingerprint
    );
  });
});
