import { auditCsvRecord } from '../../../server/src/domain/audit-csv';
import {
  AUDIT_PAGE_SIZE_DEFAULT,
  auditFingerprint,
  decodeAuditCursor,
  encodeAuditCursor,
  parseAuditFilterQuery,
  parseAuditQuery,
} from '../../../server/src/domain/audit-query';

const paths = (raw: Record<string, unknown>) => {
  const parsed = parseAuditQuery(raw);
  return parsed.ok ? [] : parsed.errors.map((problem) => problem.path);
};

describe('parseAuditQuery', () => {
  it('reads no filter as every entry, a page of the former size', () => {
    expect(parseAuditQuery({})).toEqual({
      ok: true,
      value: {
        actions: null,
        user: null,
        from: null,
        to: null,
        pageSize: AUDIT_PAGE_SIZE_DEFAULT,
        cursor: null,
      },
    });
  });

  it('takes kinds repeated, as a list or comma-separated, sorted and without repeats', () => {
    for (const action of [
      ['calls.hold', 'bot.update'],
      'calls.hold,bot.update',
      ['calls.hold, bot.update', 'calls.hold'],
    ]) {
      const parsed = parseAuditQuery({ action });
      expect(parsed.ok && parsed.value.actions).toEqual(['bot.update', 'calls.hold']);
    }
    expect(paths({ action: 'calls.teleport' })).toEqual(['action']);
    expect(paths({ action: { a: 'b' } })).toEqual(['action']);
  });

  it('reads a user as an id or a lower-cased email', () => {
    const user = (text: string) => {
      const parsed = parseAuditQuery({ user: text });
      return parsed.ok ? parsed.value.user : null;
    };
    expect(user('42')).toEqual({ id: 42 });
    expect(user(' Ada@Example.COM ')).toEqual({ email: 'ada@example.com' });
    expect(paths({ user: '0' })).toEqual(['user']);
    expect(paths({ user: 'ada' })).toEqual(['user']);
  });

  it('reads a period of any length, with an offset, a + decoded as a space included', () => {
    const parsed = parseAuditQuery({
      from: '2020-01-01T00:00:00 08:00',
      to: '2026-01-01T00:00:00Z',
    });
    expect(parsed.ok && parsed.value.from?.toISOString()).toBe('2019-12-31T16:00:00.000Z');
    expect(paths({ from: '2026-01-01' })).toEqual(['from']);
    expect(paths({ to: '2026-01-01T00:00:00Z', from: '2026-01-01T00:00:00Z' })).toEqual(['to']);
  });

  it('names unknown parameters, a bad page size and a malformed cursor', () => {
    expect(paths({ limit: '5', pageSize: '0', cursor: 'no spaces allowed' })).toEqual([
      'limit',
      'pageSize',
      'cursor',
    ]);
    expect(parseAuditFilterQuery({ pageSize: '5' })).toMatchObject({
      ok: false,
      errors: [{ path: 'pageSize' }],
    });
  });
});

describe('audit cursors', () => {
  const filters = { actions: null, user: { id: 3 }, from: null, to: null };
  const other = { ...filters, user: { id: 4 } };

  it('open under the filters they were issued for, and no others', () => {
    const cursor = encodeAuditCursor(120, auditFingerprint(filters), 'secret');
    expect(decodeAuditCursor(cursor, auditFingerprint(filters), 'secret')).toBe(120);
    expect(decodeAuditCursor(cursor, auditFingerprint(other), 'secret')).toBeNull();
    expect(decodeAuditCursor(cursor, auditFingerprint(filters), 'another')).toBeNull();
    const [, signature] = cursor.split('.');
    const forged = `${Buffer.from('[1]').toString('base64url')}.${signature}`;
    expect(decodeAuditCursor(forged, auditFingerprint(filters), 'secret')).toBeNull();
  });
});

describe('auditCsvRecord', () => {
  it('writes compact JSON, the user by email or id, and neutralises formulas', () => {
    const entry = {
      id: 1,
      at: '2026-03-01T00:00:00.000Z',
      action: 'calls.delete' as const,
      subject: null,
      changes: { deleted: 2 },
      reason: '=HYPERLINK("x")',
      user: { id: 7, email: null },
    };
    expect(auditCsvRecord(entry)).toEqual([
      '2026-03-01T00:00:00.000Z',
      'calls.delete',
      '#7',
      '',
      '{"deleted":2}',
      `'=HYPERLINK("x")`,
    ]);
    expect(auditCsvRecord({ ...entry, user: null })[2]).toBe('');
  });
});
