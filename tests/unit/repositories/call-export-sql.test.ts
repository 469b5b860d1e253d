import knexFactory from 'knex';

import {
  DECISION_REASON,
  DECISION_RECORD_FLOW,
  exportPageSql,
} from '../../../server/src/repositories/call-export-sql';
import { NEWEST_FIRST } from '../../../server/src/repositories/call-search-sql';
import { CALL_TABLE, FROM, TO, mysqlKnex } from '../../helpers/sql-compilers';

const period = { from: FROM, to: TO, callingNumber: null, accessCode: null };
const FROM_THE_TOP = { order: NEWEST_FIRST, after: null };

/**
 * The decision's two facts as SQLite reads them must be what the CSV read from the parsed json:
 * `recordFlow` only when a boolean, `reason` only when a string, nothing from malformed json.
 */
describe('the export statement', () => {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  afterAll(() => knex.destroy());

  const decisions: Array<string | null> = [
    '{"recordFlow":true,"reason":"CHATRECORDFLAG is ON"}',
    '{"recordFlow":false,"reason":"robot 1001 has flowCallRecording off, \\"quoted\\"\\n"}',
    '{"recordFlow":"true","reason":5}',
    '{"recordFlow":1,"reason":null}',
    '{"call":{"reason":"nested"}}',
    '["recordFlow", true]',
    '"a string"',
    '{"reason":"中文 \\u00e9 \\ud83d\\ude00"}',
    'not json',
    '',
    null,
  ];

  it('reads the decision facts as the parsed json says them, and no other column', async () => {
    await knex.schema.createTable('calls', (table) => {
      table.increments('id');
      table.string('call_id');
      table.bigInteger('start_time');
      table.text('recording_decision');
      table.text('flow_trace');
    });
    await knex('calls').insert(
      decisions.map((decision, index) => ({
        call_id: `c-${index}`,
        start_time: FROM.getTime() + index,
        recording_decision: decision,
        flow_trace: '[{"seq":1}]',
      }))
    );
    const statement = exportPageSql(
      knex,
      'sqlite',
      CALL_TABLE,
      period,
      FROM_THE_TOP,
      100,
      null,
      ['id', 'start_time', 'call_id'],
      'recording_decision'
    );
    expect(statement.toSQL().sql).not.toMatch(/flow_trace/);
    const rows = (await statement) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(decisions.length);
    for (const row of rows) {
      const decision = decisions[Number(String(row.call_id).slice(2))];
      let parsed: unknown = null;
      try {
        parsed = decision === null ? null : JSON.parse(decision);
      } catch {
        parsed = null;
      }
      const object =
        parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
      const recordFlow = typeof object.recordFlow === 'boolean' ? String(object.recordFlow) : null;
      const reason = typeof object.reason === 'string' ? object.reason : null;
      expect([row.call_id, row[DECISION_RECORD_FLOW], row[DECISION_REASON]]).toEqual([
        row.call_id,
        recordFlow,
        reason,
      ]);
      expect(Object.keys(row).sort()).toEqual(
        ['id', 'start_time', 'call_id', DECISION_RECORD_FLOW, DECISION_REASON].sort()
      );
    }
  });

  it('reads the facts with jsonb operators on PostgreSQL', () => {
    const sql = exportPageSql(
      knexFactory({ client: 'pg' }),
      'postgres',
      CALL_TABLE,
      period,
      FROM_THE_TOP,
      250,
      null,
      ['id', 'start_time'],
      'recording_decision'
    ).toSQL().sql;
    expect(sql).toContain(
      `CASE WHEN jsonb_typeof("recording_decision"::jsonb -> 'reason') = 'string' THEN "recording_decision"::jsonb ->> 'reason' END AS "${DECISION_REASON}"`
    );
  });

  // Run against MariaDB by tests/integration/call-details-export-stats.test.ts.
  it('reads the facts as text with JSON_UNQUOTE on MySQL and MariaDB', () => {
    const sql = exportPageSql(
      mysqlKnex,
      'mysql',
      CALL_TABLE,
      period,
      FROM_THE_TOP,
      250,
      null,
      ['id', 'start_time'],
      'recording_decision'
    ).toSQL().sql;
    expect(sql).toContain(
      "CASE WHEN JSON_VALID(`recording_decision`) AND JSON_TYPE(JSON_EXTRACT(`recording_decision`, '$.recordFlow')) = 'BOOLEAN' THEN JSON_UNQUOTE(JSON_EXTRACT(`recording_decision`, '$.recordFlow')) END AS `" +
        DECISION_RECORD_FLOW +
        '`'
    );
    expect(sql).toContain(
      "JSON_TYPE(JSON_EXTRACT(`recording_decision`, '$.reason')) = 'STRING' THEN JSON_UNQUOTE(JSON_EXTRACT(`recording_decision`, '$.reason')) END AS `" +
        DECISION_REASON +
        '`'
    );
  });
});
