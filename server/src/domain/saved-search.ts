import type { SavedSearchBody } from '../../../shared/contracts/calls';

import {
  done,
  parseSavedSearchBody,
  readNumberFilter,
  stringField,
  type FieldProblem,
  type QueryLimits,
  type RawBody,
  type Validated,
} from './search-query';

/**
 * A saved search as `POST /saved-searches` takes it (docs/design.md#saved-searches): a name,
 * and a search body read by the search's own validation, so a saved search always runs, and
 * each bad field is named as the search names it. Pure.
 */

export const SAVED_SEARCH_NAME_MAX = 100;
/** Saved searches one admin may keep: the list is a menu, not an archive. */
export const SAVED_SEARCHES_PER_ADMIN = 50;

export interface SavedSearchInput {
  name: string;
  /** What is stored and answered: the body's own texts, the defaults filled in. */
  search: SavedSearchBody;
}

const parseName = (raw: RawBody, problems: FieldProblem[]): string | null => {
  const text = stringField(raw, 'name', problems)?.trim();
  if (text === undefined || text === '') {
    if (!problems.some((problem) => problem.path === 'name')) {
      problems.push({ path: 'name', message: 'name is required: name the search' });
    }
    return null;
  }
  if (text.length > SAVED_SEARCH_NAME_MAX) {
    problems.push({
      path: 'name',
      message: `name must be at most ${SAVED_SEARCH_NAME_MAX} characters`,
    });
    return null;
  }
  return text;
};

const trimmed = (raw: RawBody, key: string): string | undefined => {
  const value = raw[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** `{ name, ...search }`: the name and the search body, without a cursor. */
export const parseSavedSearch = (
  raw: RawBody,
  limits: QueryLimits
): Validated<SavedSearchInput> => {
  const problems: FieldProblem[] = [];
  const name = parseName(raw, problems);
  const body: RawBody = { ...raw };
  delete body.name;
  const parsed = parseSavedSearchBody(body, limits);
  if (!parsed.ok) problems.push(...parsed.errors);
  if (!parsed.ok || name === null) return { ok: false, errors: problems };
  const { tz, sort, pageSize } = parsed.value;
  const search: SavedSearchBody = {
    from: trimmed(raw, 'from') ?? '',
    to: trimmed(raw, 'to') ?? '',
    tz,
    sort,
    pageSize,
  };
  const callingNumber = trimmed(raw, 'callingNumber');
  const accessCode = trimmed(raw, 'accessCode');
  if (callingNumber) search.callingNumber = callingNumber;
  if (accessCode) search.accessCode = accessCode;
  return done({ name, search }, problems);
};

/**
 * Whether a saved search's calling-number filter would find this number: the same number, a
 * prefix it starts with or a suffix it ends with. An erasure of the number deletes those saved
 * searches: whatever its width, such a filter was written to find that person's calls.
 */
export const searchFindsNumber = (search: { callingNumber?: unknown }, number: string): boolean => {
  if (typeof search.callingNumber !== 'string') return false;
  const filter = readNumberFilter(search.callingNumber);
  if (!filter) return false;
  if (filter.match === 'exact') return filter.value === number;
  return filter.match === 'prefix'
    ? number.startsWith(filter.value)
    : number.endsWith(filter.value);
};
