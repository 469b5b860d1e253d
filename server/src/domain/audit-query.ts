import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/contracts/audit';

import { instantMessage, readInstant } from './instant';
import {
  done,
  parseCursor,
  parsePageSize,
  rejectUnknown,
  stringField,
  type FieldProblem,
  type RawBody,
  type Validated,
} from './search-query';
import { openValue, sealValue } from './signed-value';

/**
 * The audit log's filters (`GET /audit`, `GET /audit/export`), read from the query string: the
 * trail holds no calling number (docs/design.md#privacy), so a URL may carry them. Pure: every
 * problem is returned with the name of its parameter, as the search does.
 *
 * The period has no upper bound on its length, unlike the search's 31 days: the log is read a
 * page at a time by id, so a long period costs a page what a short one does, and an auditor
 * asking "everything this year" is the common case.
 */

export type AuditUserFilter = { id: number } | { email: string };

export interface AuditFilters {
  /** Some kinds of entry, sorted; null for every kind. */
  actions: AuditAction[] | null;
  user: AuditUserFilter | null;
  from: Date | null;
  /** Exclusive. */
  to: Date | null;
}

export interface AuditQuery extends AuditFilters {
  pageSize: number;
  cursor: string | null;
}

/** A page of the log when the client asks for no size: what the route answered before paging. */
export const AUDIT_PAGE_SIZE_DEFAULT = 100;

const FILTER_KEYS = ['action', 'user', 'from', 'to'] as const;
const QUERY_KEYS = [...FILTER_KEYS, 'pageSize', 'cursor'] as const;

const USER_ID = /^\d{1,15}$/;
const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;
// A `+` in a query string is decoded as a space, so `…T08:00:00+08:00` sent unencoded arrives
// as `…T08:00:00 08:00`: the only place a space can stand in an instant is before its offset.
const UNENCODED_OFFSET = / (\d{2}(?::?\d{2})?)$/;

const isAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);

/** `action=a&action=b`, `action[]=a` or `action=a,b`: one or more kinds, each known. */
const parseActions = (raw: RawBody, problems: FieldProblem[]): AuditAction[] | null => {
  const given = raw.action;
  if (given === undefined || given === null || given === '') return null;
  const parts = Array.isArray(given) ? (given as unknown[]) : [given];
  if (!parts.every((part): part is string => typeof part === 'string')) {
    problems.push({ path: 'action', message: 'action must be one or more action names' });
    return null;
  }
  const names = parts.flatMap((part) => part.split(',')).map((name) => name.trim());
  const unknown = names.filter((name) => name !== '' && !isAction(name));
  if (unknown.length > 0) {
    problems.push({
      path: 'action',
      message: `unknown action ${unknown.join(', ')}: expected ${AUDIT_ACTIONS.join(', ')}`,
    });
    return null;
  }
  const chosen = [...new Set(names.filter(isAction))].sort();
  return chosen.length > 0 ? chosen : null;
};

/** An admin's numeric id, or an email matched without regard to case. */
const parseUser = (raw: RawBody, problems: FieldProblem[]): AuditUserFilter | null => {
  const text = stringField(raw, 'user', problems)?.trim();
  if (text === undefined || text === '') return null;
  if (USER_ID.test(text) && Number(text) > 0) return { id: Number(text) };
  if (EMAIL.test(text)) return { email: text.toLowerCase() };
  problems.push({ path: 'user', message: "user must be an admin's id or email address" });
  return null;
};

const parseBound = (raw: RawBody, key: 'from' | 'to', problems: FieldProblem[]): Date | null => {
  const text = stringField(raw, key, problems)?.trim();
  if (text === undefined || text === '') return null;
  const reading = readInstant(text.replace(UNENCODED_OFFSET, '+$1'));
  if (!reading.ok) {
    problems.push({ path: key, message: instantMessage(key, reading) });
    return null;
  }
  return new Date(reading.millis);
};

const parseAuditFilters = (raw: RawBody, problems: FieldProblem[]): AuditFilters => {
  const actions = parseActions(raw, problems);
  const user = parseUser(raw, problems);
  const from = parseBound(raw, 'from', problems);
  const to = parseBound(raw, 'to', problems);
  if (from && to && from.getTime() >= to.getTime()) {
    problems.push({ path: 'to', message: 'to must be later than from' });
  }
  return { actions, user, from, to };
};

/** `GET /audit`: the filters, the page size and the cursor. */
export const parseAuditQuery = (raw: RawBody): Validated<AuditQuery> => {
  const problems: FieldProblem[] = [];
  rejectUnknown(raw, QUERY_KEYS, problems);
  const filters = parseAuditFilters(raw, problems);
  const pageSize = parsePageSize(raw, problems, AUDIT_PAGE_SIZE_DEFAULT);
  const cursor = parseCursor(raw, problems);
  return done({ ...filters, pageSize, cursor }, problems);
};

/** `GET /audit/export`: the filters alone (the file holds every matching entry). */
export const parseAuditFilterQuery = (raw: RawBody): Validated<AuditFilters> => {
  const problems: FieldProblem[] = [];
  rejectUnknown(raw, FILTER_KEYS, problems);
  return done(parseAuditFilters(raw, problems), problems);
};

/** What an audit cursor is bound to: the same filters, whatever the page size. */
export const auditFingerprint = (filters: AuditFilters): string =>
  JSON.stringify([
    'audit',
    filters.actions,
    filters.user,
    filters.from?.getTime() ?? null,
    filters.to?.getTime() ?? null,
  ]);

/** The log is read newest first by id alone: ids only grow, and one column makes one seek. */
export const encodeAuditCursor = (lastId: number, fingerprint: string, secret: string): string =>
  sealValue([lastId], secret, fingerprint);

/** The id to read below, or null when the cursor was altered or issued for other filters. */
export const decodeAuditCursor = (
  cursor: string,
  fingerprint: string,
  secret: string
): number | null => {
  const decoded = openValue(cursor, secret, fingerprint);
  if (!Array.isArray(decoded) || decoded.length !== 1) return null;
  const [id] = decoded as unknown[];
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
};
