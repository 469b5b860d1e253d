import type { Knex } from 'knex';

import type { RollupNames } from '../../../server/src/database/call-rollup';
import {
  rollupBucketsSql,
  rollupPerAccessCodeSql,
  rollupTotalSql,
} from '../../../server/src/repositories/call-rollup-sql';
import { DIALECTS, FROM, TO } from '../../helpers/sql-compilers';

/** Names unlike each other, so that a column read from the wrong table shows. */
const NAMES: RollupNames = {
  calls: 'call_records',
  id: 'id',
  startTime: 'start_time',
  accessCode: 'call_access_code',
  botKind: 'call_bot_kind',
  rollup: 'call_rollups',
  bucketStart: 'bucket_start',
  rollupAccessCode: 'access_code',
  rollupBotKind: 'bot_kind',
  count: 'calls',
};
const PERIOD = { from: FROM, to: TO };
const CODE = '2001';

/**
 * The rollup's statements as each dialect compiles them, without a database: their shape (what
 * they read, how they filter and group, that every value is bound), not every character.
 */
describe.each(DIALECTS)('the rollup statements on %s', (_name, knex, quote) => {
  const q = (identifier: string) => `${quote}${identifier}${quote}`;
  const compile = (statement: Knex.Raw) => statement.toSQL();
  const where = (sql: string) => sql.slice(sql.indexOf(' WHERE ') + 7).split(' GROUP BY ')[0];

  const statements = {
    buckets: rollupBucketsSql(knex, NAMES, PERIOD, null),
    bucketsOfCode: rollupBucketsSql(knex, NAMES, PERIOD, CODE),
    perCode: rollupPerAccessCodeSql(knex, NAMES, PERIOD, null),
    perCodeOfCode: rollupPerAccessCodeSql(knex, NAMES, PERIOD, CODE),
    total: rollupTotalSql(knex, NAMES, PERIOD),
  };

  it.each(Object.keys(statements))(
    '%s reads the rollup alone, summing its counts, every value bound',
    (key) => {
      const { sql, bindings } = compile(statements[key as keyof typeof statements]);
      expect(sql).toContain(`FROM ${q('call_rollups')} WHERE`);
      expect(sql).toContain(`SUM(${q('calls')})`);
      // Never the call table nor any of its columns: the cost follows buckets, not calls.
      for (const column of ['call_records', 'start_time', 'call_access_code', 'call_bot_kind']) {
        expect(sql).not.toContain(q(column));
      }
      expect(sql).not.toContain(CODE);
      expect(sql).not.toContain(String(FROM.getFullYear()));
      expect(sql.split('?').length - 1).toBe(bindings.length);
    }
  );

  it('reads a period as half-open on the bucket start, as the period index leads', () => {
    const { sql, bindings } = compile(statements.buckets);
    expect(where(sql)).toBe(`${q('bucket_start')} >= ? AND ${q('bucket_start')} < ?`);
    expect(bindings).toEqual([FROM, TO]);
  });

  it("puts an access code's equality first, as the access-code index leads", () => {
    for (const statement of [statements.bucketsOfCode, statements.perCodeOfCode]) {
      const { sql, bindings } = compile(statement);
      expect(where(sql)).toBe(
        `${q('access_code')} = ? AND ${q('bucket_start')} >= ? AND ${q('bucket_start')} < ?`
      );
      expect(bindings).toEqual([CODE, FROM, TO]);
    }
  });

  it('answers calls per bucket start as bucket and total', () => {
    const { sql } = compile(statements.buckets);
    expect(sql).toMatch(new RegExp(`^SELECT ${q('bucket_start')} AS bucket, SUM\\(`));
    expect(sql).toMatch(new RegExp(`GROUP BY ${q('bucket_start')}$`));
  });

  it('answers calls per access code as code and total', () => {
    const { sql } = compile(statements.perCode);
    expect(sql).toMatch(new RegExp(`^SELECT ${q('access_code')} AS code, SUM\\(`));
    expect(sql).toMatch(new RegExp(`GROUP BY ${q('access_code')}$`));
  });

  it("answers the period's total as one row, zero when no bucket matches", () => {
    const { sql, bindings } = compile(statements.total);
    expect(sql).toMatch(new RegExp(`^SELECT COALESCE\\(SUM\\(${q('calls')}\\), 0\\) AS total `));
    expect(sql).not.toContain('GROUP BY');
    expect(bindings).toEqual([FROM, TO]);
  });
});
