import type { AuditEntry } from '../../../shared/contracts/audit';

import { neutraliseFormula } from './call-csv';

/** The columns of the audit log's CSV export (`GET /audit/export`). */
export const AUDIT_CSV_COLUMNS = ['at', 'action', 'user', 'subject', 'changes', 'reason'] as const;

const json = (value: Record<string, unknown> | null): string =>
  value === null ? '' : JSON.stringify(value);

/**
 * One CSV record in the order of AUDIT_CSV_COLUMNS: the time in UTC, the user by email (by id
 * when the account had none; empty for a change made outside an admin request), the JSON
 * columns as compact JSON, every cell neutralised against spreadsheet formulas.
 */
export const auditCsvRecord = (entry: AuditEntry): string[] =>
  [
    entry.at,
    entry.action,
    entry.user ? (entry.user.email ?? `#${entry.user.id}`) : '',
    json(entry.subject),
    json(entry.changes),
    entry.reason ?? '',
  ].map(neutraliseFormula);
