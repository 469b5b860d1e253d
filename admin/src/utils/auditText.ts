import type { AuditAction } from '../api/types';

/**
 * The translated label of every kind of audit entry (translation key, English text). A Record
 * over the shared list: an action added to AUDIT_ACTIONS without a label fails the typecheck.
 */
export const ACTION_LABELS: Record<AuditAction, readonly [string, string]> = {
  'settings.update': ['audit.action.settings.update', 'Recording settings changed'],
  'bot.create': ['audit.action.bot.create', 'Robot or IVR flow created'],
  'bot.update': ['audit.action.bot.update', 'Robot or IVR flow changed'],
  'bot.delete': ['audit.action.bot.delete', 'Robot or IVR flow deleted'],
  'calls.delete': ['audit.action.calls.delete', 'Calls deleted'],
  'calls.reveal': ['audit.action.calls.reveal', 'Number revealed'],
  'calls.export.reveal': ['audit.action.calls.export.reveal', 'CSV exported with full numbers'],
  'calls.hold': ['audit.action.calls.hold', 'Legal hold placed'],
  'calls.release': ['audit.action.calls.release', 'Legal hold released'],
  'calls.purge': ['audit.action.calls.purge', 'Expired calls purged'],
  'calls.erase': ['audit.action.calls.erase', 'Calls erased by number'],
  'retention.update': ['audit.action.retention.update', 'Retention period changed'],
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A value of the trail as one short text: '—' for none; a structure (counts per access code) as
 * `{ key: value, … }` with spaces, so that a narrow column can wrap it.
 */
export const valueText = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRecord(value)) {
    const pairs = Object.entries(value).map(([key, inner]) => `${key}: ${valueText(inner)}`);
    return `{ ${pairs.join(', ')} }`;
  }
  return JSON.stringify(value);
};

/**
 * What an entry is about, in one line: a robot or IVR flow by name and access code, a call by
 * its id, anything else as `key: value` pairs; null when the entry has no subject (settings).
 */
export const subjectText = (subject: Record<string, unknown> | null): string | null => {
  if (!subject) return null;
  if (typeof subject.name === 'string' && subject.accessCode !== undefined) {
    return `${subject.name} (${valueText(subject.accessCode)})`;
  }
  if (subject.callId !== undefined) return valueText(subject.callId);
  const pairs = Object.entries(subject).map(([key, value]) => `${key}: ${valueText(value)}`);
  return pairs.length > 0 ? pairs.join(', ') : null;
};

/**
 * Each change as a line: `field: old → new` for a field change, `key: value` for a count;
 * `format` writes the values (the settings page's words for a flag's value, say).
 */
export const changeLines = (
  changes: Record<string, unknown>,
  format: (value: unknown) => string = valueText
): string[] =>
  Object.entries(changes).map(([key, change]) =>
    isRecord(change) && 'from' in change && 'to' in change
      ? `${key}: ${format(change.from)} → ${format(change.to)}`
      : `${key}: ${format(change)}`
  );
