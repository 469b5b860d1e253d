import { DateTime } from 'luxon';

import callRecordSchema from '../content-types/call-record/schema';

import { flowRecorded, type CallRow } from './call-list';

/**
 * The columns of the CSV export: the call data an agent reads in the table, each time both in
 * UTC and in the client's time zone, a summary of the flow and of the recording decision, then
 * any attribute a developer added to call-record (generically, by name).
 */

const BASE_COLUMNS = [
  'callId',
  'callingNumber',
  'calledNumber',
  'accessCode',
  'botKind',
  'botName',
  'startTimeUtc',
  'startTimeLocal',
  'endTimeUtc',
  'endTimeLocal',
  'timeZone',
  'durationSeconds',
  'endReason',
  'flowRecorded',
  'flowSteps',
  'recordingReason',
] as const;

/** Attributes the base columns already cover (or that are internal), never repeated as extras. */
export const COVERED_ATTRIBUTES = new Set<string>([
  'id',
  ...Object.keys(callRecordSchema.attributes),
  'createdAt',
  'updatedAt',
]);

export const csvColumns = (extraAttributes: string[]): string[] => [
  ...BASE_COLUMNS,
  ...extraAttributes,
];

const utc = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value as string);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
};

const local = (value: unknown, tz: string): string => {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value as string);
  if (Number.isNaN(date.getTime())) return String(value);
  return DateTime.fromJSDate(date, { zone: tz }).toISO({ suppressMilliseconds: false }) ?? '';
};

const text = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/**
 * A spreadsheet opened on the file reads a cell starting with = + - @ as a formula (and some
 * skip a leading tab or carriage return before reading one): `=HYPERLINK(...)` in an end reason would run. Such cells get
 * a leading `'`, which spreadsheets show as text; a plain number (`+8613800138000`, `-5`,
 * `1.5`) is left as it is, since no spreadsheet runs it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
export const neutraliseFormula = (cell: string): string =>
  FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;

const decisionReason = (decision: unknown): string => {
  if (!decision || typeof decision !== 'object') return '';
  const reason = (decision as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : '';
};

/**
 * One CSV record (an array in the order of `csvColumns`): csv-stringify does the quoting, every
 * cell is neutralised against formulas.
 */
export const csvRecord = (call: CallRow, tz: string, extraAttributes: string[]): string[] => {
  const cells = [
    text(call.callId),
    text(call.callingNumber),
    text(call.calledNumber),
    text(call.accessCode),
    text(call.botKind),
    text(call.botName),
    utc(call.startTime),
    local(call.startTime, tz),
    utc(call.endTime),
    local(call.endTime, tz),
    tz,
    text(call.durationSeconds),
    text(call.endReason),
    flowRecorded(call) ? 'true' : 'false',
    // The count stored with the call: the export never reads the trace itself.
    text(call.flowSteps),
    decisionReason(call.recordingDecision),
    ...extraAttributes.map((name) => text(call[name])),
  ];
  return cells.map(neutraliseFormula);
};
