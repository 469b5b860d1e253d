import type { Translate, TranslationValues } from '../hooks/useT';

import { toApiError, type ApiError } from './apiError';

/**
 * The server's refusals in the user's language (docs/design.md#admin-pages). The plugin's routes
 * answer Strapi's ValidationError with `details.errors[{ path, message }]` in English for API
 * clients; the pages read each problem by its field and the reason its message gives, and say
 * in the admin's language what to do. A message no rule knows keeps the server's words behind
 * a translated lead, so nothing is lost.
 */

interface Rule {
  /** The field the problem names; a rule without one reads any field. */
  path?: string | RegExp;
  /** The reason, read from the server's English message. */
  reason: RegExp;
  id: string;
  text: string;
  values?: (match: RegExpMatchArray, path: string) => TranslationValues;
}

const FILTER_INSTANT = /^(from|to)$/;

/** Field problems, first match wins: the specific reasons before the general ones. */
const FIELD_RULES: Rule[] = [
  {
    path: 'to',
    reason: /must not exceed (\d+) (calendar )?days/,
    id: 'error.period.tooLong',
    text: 'The period is longer than {days} days: choose a later first day or an earlier last day.',
    values: (match) => ({ days: match[1] }),
  },
  {
    path: 'to',
    reason: /later than from/,
    id: 'error.period.order',
    text: 'The last day is before the first day: choose a later last day.',
  },
  {
    path: FILTER_INSTANT,
    reason: /./,
    id: 'error.period.day',
    text: 'The period could not be read: choose its first and last days again.',
  },
  {
    path: 'tz',
    reason: /./,
    id: 'error.tz',
    text: "The server does not know your browser's time zone: set a standard time zone (such as Asia/Shanghai) on this computer and search again.",
  },
  {
    path: 'callingNumber',
    reason: /whole number/,
    id: 'error.callingNumber.whole',
    text: 'Type the whole calling number: digits with an optional leading +, no *.',
  },
  {
    path: 'callingNumber',
    reason: /required/,
    id: 'error.callingNumber.required',
    text: 'Type the calling number.',
  },
  {
    path: 'callingNumber',
    reason: /./,
    id: 'search.error.callingNumber',
    text: 'Use digits only: an exact number, 86138* (starts with) or *5678 (ends with).',
  },
  {
    path: 'accessCode',
    reason: /is already used by (robot|IVR flow) "(.*)"$/,
    id: 'error.accessCode.taken',
    text: 'This access code is already used by {kind, select, robot {the robot} other {the IVR flow}} "{name}": choose another code.',
    values: (match) => ({ kind: match[1] === 'robot' ? 'robot' : 'ivr', name: match[2] }),
  },
  {
    path: 'accessCode',
    reason: /already used|appears twice/,
    id: 'error.accessCode.used',
    text: 'This access code is already used by another robot or IVR flow: choose another code.',
  },
  {
    path: 'accessCode',
    reason: /required|must not be empty/,
    id: 'error.accessCode.required',
    text: 'Type an access code.',
  },
  {
    path: 'accessCode',
    reason: /./,
    id: 'error.accessCode.format',
    text: 'Start the access code with a letter or digit, then use letters, digits, _ . : or - (64 characters at most).',
  },
  {
    path: 'name',
    reason: /./,
    id: 'error.name',
    text: 'Type a name (255 characters at most).',
  },
  {
    path: 'reason',
    reason: /at most (\d+)/,
    id: 'error.reason.tooLong',
    text: 'Shorten the reason to {max} characters at most.',
    values: (match) => ({ max: match[1] }),
  },
  {
    path: 'reason',
    reason: /required|blank|empty|must be text/,
    id: 'error.reason.required',
    text: 'Say why: the reason is required and kept in the audit log.',
  },
  {
    path: 'retentionDays',
    reason: /./,
    id: 'error.retentionDays',
    text: 'Type a whole number of days from 1 to 36,500, or choose to keep calls forever.',
  },
  {
    path: /^(CHATRECORDFLAG|FLOWRECORDFLAG|CCIVRRECORDFLAG)$/,
    reason: /./,
    id: 'error.flag',
    text: 'Choose On, Off or Bot-level control for {flag}.',
    values: (_match, path) => ({ flag: path }),
  },
  {
    path: 'pageSize',
    reason: /one of (.+)$/,
    id: 'error.pageSize.offered',
    text: 'Choose one of the offered page sizes: {sizes}.',
    values: (match) => ({ sizes: match[1] }),
  },
  {
    path: 'pageSize',
    reason: /./,
    id: 'error.pageSize',
    text: 'Choose a page size from 1 to 100.',
  },
  {
    path: 'sort',
    reason: /./,
    id: 'error.sort',
    text: 'Sort by start time or by duration: choose the order from the list.',
  },
  {
    path: 'cursor',
    reason: /./,
    id: 'error.cursor',
    text: 'This page belongs to an earlier search: search again from the first page.',
  },
  {
    path: 'user',
    reason: /./,
    id: 'error.auditUser',
    text: "Type an admin's email address or id, or leave the field empty for everyone.",
  },
  {
    path: 'action',
    reason: /./,
    id: 'error.auditAction',
    text: 'Choose the actions from the list.',
  },
  {
    reason: /^unknown (field|key)/,
    id: 'error.unknownField',
    text: 'The page sent something the server does not accept: reload the admin, as the plugin may have been updated.',
  },
];

/** Problems with no field, by the status and the server's message. */
const GENERAL_RULES: Array<Rule & { status: number }> = [
  {
    status: 404,
    reason: /^No call with callId (.+)$/,
    id: 'error.call.notFound',
    text: 'Call {callId} is no longer stored: it may have been purged or erased. Search again.',
    values: (match) => ({ callId: match[1] }),
  },
  {
    status: 404,
    reason: /^no (robot|IVR flow) with id/,
    id: 'error.bot.notFound',
    text: 'This robot or IVR flow no longer exists: reload the list.',
  },
  {
    status: 400,
    reason: /^Call (.+) is not held$/,
    id: 'error.call.notHeld',
    text: 'Call {callId} is not under legal hold any more: reload it.',
    values: (match) => ({ callId: match[1] }),
  },
];

const fieldMatches = (rule: Rule, path: string) =>
  rule.path === undefined ||
  (typeof rule.path === 'string' ? rule.path === path : rule.path.test(path));

const apply = (rule: Rule, match: RegExpMatchArray, t: Translate, path = '') =>
  t(rule.id, rule.text, rule.values?.(match, path));

export const knownProblem = (path: string, message: string, t: Translate): string | null => {
  for (const rule of FIELD_RULES) {
    if (!fieldMatches(rule, path)) continue;
    const match = message.match(rule.reason);
    if (match) return apply(rule, match, t, path);
  }
  return null;
};

/** One field's problem, translated: what to do about it. */
export const translateProblem = (path: string, message: string, t: Translate): string =>
  knownProblem(path, message, t) ??
  t('error.field.other', 'The server did not accept {field}: {message}', {
    field: path,
    message,
  });

/** A refusal with no field problem, translated by its status. */
const translateGeneral = (error: ApiError, t: Translate): string => {
  for (const rule of GENERAL_RULES) {
    const match = error.status === rule.status ? error.message.match(rule.reason) : null;
    if (match) return apply(rule, match, t);
  }
  // A 400 without details: the server's messages start with the field they are about.
  const field = error.status === 400 ? /^(\w+) /.exec(error.message) : null;
  const known = field ? knownProblem(field[1], error.message, t) : null;
  if (known) return known;
  switch (error.status) {
    case null:
      return t(
        'error.network',
        'The server could not be reached: check the connection and try again.'
      );
    case 401:
      return t('error.unauthorized', 'Your session has ended: log in again.');
    case 403:
      return t(
        'error.forbidden',
        'You do not have the permission for this: ask an administrator for it.'
      );
    case 404:
      return t('error.notFound', 'This no longer exists: reload the page.');
    case 413:
      return t('error.tooLarge', 'The request is too large: send less at once.');
    case 429:
      return t('error.tooMany', 'Too many requests: wait a moment and try again.');
    default:
      return error.status >= 500
        ? t(
            'error.server',
            'The server failed to answer: try again, and tell an administrator if it happens again.'
          )
        : t('error.other', 'The server refused the request: {message}', {
            message: error.message,
          });
  }
};

/**
 * A failed request as the pages show it: each bad field's translated message, and one message
 * for a notification or an error box. With several bad fields that message names them all
 * (never "2 errors occurred").
 */
export const describeApiError = (failure: unknown, t: Translate): ApiError => {
  const error = toApiError(failure);
  const fieldErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    fieldErrors[path] = translateProblem(path, message, t);
  }
  const messages = [...new Set(Object.values(fieldErrors))];
  return {
    status: error.status,
    message: messages.length > 0 ? messages.join(' ') : translateGeneral(error, t),
    fieldErrors,
  };
};
