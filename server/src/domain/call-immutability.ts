import { isDeepStrictEqual } from 'util';

import {
  CALL_CONTRACT_KEYS,
  CALL_DECIDED_FIELDS,
  CALL_DERIVED_FIELDS,
  CALL_HOLD_FIELDS,
} from '../../../shared/contracts/calls';

/**
 * A stored call is evidence (docs/design.md#call-records-are-evidence): its contract fields
 * never change after it is stored, on any write path. Attributes a developer added by extension stay editable (a survey score or
 * a note arrives after the call). Pure, so the rule is tested without Strapi.
 */

/**
 * The call as the platform reported it (the ingest's contract) and as the plugin decided it
 * when it stored the call.
 */
export const CONTRACT_FIELDS = [...CALL_CONTRACT_KEYS, ...CALL_DECIDED_FIELDS] as const;

/** The contract, the decision and what the plugin derives from them (search helpers). */
export const IMMUTABLE_FIELDS: readonly string[] = [...CONTRACT_FIELDS, ...CALL_DERIVED_FIELDS];

/**
 * The legal hold's columns: only the hold service writes them (services/call-holds.ts), so a
 * write of the call may carry them only as they are stored (a form sends every field back).
 */
export const HOLD_FIELDS: readonly string[] = CALL_HOLD_FIELDS;

/** What a write of a stored call may carry only with the value stored. */
export const GUARDED_FIELDS: readonly string[] = [...IMMUTABLE_FIELDS, ...HOLD_FIELDS];

const TIME_FIELDS = new Set(['startTime', 'endTime', 'heldAt']);

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

const millis = (value: unknown): number | null => {
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
    return null;
  }
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : time;
};

/**
 * Whether a value sent for a field is the value stored, as a form would send it back: '' for
 * no value, a time in any ISO form or as a Date, a number as text, json with keys in any order.
 */
export const sameStoredValue = (field: string, sent: unknown, stored: unknown): boolean => {
  if (isBlank(sent) || isBlank(stored)) return isBlank(sent) && isBlank(stored);
  if (TIME_FIELDS.has(field)) {
    const time = millis(sent);
    return time !== null && time === millis(stored);
  }
  if (typeof stored === 'number') return Number(sent) === stored;
  if (typeof stored === 'string') return typeof sent === 'string' && sent === stored;
  return isDeepStrictEqual(sent, stored);
};

/**
 * The guarded fields an update would change on any of the stored rows it targets, in
 * contract order, the hold's last. Fields sent with their stored value are not changes.
 */
export const changedImmutableFields = (
  data: Record<string, unknown>,
  storedRows: ReadonlyArray<Record<string, unknown>>
): string[] =>
  GUARDED_FIELDS.filter(
    (field) =>
      field in data && storedRows.some((row) => !sameStoredValue(field, data[field], row[field]))
  );

const holdFieldMessage = (field: string) =>
  `${field} cannot be written: a legal hold is placed and released only through the call-history hold routes (action calls.hold), which audit it`;

export const immutableFieldMessage = (field: string) =>
  HOLD_FIELDS.includes(field)
    ? holdFieldMessage(field)
    : `${field} cannot be changed: a stored call is evidence, and its contract fields never change after it is stored`;

/**
 * The hold fields a new call carries with a value (a blank is no hold, as a form sends it):
 * a call is never created held.
 */
export const heldFieldsOnCreate = (data: Record<string, unknown>): string[] =>
  HOLD_FIELDS.filter((field) => field in data && !isBlank(data[field]));
