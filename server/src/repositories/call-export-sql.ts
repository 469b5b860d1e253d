import type { Knex } from 'knex';

import type { CallTable } from '../database/call-record-columns';
import type { Dialect } from '../database/dialect';
import type { SearchFilters } from '../domain/search-query';

import { pageSql, type Access, type Keyset } from './call-search-sql';

/** The aliases of the recording decision's two printed facts; no attribute's column is named so. */
export const DECISION_RECORD_FLOW = 'call_history_decision_record_flow';
export const DECISION_REASON = 'call_history_decision_reason';

/**
 * The decision's `recordFlow` ('true', 'false' or NULL when not a boolean) and `reason` (NULL
 * when not a string), read by the database: the CSV prints only these, and parsing the whole
 * snapshot's json per row was a tenth of an export's time and most of its garbage.
 * Malformed json reads as NULL, as the Query Engine's json field leaves it a string.
 */
const decisionFacts = (knex: Knex, dialect: Dialect, column: string): Knex.Raw[] => {
  switch (dialect) {
    case 'sqlite':
      return [
        knex.raw(
          "CASE WHEN json_valid(??) AND json_type(??, '$.recordFlow') IN ('true', 'false') THEN json_type(??, '$.recordFlow') END AS ??",
          [column, column, column, DECISION_RECORD_FLOW]
        ),
        knex.raw(
          "CASE WHEN json_valid(??) AND json_type(??, '$.reason') = 'text' THEN json_extract(??, '$.reason') END AS ??",
          [column, column, column, DECISION_REASON]
        ),
      ];
    case 'postgres':
      return [
        knex.raw(
          "CASE WHEN jsonb_typeof(??::jsonb -> 'recordFlow') = 'boolean' THEN ??::jsonb ->> 'recordFlow' END AS ??",
          [column, column, DECISION_RECORD_FLOW]
        ),
        knex.raw(
          "CASE WHEN jsonb_typeof(??::jsonb -> 'reason') = 'string' THEN ??::jsonb ->> 'reason' END AS ??",
          [column, column, DECISION_REASON]
        ),
      ];
    case 'mysql':
      // JSON_UNQUOTE answers text: a bare JSON_EXTRACT is of MySQL 8's JSON type, which mysql2
      // would parse (true, not 'true'). The column is JSON on MySQL 8 and JSON-checked LONGTEXT
      // on MariaDB, so JSON_VALID only keeps a host's looser column from raising an error.
      return [
        knex.raw(
          "CASE WHEN JSON_VALID(??) AND JSON_TYPE(JSON_EXTRACT(??, '$.recordFlow')) = 'BOOLEAN' THEN JSON_UNQUOTE(JSON_EXTRACT(??, '$.recordFlow')) END AS ??",
          [column, column, column, DECISION_RECORD_FLOW]
        ),
        knex.raw(
          "CASE WHEN JSON_VALID(??) AND JSON_TYPE(JSON_EXTRACT(??, '$.reason')) = 'STRING' THEN JSON_UNQUOTE(JSON_EXTRACT(??, '$.reason')) END AS ??",
          [column, column, column, DECISION_REASON]
        ),
      ];
  }
};

/**
 * One keyset batch of the CSV export in the keyset's order (the search's pageSql), ties broken by id: `columns`, and, when
 * `decisionColumn` is given, the decision's two facts in place of its json.
 */
export const exportPageSql = (
  knex: Knex,
  dialect: Dialect,
  table: CallTable,
  filters: SearchFilters,
  keyset: Keyset,
  limit: number,
  access: Access,
  columns: readonly string[],
  decisionColumn: string | null
): Knex.Raw => {
  const facts = decisionColumn === null ? null : decisionFacts(knex, dialect, decisionColumn);
  const select = knex.raw(`${columns.map(() => '??').join(', ')}${facts ? ', ?, ?' : ''}`, [
    ...columns,
    ...(facts ?? []),
  ]);
  return pageSql(knex, dialect, table, filters, keyset, limit, access, select);
};
