import { withoutOldestMatch } from '../../../server/src/domain/newest-matches';

const DAY = 86_400_000;

describe('withoutOldestMatch', () => {
  it('leaves the oldest match out of the group that holds it', () => {
    expect(
      withoutOldestMatch([
        { start: 0, accessCode: 'A', count: 3, oldest: 500 },
        { start: 0, accessCode: 'B', count: 2, oldest: 200 },
        { start: DAY, accessCode: 'A', count: 4, oldest: DAY + 10 },
      ])
    ).toEqual([
      { start: 0, accessCode: 'A', count: 3 },
      { start: 0, accessCode: 'B', count: 1 },
      { start: DAY, accessCode: 'A', count: 4 },
    ]);
  });

  it('drops a group whose only match was the oldest', () => {
    expect(
      withoutOldestMatch([
        { start: 0, accessCode: 'A', count: 1, oldest: 100 },
        { start: DAY, accessCode: 'B', count: 2, oldest: DAY },
      ])
    ).toEqual([{ start: DAY, accessCode: 'B', count: 2 }]);
  });

  it('cannot tell which of two groups holds the oldest when both start at that instant', () => {
    expect(
      withoutOldestMatch([
        { start: 0, accessCode: 'A', count: 2, oldest: 100 },
        { start: 0, accessCode: 'B', count: 2, oldest: 100 },
      ])
    ).toBeNull();
  });

  it('answers nothing for nothing', () => {
    expect(withoutOldestMatch([])).toEqual([]);
  });
});
