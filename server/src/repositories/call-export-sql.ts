import type { Knex } from 'knex';

import type { CallTable } from '../database/call-record-columns';
import type { SearchFilters } from '../domain/search-query';

import { pageSql, type Access, type Keyset } from './call-search-sql';

/** The aliases of the recording decision's two printed facts; no attribute's column is named so. */
export const DECISION_RECORD_FLOW = 'call_history_decision_record_flow';
export const DECISION_REASON = 'call_history_decision_reason';

/**
 * The decision's `recordFlow` ('true', 'false' or NULL when not a boolean) and `reason` (NULL
 * when not a string), read by the database: the CSV prints only these, and parsing the whole
 * snapshot's json per row was a tenth of an export's time and most of its garbage. Null where
 * the dialect has no such functions: the caller then reads the column and parses it.
 * Malformed json reads as NULL, as the Query Engine's json field leaves it a string.
 */
const decisionFacts = (knex: Knex, dialect: string, column: string): Knex.Raw[] | null => {
  if (dialect === 'sqlite') {
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
  }
  if (dialect === 'postgres') {
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
  }
  return null;
};

/** Whether this dialect reads the decision's facts in the database (decisionFacts). */
export const readsDecisionFacts = (dialect: string): boolean =>
  dialect === 'sqlite' || dialect === 'postgres';

/**
 * One keyset batch of the CSV export in the keyset's order (the search's pageSql), ties broken by id: `columns`, and, when
 * `decisionColumn` is given, the decision's two facts in place of its json.
 */
export const exportPageSql = (
  knex: Knex,
  dialect: string,
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
  return pageSql(knex, table, filters, keyset, limit, access, select);
};
