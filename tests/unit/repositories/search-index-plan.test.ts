import type { Knex } from 'knex';

import { PERIOD_SAMPLE, RANGE_SAMPLE } from '../../../server/src/domain/search-plan';
import type { SearchFilters } from '../../../server/src/domain/search-query';
import {
  periodSampleSql,
  planSearch,
  pluginChoosesIndex,
  rangeSampleSql,
  type SampleCount,
} from '../../../server/src/repositories/search-index-plan';
import {
  CALL_TABLE as TABLE,
  FROM as from,
  PREFIX_SEARCH as prefix,
  TO as to,
  sqliteKnex as sqlite,
} from '../../helpers/sql-compilers';

const suffix: SearchFilters = { ...prefix, callingNumber: { match: 'suffix', value: '5678' } };

describe('pluginChoosesIndex', () => {
  it('chooses on SQLite for a prefix or suffix without an access code only', () => {
    expect(pluginChoosesIndex('sqlite', prefix)).toBe(true);
    expect(pluginChoosesIndex('sqlite', suffix)).toBe(true);
    expect(pluginChoosesIndex('sqlite', { ...prefix, accessCode: '2001' })).toBe(false);
    expect(
      pluginChoosesIndex('sqlite', { ...prefix, callingNumber: { match: 'exact', value: '1' } })
    ).toBe(false);
    expect(pluginChoosesIndex('sqlite', { ...prefix, callingNumber: null })).toBe(false);
  });

  it('chooses on PostgreSQL as on SQLite: its planner misjudges broad prefixes and suffixes', () => {
    expect(pluginChoosesIndex('postgres', suffix)).toBe(true);
    expect(pluginChoosesIndex('postgres', prefix)).toBe(true);
    expect(pluginChoosesIndex('postgres', { ...suffix, accessCode: '2001' })).toBe(false);
    expect(
      pluginChoosesIndex('postgres', { ...prefix, callingNumber: { match: 'exact', value: '1' } })
    ).toBe(false);
  });

  it("leaves the choice to MySQL's and MariaDB's range optimizer, which measures both ranges", () => {
    expect(pluginChoosesIndex('mysql', prefix)).toBe(false);
    expect(pluginChoosesIndex('mysql', suffix)).toBe(false);
  });
});

describe('the samples (SQLite)', () => {
  it('reads the first entries of the number range and counts those in the period', () => {
    expect(rangeSampleSql(sqlite, TABLE, prefix).toSQL()).toMatchObject({
      sql: 'SELECT COUNT(*) AS seen, COALESCE(SUM(CASE WHEN `start_time` >= ? AND `start_time` < ? THEN 1 ELSE 0 END), 0) AS hits FROM (SELECT `start_time` FROM `calls` WHERE `calling_number` >= ? AND `calling_number` < ? LIMIT ?) sampled',
      bindings: [from, to, '138', '139', RANGE_SAMPLE],
    });
  });

  it('reads the newest calls of the period and counts those matching the number', () => {
    expect(periodSampleSql(sqlite, TABLE, suffix).toSQL()).toMatchObject({
      sql: 'SELECT COUNT(*) AS seen, COALESCE(SUM(CASE WHEN `calling_number` LIKE ? THEN 1 ELSE 0 END), 0) AS hits FROM (SELECT `calling_number` FROM `calls` WHERE `start_time` >= ? AND `start_time` < ? ORDER BY `start_time` DESC, `id` DESC LIMIT ?) sampled',
      bindings: ['%5678', from, to, PERIOD_SAMPLE],
    });
  });
});

describe('planSearch', () => {
  /** A sampler answering the range sample, then the period sample, and recording what ran. */
  const sampler = (...answers: SampleCount[]) => {
    const ran: string[] = [];
    const sample = async (statement: Knex.Raw) => {
      ran.push(statement.toSQL().sql);
      const answer = answers.shift();
      if (!answer) throw new Error('no more samples');
      return answer;
    };
    return { ran, sample };
  };
  const BOUNDS = { pageRows: 21, cap: 10_000, periodDays: null };
  /** The rollup's period size, counted when asked. */
  const periodSize = (calls: number) => {
    const asked = { times: 0 };
    return { asked, periodCalls: async () => ((asked.times += 1), calls) };
  };
  const unasked = periodSize(0).periodCalls;

  it('leaves MySQL, and searches the planner can serve alone, to the database', async () => {
    const { ran, sample } = sampler();
    expect(await planSearch(sqlite, 'mysql', TABLE, prefix, BOUNDS, sample, unasked)).toBeNull();
    const withCode = { ...prefix, accessCode: '1' };
    for (const dialect of ['postgres', 'sqlite'] as const) {
      expect(
        await planSearch(sqlite, dialect, TABLE, withCode, BOUNDS, sample, unasked)
      ).toBeNull();
    }
    expect(ran).toEqual([]);
  });

  it('reads a range smaller than its sample through the number index, without a period sample', async () => {
    const { ran, sample } = sampler({ seen: RANGE_SAMPLE - 1, hits: 10 });
    expect(await planSearch(sqlite, 'sqlite', TABLE, prefix, BOUNDS, sample, unasked)).toEqual({
      page: 'number',
      newest: 'number',
      scan: 'number',
      export: 'number',
    });
    expect(ran).toHaveLength(1);
  });

  it('takes the period sample when the range is large, and lets the domain compare', async () => {
    const { ran, sample } = sampler(
      { seen: RANGE_SAMPLE, hits: 0 },
      { seen: PERIOD_SAMPLE - 1, hits: 0 }
    );
    expect(await planSearch(sqlite, 'sqlite', TABLE, prefix, BOUNDS, sample, unasked)).toEqual({
      page: 'period',
      newest: 'period',
      scan: 'period',
      export: 'period',
    });
    expect(ran).toEqual([
      rangeSampleSql(sqlite, TABLE, prefix).toSQL().sql,
      periodSampleSql(sqlite, TABLE, prefix).toSQL().sql,
    ]);
  });

  it("weighs both indexes by the period's size from the rollup when both samples are large", async () => {
    const { sample } = sampler({ seen: RANGE_SAMPLE, hits: 40 }, { seen: PERIOD_SAMPLE, hits: 10 });
    const { asked, periodCalls } = periodSize(1_712_707);
    const plan = await planSearch(sqlite, 'sqlite', TABLE, prefix, BOUNDS, sample, periodCalls);
    expect(asked.times).toBe(1);
    expect(plan?.page).toBe('period');
  });
});
