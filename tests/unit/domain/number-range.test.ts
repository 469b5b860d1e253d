import { prefixUpperBound } from '../../../server/src/domain/number-range';

describe('prefixUpperBound', () => {
  it.each([
    ['86138', '86139'],
    ['8619', '862'],
    ['+86139', '+8614'],
    ['0', '1'],
    ['999', null],
    ['+99', null],
  ])('%s → %s', (prefix, upper) => {
    expect(prefixUpperBound(prefix)).toBe(upper);
  });

  it('bounds exactly the numbers starting with the prefix', () => {
    const numbers = ['86138', '861380', '8613899999', '86137999', '86139', '8614', '+86138'];
    const prefix = '86138';
    const upper = prefixUpperBound(prefix) as string;
    const inRange = numbers.filter((number) => number >= prefix && number < upper);
    expect(inRange).toEqual(numbers.filter((number) => number.startsWith(prefix)));
  });
});
