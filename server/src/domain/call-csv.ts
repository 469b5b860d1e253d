import { DateTime } from 'luxon';

import callRecordSchema from '../content-types/call-record/schema';

/**
 * The columns of the CSV export: the call data an agent reads in the table, each time both in
 * UTC and in the client's time zone, a summary of the flow and of the recording decision, then
 * any attribute a developer added to call-record (generically, by name).
 */

export type CallRow = Record<string, unknown>;

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

const decisionReason = (decision: unknown): string => {
  if (!decision || typeof decision !== 'object') return '';
  const reason = (decision as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : '';
};

/** One CSV record (an array in the order of `csvColumns`): csv-stringify does the quoting. */
export const csvRecord = (call: CallRow, tz: string, extraAttributes: string[]): string[] => {
  const trace = call.flowTrace;
  return [
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
    Array.isArray(trace) ? 'true' : 'false',
    Array.isArray(trace) ? String(trace.length) : '',
    decisionReason(call.recordingDecision),
    ...extraAttributes.map((name) => text(call[name])),
  ];
};
