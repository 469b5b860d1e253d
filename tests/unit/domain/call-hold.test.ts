import {
  auditedFilters,
  countAccessCodes,
  maskDigits,
  maskedNumberFilter,
  sortedCounts,
} from '../../../server/src/domain/call-hold';

describe('what a hold of a search keeps in its audit entry', () => {
  it('masks a full number to its first 3 and last 4 digits, anything shorter whole', () => {
    expect(maskDigits('13812345678')).toBe('138****5678');
    expect(maskDigits('+8613812345678')).toBe('+861******5678');
    expect(maskDigits('86138')).toBe('*****');
    expect(maskDigits('+861')).toBe('+***');
  });

  it('keeps the shape of the number filter as typed, never its digits', () => {
    expect(maskedNumberFilter({ match: 'exact', value: '13812345678' })).toEqual({
      match: 'exact',
      digits: '138****5678',
    });
    expect(maskedNumberFilter({ match: 'prefix', value: '86138' })).toEqual({
      match: 'prefix',
      digits: '*****',
    });
    expect(maskedNumberFilter({ match: 'suffix', value: '5678' })).toEqual({
      match: 'suffix',
      digits: '****',
    });
  });

  it('writes the filters with the period in UTC and the number masked', () => {
    const filters = {
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-03-02T00:00:00Z'),
      tz: 'Asia/Shanghai',
      accessCode: '1001',
      callingNumber: { match: 'exact' as const, value: '8613812345678' },
    };
    const audited = auditedFilters(filters);
    expect(audited).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
      tz: 'Asia/Shanghai',
      accessCode: '1001',
      callingNumber: { match: 'exact', digits: '861******5678' },
    });
    expect(JSON.stringify(audited)).not.toContain('8613812345678');
    expect(auditedFilters({ ...filters, callingNumber: null }).callingNumber).toBeNull();
  });

  it('counts the calls held per access code, in code order', () => {
    const counts = new Map<string, number>();
    countAccessCodes(counts, ['95555', '1001', '95555']);
    countAccessCodes(counts, ['1001']);
    expect(Object.entries(sortedCounts(counts))).toEqual([
      ['1001', 2],
      ['95555', 2],
    ]);
  });
});
