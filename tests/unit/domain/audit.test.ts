import { diffFields, presentAuditEntry } from '../../../server/src/domain/audit';

describe('diffFields', () => {
  const fields = ['name', 'accessCode', 'historicalCallRecord', 'description'] as const;

  it('lists every field of a created record as from null', () => {
    expect(
      diffFields(null, { name: 'Robot', accessCode: '1', historicalCallRecord: true }, fields)
    ).toEqual({
      name: { from: null, to: 'Robot' },
      accessCode: { from: null, to: '1' },
      historicalCallRecord: { from: null, to: true },
    });
  });

  it('lists only what changed, and every field of a deleted record as to null', () => {
    const before = { name: 'Robot', accessCode: '1', historicalCallRecord: true, description: '' };
    expect(
      diffFields(before, { ...before, historicalCallRecord: false, description: null }, fields)
    ).toEqual({ historicalCallRecord: { from: true, to: false } });
    expect(diffFields(before, null, fields)).toEqual({
      name: { from: 'Robot', to: null },
      accessCode: { from: '1', to: null },
      historicalCallRecord: { from: true, to: null },
    });
  });
});

describe('presentAuditEntry', () => {
  const row = {
    id: 3,
    createdAt: '2026-03-01T08:30:00.000Z',
    action: 'bot.update',
    subject: { kind: 'COMMON_IVR', id: 1 },
    changes: { name: { from: 'a', to: 'b' } },
    reason: null,
    userId: 7,
    userEmail: 'admin@example.com',
  };

  it('answers the API shape', () => {
    expect(presentAuditEntry(row)).toEqual({
      id: 3,
      at: '2026-03-01T08:30:00.000Z',
      action: 'bot.update',
      subject: { kind: 'COMMON_IVR', id: 1 },
      changes: { name: { from: 'a', to: 'b' } },
      reason: null,
      user: { id: 7, email: 'admin@example.com' },
    });
  });

  it('reads a row written before the trail had actions as a settings change, with no user', () => {
    expect(presentAuditEntry({ ...row, action: null, subject: null, userId: null })).toMatchObject({
      action: 'settings.update',
      subject: null,
      user: null,
    });
  });
});
