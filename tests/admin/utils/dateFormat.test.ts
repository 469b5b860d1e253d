import { createDateFormat } from '../../../admin/src/utils/dateFormat';

// 2026-12-01T20:56:11Z is 2 December, 04:56:11 in Shanghai.
const INSTANT = '2026-12-01T20:56:11.000Z';

describe('createDateFormat', () => {
  it('writes days as the date picker does, times on the 24-hour clock, in the zone', () => {
    const english = createDateFormat('en', 'Asia/Shanghai');
    expect(english.day(INSTANT)).toBe('12/02/2026');
    expect(english.time(INSTANT)).toBe('04:56:11');
    expect(english.dateTime(INSTANT)).toBe('12/02/2026, 04:56:11');
    expect(english.calendarDay('2026-12-02')).toBe('12/02/2026');
    expect(english.zone).toBe('Asia/Shanghai');
  });

  it("follows the admin's locale: the same parts in Chinese order", () => {
    const chinese = createDateFormat('zh-Hans', 'Asia/Shanghai');
    expect(chinese.day(INSTANT)).toBe('2026/12/02');
    expect(chinese.dateTime(INSTANT)).toBe('2026/12/02 04:56:11');
    expect(chinese.calendarDay('2026-12-02')).toBe('2026/12/02');
  });

  it("follows the user's zone, and never shifts a calendar day", () => {
    const newYork = createDateFormat('en', 'America/New_York');
    expect(newYork.dateTime(INSTANT)).toBe('12/01/2026, 15:56:11');
    expect(newYork.calendarDay('2026-12-02')).toBe('12/02/2026');
  });

  it('shows an unreadable value as it came', () => {
    const format = createDateFormat('en', 'UTC');
    expect(format.dateTime('not a date')).toBe('not a date');
    expect(format.calendarDay('week 49')).toBe('week 49');
  });
});
