import knexFactory, { type Knex } from 'knex';

import type { CallTable } from '../../server/src/database/call-record-columns';
import type { Dialect } from '../../server/src/database/dialect';
import type { SearchFilters } from '../../server/src/domain/search-query';

/**
 * knex of each dialect the plugin supports, without a connection: enough to compile a statement
 * with `.toSQL()`, so the SQL builders are tested without a database.
 */
export const postgresKnex = knexFactory({ client: 'pg' });
export const sqliteKnex = knexFactory({ client: 'better-sqlite3', useNullAsDefault: true });
export const mysqlKnex = knexFactory({ client: 'mysql2' });

/** Dialect name, its knex, the quote it writes identifiers with, and the plugin's name for it. */
export const DIALECTS: Array<[string, Knex, string, Dialect]> = [
  ['PostgreSQL', postgresKnex, '"', 'postgres'],
  ['SQLite', sqliteKnex, '`', 'sqlite'],
  ['MySQL', mysqlKnex, '`', 'mysql'],
];

/** A call table whose names are short enough to read in an expected statement. */
export const CALL_TABLE: CallTable = {
  table: 'calls',
  listed: ['id', 'call_id', 'start_time'],
  startTime: 'start_time',
  durationSeconds: 'duration_seconds',
  id: 'id',
  callingNumber: 'calling_number',
  callingNumberReversed: 'calling_number_reversed',
  accessCode: 'access_code',
};

export const FROM = new Date('2026-03-01T00:00:00Z');
export const TO = new Date('2026-03-02T00:00:00Z');
/** One day, a number prefix, no access code. */
export const PREFIX_SEARCH: SearchFilters = {
  from: FROM,
  to: TO,
  callingNumber: { match: 'prefix', value: '138' },
  accessCode: null,
};
