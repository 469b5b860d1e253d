import { unsupportedDatabase } from '../../../server/src/domain/supported-database';

describe('unsupportedDatabase', () => {
  it('runs on SQLite 3.35 and later and PostgreSQL 12 and later', () => {
    expect(unsupportedDatabase('sqlite', '3.35.0')).toBeNull();
    expect(unsupportedDatabase('sqlite', '3.49.2')).toBeNull();
    expect(unsupportedDatabase('postgres', '12.0')).toBeNull();
    expect(unsupportedDatabase('postgres', '15.18 (Debian 15.18-0+deb12u1)')).toBeNull();
    expect(unsupportedDatabase('postgres', '17beta1')).toBeNull();
  });

  it('names an older version and the supported list in one sentence', () => {
    expect(unsupportedDatabase('postgres', '11.22')).toBe(
      'call-history does not run on PostgreSQL 11.22: it supports SQLite 3.35 or later and PostgreSQL 12 or later.'
    );
    expect(unsupportedDatabase('sqlite', '3.34.1')).toMatch(
      /^call-history does not run on SQLite 3\.34\.1: /
    );
  });

  it('names any other client', () => {
    expect(unsupportedDatabase('mysql', '8.0.36')).toBe(
      'call-history does not run on the database client "mysql": it supports SQLite 3.35 or later and PostgreSQL 12 or later.'
    );
  });

  it('refuses a version it cannot read rather than guess', () => {
    expect(unsupportedDatabase('postgres', '')).toMatch(/does not run on PostgreSQL/);
  });
});
