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
      'call-history does not run on PostgreSQL 11.22: it supports SQLite 3.35 or later, PostgreSQL 12 or later, MySQL 8 or later and MariaDB 10.6 or later.'
    );
    expect(unsupportedDatabase('sqlite', '3.34.1')).toMatch(
      /^call-history does not run on SQLite 3\.34\.1: /
    );
  });

  it('runs on MySQL 8 and MariaDB 10.6 and later, which Strapi both names mysql', () => {
    expect(unsupportedDatabase('mysql', '8.0.36')).toBeNull();
    expect(unsupportedDatabase('mysql', '8.4.3')).toBeNull();
    expect(unsupportedDatabase('mysql', '10.6.0-MariaDB')).toBeNull();
    expect(unsupportedDatabase('mysql', '10.11.19-MariaDB-0+deb12u1')).toBeNull();
    expect(unsupportedDatabase('mysql', '11.4.2-MariaDB')).toBeNull();
  });

  it('names an older MySQL or MariaDB by its own name', () => {
    expect(unsupportedDatabase('mysql', '5.7.44')).toMatch(
      /^call-history does not run on MySQL 5\.7\.44: it supports /
    );
    expect(unsupportedDatabase('mysql', '10.5.27-MariaDB')).toMatch(
      /^call-history does not run on MariaDB 10\.5\.27-MariaDB: it supports /
    );
  });

  it('names any other client', () => {
    expect(unsupportedDatabase('mssql', '16.0')).toBe(
      'call-history does not run on the database client "mssql": it supports SQLite 3.35 or later, PostgreSQL 12 or later, MySQL 8 or later and MariaDB 10.6 or later.'
    );
  });

  it('refuses a version it cannot read rather than guess', () => {
    expect(unsupportedDatabase('postgres', '')).toMatch(/does not run on PostgreSQL/);
  });
});
