import { MAX_LOG_TEXT, logText } from '../../../server/src/domain/log-text';

describe('logText', () => {
  it('masks every digit of a long digit run, however the number is written', () => {
    expect(logText('value "8613800138000" refused')).toBe('value "#############" refused');
    expect(logText('call +86 138-0013-8000 back')).toBe('call +## ###-####-#### back');
    expect(logText('number 123456')).toBe('number ######');
    // The price of never missing a number: a date's digits are masked too.
    expect(logText('at 2026-03-01T08:30:00Z')).toBe('at ####-##-##T08:30:00Z');
  });

  it('keeps short codes readable: SQLSTATEs, ports, service numbers, ids', () => {
    expect(logText('SQLSTATE 23514 on port 55433, access code 10086, admin 42')).toBe(
      'SQLSTATE 23514 on port 55433, access code 10086, admin 42'
    );
  });

  it('escapes line breaks and every other control character, so one log line stays one', () => {
    expect(logText('first\nsecond\r\nthird\tend')).toBe('first\\nsecond\\r\\nthird\\tend');
    expect(logText('bell\u0007 esc\u001b[31m del\u007f c1\u0085 ls\u2028ps\u2029')).toBe(
      'bell\\u0007 esc\\u001b[31m del\\u007f c1\\u0085 ls\\u2028ps\\u2029'
    );
    // A backslash is doubled, so an escape in the log is never text the caller wrote.
    expect(logText('a\\nb')).toBe('a\\\\nb');
  });

  it('keeps printable text of any language as it is', () => {
    expect(logText('用户挂机, "quoted" — ok')).toBe('用户挂机, "quoted" — ok');
  });

  it('reads an Error by its message and cuts what is too long', () => {
    expect(logText(new Error('boom\n'))).toBe('boom\\n');
    const long = logText('x'.repeat(MAX_LOG_TEXT + 20));
    expect(long).toBe(`${'x'.repeat(MAX_LOG_TEXT)}… (20 more)`);
    expect(logText(undefined)).toBe('undefined');
  });
});
