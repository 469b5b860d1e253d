import callRecordSchema from '../content-types/call-record/schema';

import { flowRecordedFrom, type CallRow } from './call-list';
import { attributePosition, exportRowOf, valueAt, type ExportLayout } from './export-row';
import { zonedIsoWriter } from './zoned-iso';

/**
 * The columns of the CSV export: the call data an agent reads in the table, each time both in
 * UTC and in the client's time zone, a summary of the flow and of the recording decision, then
 * any attribute a developer added to call-record (generically, by name).
 */

/** The first base columns: each is its attribute's value, as text, under the attribute's name. */
const VALUE_COLUMNS = [
  'callId',
  'callingNumber',
  'calledNumber',
  'accessCode',
  'botKind',
  'botName',
] as const;

const BASE_COLUMNS = [
  ...VALUE_COLUMNS,
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

/**
 * The call attributes the base columns print: with the extras, all an export reads. Not the
 * trace (its stored step count is printed), nor the hold, nor Strapi's timestamps.
 */
export const CSV_BASE_ATTRIBUTES: readonly string[] = [
  'callId',
  'callingNumber',
  'calledNumber',
  'accessCode',
  'botKind',
  'botName',
  'startTime',
  'endTime',
  'durationSeconds',
  'endReason',
  'flowSteps',
  'recordingDecision',
];

export const csvColumns = (extraAttributes: string[]): string[] => [
  ...BASE_COLUMNS,
  ...extraAttributes,
];

/** A time's cells (a Date, or its ISO text): in UTC and in the zone, both empty when there is none. */
const timeCells = (value: unknown, local: (ms: number) => string): [string, string] => {
  if (value === null || value === undefined || value === '') return ['', ''];
  const date = value instanceof Date ? value : new Date(value as string);
  const ms = date.getTime();
  if (Number.isNaN(ms)) return [String(value), String(value)];
  return [date.toISOString(), local(ms)];
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
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
export const neutraliseFormula = (cell: string): string =>
  FORMULA_START.has(cell.charAt(0)) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;

/**
 * A writer of CSV records (arrays in the order of `csvColumns`) for one export, from rows laid
 * out as `layout` says (export-row.ts): every cell is neutralised against formulas, the quoting
 * is csv-text's. It keeps the zone's offsets of the hours it has written (zoned-iso.ts), so one
 * writer serves a whole export.
 */
export const csvRecordWriter = (
  tz: string,
  extraAttributes: readonly string[],
  layout: ExportLayout
): ((row: readonly unknown[]) => string[]) => {
  const local = zonedIsoWriter(tz);
  const at = (name: string) => attributePosition(layout, name);
  const [callId, callingNumber, calledNumber, accessCode, botKind, botName] = VALUE_COLUMNS.map(at);
  const [startTime, endTime, durationSeconds, endReason, flowSteps] = [
    'startTime',
    'endTime',
    'durationSeconds',
    'endReason',
    'flowSteps',
  ].map(at);
  const extras = extraAttributes.map(at);
  return (row) => {
    const [startUtc, startLocal] = timeCells(valueAt(row, startTime), local);
    const [endUtc, endLocal] = timeCells(valueAt(row, endTime), local);
    const steps = valueAt(row, flowSteps);
    const reason = valueAt(row, layout.reason);
    const cells = [
      text(valueAt(row, callId)),
      text(valueAt(row, callingNumber)),
      text(valueAt(row, calledNumber)),
      text(valueAt(row, accessCode)),
      text(valueAt(row, botKind)),
      text(valueAt(row, botName)),
      startUtc,
      startLocal,
      endUtc,
      endLocal,
      tz,
      text(valueAt(row, durationSeconds)),
      text(valueAt(row, endReason)),
      flowRecordedFrom(valueAt(row, layout.recordFlow), steps) ? 'true' : 'false',
      // The count stored with the call: the export never reads the trace itself.
      text(steps),
      typeof reason === 'string' ? reason : '',
    ];
    for (const position of extras) cells.push(text(valueAt(row, position)));
    for (let i = 0; i < cells.length; i += 1) cells[i] = neutraliseFormula(cells[i]);
    return cells;
  };
};

/** One CSV record of one call object (`csvRecordWriter` for a single record). */
export const csvRecord = (call: CallRow, tz: string, extraAttributes: string[]): string[] => {
  const { layout, row } = exportRowOf(call);
  return csvRecordWriter(tz, extraAttributes, layout)(row);
};
