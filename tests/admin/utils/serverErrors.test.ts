import { createIntl } from 'react-intl';

import type { Translate } from '../../../admin/src/hooks/useT';
import en from '../../../admin/src/translations/en.json';
import zh from '../../../admin/src/translations/zh-Hans.json';
import { describeApiError, knownProblem } from '../../../admin/src/utils/serverErrors';
import { parseSearchBody } from '../../../server/src/domain/search-query';

/** The translate function of the admin in `locale`, with the plugin's messages. */
const translator = (locale: string, messages: Record<string, string>): Translate => {
  const intl = createIntl({
    locale,
    messages: Object.fromEntries(
      Object.entries(messages).map(([key, text]) => [`call-history.${key}`, text])
    ),
  });
  return (id, defaultMessage, values) =>
    intl.formatMessage({ id: `call-history.${id}`, defaultMessage }, values);
};

const english = translator('en', en);
const chinese = translator('zh-Hans', zh);

/** An axios error carrying Strapi's error body. */
const refused = (
  status: number,
  message: string,
  errors?: Array<{ path: string[]; message: string }>
) => ({
  response: { status, data: { error: { status, message, details: errors ? { errors } : {} } } },
});

const TWO_PROBLEMS = refused(400, '2 errors occurred', [
  {
    path: ['to'],
    message: 'the period (from … to) must not exceed 31 days (calendar days in UTC)',
  },
  {
    path: ['callingNumber'],
    message:
      'callingNumber must be a number (digits, optional leading +), a prefix ending with * (86138*) or a suffix starting with * (*5678)',
  },
]);

describe('describeApiError', () => {
  it('shows both problems of a two-error answer, each saying what to do', () => {
    const problem = describeApiError(TWO_PROBLEMS, english);
    expect(problem.fieldErrors).toEqual({
      to: 'The period is longer than 31 days: choose a later first day or an earlier last day.',
      callingNumber: 'Use digits only: an exact number, 86138* (starts with) or *5678 (ends with).',
    });
    expect(problem.message).toBe(
      'The period is longer than 31 days: choose a later first day or an earlier last day. Use digits only: an exact number, 86138* (starts with) or *5678 (ends with).'
    );
    expect(problem.message).not.toMatch(/errors occurred/);
  });

  it('says it in Simplified Chinese in the Chinese admin', () => {
    const problem = describeApiError(TWO_PROBLEMS, chinese);
    expect(problem.fieldErrors.to).toBe('时间段超过 31 天：请选择更晚的开始日期或更早的结束日期。');
    expect(problem.message).not.toMatch(/[a-z]{4}/);
  });

  it.each([
    ['to', 'to must be later than from', 'The last day is before the first day'],
    ['accessCode', 'accessCode 1001 is already used by robot "Sales bot"', 'the robot "Sales bot"'],
    ['accessCode', 'accessCode 2001 is already used by IVR flow "Main"', 'the IVR flow "Main"'],
    ['accessCode', 'accessCode must start with a letter or digit, then …', 'Start the access code'],
    ['callingNumber', 'callingNumber must be a whole number: digits …', 'Type the whole calling'],
    ['reason', 'reason is required: say why the full numbers are needed', 'Say why'],
    ['reason', 'reason must be at most 1000 characters', 'at most'],
    ['retentionDays', 'retentionDays must be at most 36500 days', 'whole number of days'],
    ['CHATRECORDFLAG', 'CHATRECORDFLAG must be one of ON, OFF, BOT_LEVEL', 'for CHATRECORDFLAG'],
    ['cursor', 'cursor is not valid for this search: …', 'search again from the first page'],
    ['tz', 'tz must be an IANA time zone name', 'time zone'],
    ['pageSize', 'pageSize must be an integer from 1 to 100', 'page size'],
    ['foo', 'unknown field foo: expected from, to', 'reload the admin'],
  ])('reads %s: "%s"', (path, message, expected) => {
    const problem = describeApiError(refused(400, message, [{ path: [path], message }]), english);
    expect(problem.fieldErrors[path]).toContain(expected);
    expect(
      describeApiError(refused(400, message, [{ path: [path], message }]), chinese).message
    ).not.toBe(problem.message);
  });

  it('keeps the words of a problem no rule knows, behind a translated lead', () => {
    const problem = describeApiError(
      refused(400, 'x', [{ path: ['name'], message: 'name is odd' }]),
      english
    );
    expect(problem.fieldErrors.name).toBe('Type a name (255 characters at most).');
    const unknown = describeApiError(
      refused(400, 'x', [{ path: ['colour'], message: 'colour is odd' }]),
      english
    );
    expect(unknown.message).toBe('The server did not accept colour: colour is odd');
  });

  it('reads refusals without a field by their status', () => {
    expect(describeApiError(refused(404, 'No call with callId C-1'), english).message).toBe(
      'Call C-1 is no longer stored: it may have been purged or erased. Search again.'
    );
    expect(describeApiError(refused(403, 'Policy Failed'), english).message).toBe(
      'You do not have the permission for this: ask an administrator for it.'
    );
    expect(describeApiError(refused(503, 'busy'), english).message).toMatch(/^The server failed/);
    expect(describeApiError(new Error('Network Error'), english).message).toMatch(
      /^The server could not be reached/
    );
    // A 400 without details is read by the field its message starts with.
    expect(describeApiError(refused(400, 'to must be later than from'), english).message).toBe(
      'The last day is before the first day: choose a later last day.'
    );
  });
});

/**
 * The rules read the reason from the server's English message: held here to the messages the
 * server's own search validation writes, so that rewording one fails this test instead of
 * leaving the user the untranslated fallback.
 */
describe('the rules against the real search validation', () => {
  const period = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
  it.each<[string, Record<string, unknown>]>([
    ['a period in the wrong order', { from: '2026-03-10T00:00:00Z', to: '2026-03-01T00:00:00Z' }],
    ['a period too long', { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }],
    ['an unreadable day', { from: 'yesterday', to: '2026-03-01T00:00:00Z' }],
    ['a missing period', {}],
    ['an unknown zone', { ...period, tz: 'Mars/Base' }],
    ['a malformed number', { ...period, callingNumber: '12*34' }],
    ['a page size not offered', { ...period, pageSize: 30 }],
    ['an unknown sort', { ...period, sort: 'name:asc' }],
  ])('%s is translated by a rule, in both languages', (_label, body) => {
    const result = parseSearchBody(body, { maxPeriodDays: 31 });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.errors;
    expect(problems.length).toBeGreaterThan(0);
    for (const { path, message } of problems) {
      expect(knownProblem(path, message, english)).not.toBeNull();
      expect(knownProblem(path, message, chinese)).not.toBeNull();
    }
  });
});
