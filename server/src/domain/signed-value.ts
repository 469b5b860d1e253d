import { createHmac, timingSafeEqual } from 'crypto';

/**
 * A JSON value sealed with an HMAC, as `payload.signature` in base64url: the format of the
 * search cursors (a cursor's payload is a row position, nothing personal). The signature also
 * covers a `context` string that is not carried in the text, so a value sealed for one context
 * (a cursor for one search's filters) does not open in another.
 */

const SIGNATURE_LENGTH = 22; // 128 bits of HMAC-SHA256 in base64url

const sign = (payload: string, secret: string, context: string) =>
  createHmac('sha256', secret)
    .update(`${payload}.${context}`)
    .digest('base64url')
    .slice(0, SIGNATURE_LENGTH);

export const sealValue = (value: unknown, secret: string, context = ''): string => {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${sign(payload, secret, context)}`;
};

/** The value, or undefined when the text is malformed or was not sealed with this secret and context. */
export const openValue = (text: string, secret: string, context = ''): unknown => {
  const [payload, signature, extra] = text.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(payload, secret, context));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
};
