/**
 * Text that came from a caller or the database, made fit for one log line: a database's
 * message may quote a value of the row it refused (a calling number, what a caller said), and a
 * caller's text may hold line breaks that would forge log lines. Pure, so the rule is
 * unit-tested; every `strapi.log` of such text goes through it.
 */

/** Enough of a message to tell the failure; a refused 24 MB row is not logged whole. */
export const MAX_LOG_TEXT = 500;

/**
 * Six digits or more, in one run or split by single spaces, dots or dashes: a phone number
 * however it is written (the shortest national numbers have six). Five-digit codes (SQLSTATE
 * 23514, a port, a service number like 10086) stay readable.
 */
const DIGIT_RUN = /\d(?:[ .-]?\d){5,}/g;

/** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
const UNSAFE = /[\p{Cc}\u2028\u2029\\]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

const escape = (character: string) =>
  NAMED[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The text with every digit of a long digit run masked (`#`), control characters escaped the
 * JSON way (`\n`, `\u001b`; a backslash doubled, so an escape is never ambiguous), and cut to
 * `max` characters.
 */
export const logText = (value: unknown, max = MAX_LOG_TEXT): string => {
  const text = value instanceof Error ? value.message : String(value);
  const safe = text.replace(DIGIT_RUN, (run) => run.replace(/\d/g, '#')).replace(UNSAFE, escape);
  return safe.length > max ? `${safe.slice(0, max)}… (${safe.length - max} more)` : safe;
};
