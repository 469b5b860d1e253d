import type { Knex } from 'knex';

import type { RollupNames, RollupTable } from '../../../server/src/database/call-rollup';
import { localDaysOf } from '../../../server/src/domain/day-buckets';
import { rollupReadsOf } from '../../../server/src/domain/rollup-levels';
import {
  hourSelection,
  quarterSelection,
  rollupBucketsSql,
  rollupPerAccessCodeSql,
  rollupTotalSql,
  type BucketSelection,
} from '../../../server/src/repositories/call-rollup-sql';
import { DIALECTS, FROM, TO } from '../../helpers/sql-compilers';

/** Names unlike each other, so that a column read from the wrong table shows. */
const HOURS: RollupTable = {
  table: 'call_rollup_hours',
  bucketStart: 'hour_start',
  accessCode: 'access_code',
  botKind: 'bot_kind',
  count: 'calls',
};
const QUARTERS: RollupTable = { ...HOURS, table: 'call_rollups', bucketStart: 'bucket_start' };
const NAMES: RollupNames = {
  calls: 'call_records',
  id: 'id',
  startTime: 'start_time',
  accessCode: 'call_access_code',
  botKind: 'call_bot_kind',
  levels: { quarter: QUARTERS, hour: HOURS },
};
const CODE = '2001';
const H1 = new Date('2026-03-01T18:00:00Z');
const Q1 = new Date('2026-03-01T18:15:00Z');
const Q2 = new Date('2026-03-01T18:30:00Z');
const RANGE: BucketSelection = { range: { from: FROM, to: TO }, except: [] };
const EXCEPT: BucketSelection = { range: { from: FROM, to: TO }, except: [H1] };
const STARTS: BucketSelection = { starts: [Q1, Q2] };

/**
 * The rollup's statements as each dialect compiles them, without a database: their shape (what
 * they read, how they filter and group, that every value is bound), not every character.
 */
describe.each(DIALECTS)('the rollup statements on %s', (_name, knex, quote) => {
  const q = (identifier: string) => `${quote}${identifier}${quote}`;
  const compile = (statement: Knex.Raw) => statement.toSQL();
  const where = (sql: string) => sql.slice(sql.indexOf(' WHERE ') + 7).split(' GROUP BY ')[0];

  const statements = {
    hours: rollupBucketsSql(knex, HOURS, EXCEPT, null),
    quartersOfCode: rollupBucketsSql(knex, QUARTERS, STARTS, CODE),
    perCode: rollupPerAccessCodeSql(knex, HOURS, RANGE, null),
    perCodeOfCode: rollupPerAccessCodeSql(knex, QUARTERS, STARTS, CODE),
  };

  it.each(Object.keys(statements))(
    '%s reads one level alone, summing its counts, every value bound',
    (key) => {
      const { sql, bindings } = compile(statements[key as keyof typeof statements]);
      expect(sql).toMatch(
        new RegExp(`FROM (${q('call_rollups')}|${q('call_rollup_hours')}) WHERE`)
      );
      expect(sql).toContain(`SUM(${q('calls')})`);
      // Never the call table nor any of its columns: the cost follows buckets, not calls.
      for (const column of ['call_records', 'start_time', 'call_access_code', 'call_bot_kind']) {
        expect(sql).not.toContain(q(column));
      }
      expect(sql).not.toContain(CODE);
      expect(sql).not.toContain('2026');
      expect(sql.split('?').length - 1).toBe(bindings.length);
    }
  );

  it('reads the hour level as a half-open range of its bucket start, as the period index leads', () => {
    const { sql, bindings } = compile(rollupBucketsSql(knex, HOURS, RANGE, null));
    expect(sql).toContain(`FROM ${q('call_rollup_hours')} WHERE`);
    expect(where(sql)).toBe(`${q('hour_start')} >= ? AND ${q('hour_start')} < ?`);
    expect(bindings).toEqual([FROM, TO]);
  });

  it('leaves the hours a local midnight cuts out of the range, the range still leading', () => {
    const { sql, bindings } = compile(statements.hours);
    expect(where(sql)).toBe(
      `${q('hour_start')} >= ? AND ${q('hour_start')} < ? AND ${q('hour_start')} NOT IN (?)`
    );
    expect(bindings).toEqual([FROM, TO, H1]);
  });

  it('reads the quarter level by a list of bucket starts, an access code first', () => {
    for (const statement of [statements.quartersOfCode, statements.perCodeOfCode]) {
      const { sql, bindings } = compile(statement);
      expect(sql).toContain(`FROM ${q('call_rollups')} WHERE`);
      expect(where(sql)).toBe(`${q('access_code')} = ? AND ${q('bucket_start')} IN (?, ?)`);
      expect(bindings).toEqual([CODE, Q1, Q2]);
    }
  });

  it('answers calls per bucket start as bucket and total', () => {
    const { sql } = compile(statements.hours);
    expect(sql).toMatch(new RegExp(`^SELECT ${q('hour_start')} AS bucket, SUM\\(`));
    expect(sql).toMatch(new RegExp(`GROUP BY ${q('hour_start')}$`));
  });

  it('answers calls per access code as code and total', () => {
    const { sql } = compile(statements.perCode);
    expect(sql).toMatch(new RegExp(`^SELECT ${q('access_code')} AS code, SUM\\(`));
    expect(sql).toMatch(new RegExp(`GROUP BY ${q('access_code')}$`));
  });

  it("answers the period's total as one row, the levels' sums added", () => {
    const whole = { from: new Date('2026-03-01T17:45:00Z'), to: new Date('2026-03-02T18:30:00Z') };
    const { sql, bindings } = compile(rollupTotalSql(knex, NAMES, rollupReadsOf(whole, null)));
    expect(sql).toBe(
      `SELECT (SELECT COALESCE(SUM(${q('calls')}), 0) FROM ${q('call_rollup_hours')} WHERE ${q('hour_start')} >= ? AND ${q('hour_start')} < ?)` +
        ` + (SELECT COALESCE(SUM(${q('calls')}), 0) FROM ${q('call_rollups')} WHERE ${q('bucket_start')} IN (?, ?, ?)) AS total`
    );
    expect(bindings).toEqual([
      new Date('2026-03-01T18:00:00Z'),
      new Date('2026-03-02T18:00:00Z'),
      new Date('2026-03-01T17:45:00Z'),
      new Date('2026-03-02T18:00:00Z'),
      new Date('2026-03-02T18:15:00Z'),
    ]);
  });

  it('reads no level a period does not need', () => {
    const inHour = { from: new Date('2026-03-01T18:15:00Z'), to: new Date('2026-03-01T18:45:00Z') };
    const reads = rollupReadsOf(inHour, localDaysOf('UTC', inHour.from, inHour.to));
    expect(hourSelection(reads)).toBeNull();
    expect(quarterSelection(reads)).toEqual({ starts: [Q1, Q2] });
    const { sql } = compile(rollupTotalSql(knex, NAMES, reads));
    expect(sql).not.toContain('call_rollup_hours');
    const days = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-02T00:00:00Z') };
    expect(
      quarterSelection(rollupReadsOf(days, localDaysOf('UTC', days.from, days.to)))
    ).toBeNull();
  });
});
