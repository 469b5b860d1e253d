import { DateTime, IANAZone } from 'luxon';

import {
  DEFAULT_SEARCH_PAGE_SIZE,
  DEFAULT_SEARCH_SORT,
  SEARCH_PAGE_SIZES,
  SEARCH_SORTS,
  type SearchSort,
} from '../../../shared/contracts/calls';

import { ACCESS_CODE_MAX_LENGTH, ACCESS_CODE_RULE, isAccessCode } from './access-code';
import { instantMessage, readInstant } from './instant';

/**
 * Validation of the Call History request body (docs/design.md#search-contract), shared by search,
 * export, export tickets and stats. The filters travel in a POST body, never in a URL, so that
 * calling numbers stay out of request logs. Pure: every problem is returned with the name of its
 * field, so the controller answers one 400 naming each bad field.
 */

export interface FieldProblem {
  path: string;
  message: string;
}

export type NumberMatch = 'exact' | 'prefix' | 'suffix';

export interface NumberFilter {
  match: NumberMatch;
  /** The digits to match, without the `*`; for a suffix, still in reading order. */
  value: string;
}

export interface SearchFilters {
  from: Date;
  to: Date;
  callingNumber: NumberFilter | null;
  accessCode: string | null;
}

/** The filters and the order of an export: the rows come in the search's order. */
export interface SortedFilters extends SearchFilters {
  sort: SearchSort;
  tz: string;
}

export interface SearchQuery extends SortedFilters {
  pageSize: number;
  cursor: string | null;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldProblem[] };

export interface QueryLimits {
  maxPeriodDays: number;
}

/** The bounds of a free page size (the audit log's); a call search takes SEARCH_PAGE_SIZES. */
export const PAGE_SIZE = { min: 1, max: 100, default: 20 } as const;

const FILTER_KEYS = ['from', 'to', 'callingNumber', 'accessCode', 'tz'] as const;
const EXPORT_KEYS = [...FILTER_KEYS, 'sort'] as const;
/** What a saved search keeps: a search without its cursor. */
export const SAVED_SEARCH_KEYS = [...EXPORT_KEYS, 'pageSize'] as const;
const SEARCH_KEYS = [...SAVED_SEARCH_KEYS, 'cursor'] as const;

// A phone number: an optional leading + then digits (what the call platform sends).
const NUMBER = /^\+?\d{1,32}$/;
const DIGITS = /^\d{1,32}$/;
// The access-code alphabet of robots and IVR flows (lifecycles/bots.ts).
const ZONE_NAME = /^[A-Za-z0-9_+\-/]{1,64}$/;
const CURSOR = /^[A-Za-z0-9_.-]{1,512}$/;

/** The fields of a JSON body, as parsed by Strapi's body parser. */
export type RawBody = Record<string, unknown>;

/** A text field; null and absent are the same (a form sends null for an empty optional field). */
export const stringField = (
  raw: RawBody,
  key: string,
  problems: FieldProblem[]
): string | undefined => {
  const value = raw[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.push({ path: key, message: `${key} must be a string` });
    return undefined;
  }
  return value;
};

/**
 * `from` or `to`: read by the ingest's own reader (domain/instant.ts), so a period is written
 * the way a call's times are, with an offset (a period without one would depend on the
 * server's zone), within the same years.
 */
const parseInstant = (raw: RawBody, key: 'from' | 'to', problems: FieldProblem[]): Date | null => {
  const text = stringField(raw, key, problems);
  if (text === undefined) {
    if (!problems.some((problem) => problem.path === key)) {
      problems.push({ path: key, message: `${key} is required (ISO 8601 with an offset)` });
    }
    return null;
  }
  const reading = readInstant(text.trim());
  if (!reading.ok) {
    problems.push({
      path: key,
      message: instantMessage(key, reading, '2026-01-31T00:00:00+08:00'),
    });
    return null;
  }
  return new Date(reading.millis);
};

const parseNumber = (raw: RawBody, problems: FieldProblem[]): NumberFilter | null => {
  const text = stringField(raw, 'callingNumber', problems);
  if (text === undefined || text.trim() === '') return null;
  const value = text.trim();
  const fail = () => {
    problems.push({
      path: 'callingNumber',
      message:
        'callingNumber must be a number (digits, optional leading +), a prefix ending with * (86138*) or a suffix starting with * (*5678)',
    });
    return null;
  };
  if (value.startsWith('*') && value.endsWith('*')) return fail();
  if (value.startsWith('*')) {
    const digits = value.slice(1);
    return DIGITS.test(digits) ? { match: 'suffix', value: digits } : fail();
  }
  if (value.endsWith('*')) {
    const prefix = value.slice(0, -1);
    return NUMBER.test(prefix) ? { match: 'prefix', value: prefix } : fail();
  }
  return NUMBER.test(value) ? { match: 'exact', value } : fail();
};

/** A calling-number filter as the search reads it, or null when the text is none or not one. */
export const readNumberFilter = (text: string): NumberFilter | null =>
  parseNumber({ callingNumber: text }, []);

const parseAccessCode = (raw: RawBody, problems: FieldProblem[]): string | null => {
  const text = stringField(raw, 'accessCode', problems);
  if (text === undefined || text.trim() === '') return null;
  const value = text.trim();
  if (!isAccessCode(value)) {
    problems.push({
      path: 'accessCode',
      message: `accessCode ${ACCESS_CODE_RULE}, at most ${ACCESS_CODE_MAX_LENGTH} characters`,
    });
    return null;
  }
  return value;
};

export const isTimeZone = (value: string): boolean =>
  ZONE_NAME.test(value) && IANAZone.isValidZone(value);

const parseTimeZone = (raw: RawBody, problems: FieldProblem[]): string => {
  const text = stringField(raw, 'tz', problems);
  if (text === undefined || text === '') return 'UTC';
  if (!isTimeZone(text)) {
    problems.push({
      path: 'tz',
      message: 'tz must be an IANA time zone name, e.g. Asia/Shanghai or UTC',
    });
    return 'UTC';
  }
  return text;
};

/**
 * The end of the longest period starting at `from`: maxPeriodDays calendar days in `tz`, so
 * that 31 whole local days are accepted across a daylight-saving change (745 h in autumn in
 * Europe); in UTC, the default, exactly maxPeriodDays × 24 h.
 */
const latestTo = (from: Date, tz: string, maxPeriodDays: number): number =>
  DateTime.fromJSDate(from, { zone: tz }).plus({ days: maxPeriodDays }).toMillis();

export const rejectUnknown = (
  raw: RawBody,
  allowed: readonly string[],
  problems: FieldProblem[]
) => {
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      problems.push({
        path: key,
        message: `unknown field ${key}: expected ${allowed.join(', ')}`,
      });
    }
  }
};

const parseFilters = (
  raw: RawBody,
  limits: QueryLimits,
  problems: FieldProblem[]
): (SearchFilters & { tz: string }) | null => {
  const from = parseInstant(raw, 'from', problems);
  const to = parseInstant(raw, 'to', problems);
  // Read first (the period is counted in its days), reported in the order of the fields.
  const tzProblems: FieldProblem[] = [];
  const tz = parseTimeZone(raw, tzProblems);
  if (from && to) {
    if (from.getTime() >= to.getTime()) {
      problems.push({ path: 'to', message: 'to must be later than from' });
    } else if (to.getTime() > latestTo(from, tz, limits.maxPeriodDays)) {
      problems.push({
        path: 'to',
        message: `the period (from … to) must not exceed ${limits.maxPeriodDays} days (calendar days in ${tz})`,
      });
    }
  }
  const callingNumber = parseNumber(raw, problems);
  const accessCode = parseAccessCode(raw, problems);
  problems.push(...tzProblems);
  if (!from || !to) return null;
  return { from, to, callingNumber, accessCode, tz };
};

/** An integer, as a JSON number or as text of digits (what a form field or a URL gives). */
export const parsePageSize = (
  raw: RawBody,
  problems: FieldProblem[],
  fallback: number = PAGE_SIZE.default
): number => {
  const given = raw.pageSize;
  if (given === undefined || given === null) return fallback;
  const value =
    typeof given === 'number'
      ? given
      : typeof given === 'string' && /^\d{1,4}$/.test(given)
        ? Number(given)
        : NaN;
  if (!(Number.isInteger(value) && value >= PAGE_SIZE.min && value <= PAGE_SIZE.max)) {
    problems.push({
      path: 'pageSize',
      message: `pageSize must be an integer from ${PAGE_SIZE.min} to ${PAGE_SIZE.max}`,
    });
    return fallback;
  }
  return value;
};

/** A search's page size: one of the sizes the admin offers (SEARCH_PAGE_SIZES). */
const parseSearchPageSize = (raw: RawBody, problems: FieldProblem[]): number => {
  const given = raw.pageSize;
  if (given === undefined || given === null) return DEFAULT_SEARCH_PAGE_SIZE;
  const value = typeof given === 'string' && /^\d{1,4}$/.test(given) ? Number(given) : given;
  if (!(SEARCH_PAGE_SIZES as readonly unknown[]).includes(value)) {
    problems.push({
      path: 'pageSize',
      message: `pageSize must be one of ${SEARCH_PAGE_SIZES.join(', ')}`,
    });
    return DEFAULT_SEARCH_PAGE_SIZE;
  }
  return value as number;
};

const isSearchSort = (value: unknown): value is SearchSort =>
  (SEARCH_SORTS as readonly unknown[]).includes(value);

const parseSort = (raw: RawBody, problems: FieldProblem[]): SearchSort => {
  const text = stringField(raw, 'sort', problems);
  if (text === undefined || text === '') return DEFAULT_SEARCH_SORT;
  if (!isSearchSort(text)) {
    problems.push({ path: 'sort', message: `sort must be one of ${SEARCH_SORTS.join(', ')}` });
    return DEFAULT_SEARCH_SORT;
  }
  return text;
};

export const parseCursor = (raw: RawBody, problems: FieldProblem[]): string | null => {
  const text = stringField(raw, 'cursor', problems);
  if (text === undefined || text === '') return null;
  if (!CURSOR.test(text)) {
    problems.push({ path: 'cursor', message: 'cursor is not a cursor this search returned' });
    return null;
  }
  return text;
};

export const done = <T>(value: T | null, problems: FieldProblem[]): Validated<T> =>
  problems.length > 0 || value === null ? { ok: false, errors: problems } : { ok: true, value };

/** The filters, the order and the page size: a search without its cursor. */
export type SavedSearchQuery = Omit<SearchQuery, 'cursor'>;

const parseSortedPage = (
  raw: RawBody,
  limits: QueryLimits,
  problems: FieldProblem[]
): SavedSearchQuery | null => {
  const filters = parseFilters(raw, limits, problems);
  const sort = parseSort(raw, problems);
  const pageSize = parseSearchPageSize(raw, problems);
  return filters && { ...filters, sort, pageSize };
};

/** `POST /calls/search`: the filters, the order, the page size and the cursor. */
export const parseSearchBody = (raw: RawBody, limits: QueryLimits): Validated<SearchQuery> => {
  const problems: FieldProblem[] = [];
  rejectUnknown(raw, SEARCH_KEYS, problems);
  const search = parseSortedPage(raw, limits, problems);
  const cursor = parseCursor(raw, problems);
  return done(search && { ...search, cursor }, problems);
};

/** A saved search's search: validated as the search itself is, without a cursor. */
export const parseSavedSearchBody = (
  raw: RawBody,
  limits: QueryLimits
): Validated<SavedSearchQuery> => {
  const problems: FieldProblem[] = [];
  rejectUnknown(raw, SAVED_SEARCH_KEYS, problems);
  return done(parseSortedPage(raw, limits, problems), problems);
};

/** `POST /calls/export` and `/calls/export/ticket`: the filters and the order of the rows. */
export const parseExportBody = (raw: RawBody, limits: QueryLimits): Validated<SortedFilters> => {
  const problems: FieldProblem[] = [];
  rejectUnknown(raw, EXPORT_KEYS, problems);
  const filters = parseFilters(raw, limits, problems);
  const sort = parseSort(raw, problems);
  return done(filters && { ...filters, sort }, problems);
};

/** `POST /calls/stats` and `/calls/hold`: the filters and the client's time zone. */
export const parseFilterBody = (
  raw: RawBody,
  limits: QueryLimits
): Validated<SearchFilters & { tz: string }> => {
  const problems: FieldProblem[] = [];
  rejectUnknown(raw, FILTER_KEYS, problems);
  return done(parseFilters(raw, limits, problems), problems);
};
