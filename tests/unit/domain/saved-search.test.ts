import { parseSavedSearch, searchFindsNumber } from '../../../server/src/domain/saved-search';

const limits = { maxPeriodDays: 31 };
const period = { from: '2026-03-01T00:00:00+08:00', to: '2026-03-02T00:00:00+08:00' };

describe('parseSavedSearch', () => {
  it('keeps the texts as given, trimmed, and fills in the defaults', () => {
    expect(parseSavedSearch({ ...period, name: ' Mine ', accessCode: ' 1001 ' }, limits)).toEqual({
      ok: true,
      value: {
        name: 'Mine',
        search: { ...period, accessCode: '1001', tz: 'UTC', sort: 'startTime:desc', pageSize: 20 },
      },
    });
  });

  it('names the name and every bad search field at once', () => {
    const parsed = parseSavedSearch({ name: 'x'.repeat(101), pageSize: 30, cursor: 'a.b' }, limits);
    expect(parsed.ok ? [] : parsed.errors.map((problem) => problem.path)).toEqual([
      'name',
      'cursor',
      'from',
      'to',
      'pageSize',
    ]);
  });
});

describe('searchFindsNumber', () => {
  it.each([
    ['8613812345678', true],
    ['86138*', true],
    ['*5678', true],
    ['+8613812345678', false],
    ['86139*', false],
    ['*5679', false],
    ['not a filter', false],
  ])('%s finds 8613812345678: %s', (callingNumber, expected) => {
    expect(searchFindsNumber({ callingNumber }, '8613812345678')).toBe(expected);
  });

  it('finds nothing without a number filter', () => {
    expect(searchFindsNumber({}, '8613812345678')).toBe(false);
  });
});
