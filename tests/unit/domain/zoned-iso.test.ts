import { DateTime } from 'luxon';

import { zonedIsoWriter } from '../../../server/src/domain/zoned-iso';

const luxon = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: false }) ?? '';

const HOUR = 3_600_000;

describe('instants written in a zone', () => {
  it.each([
    // Daylight-saving days (spring and autumn), both hemispheres, half-hour and 45-minute
    // offsets, a half-hour daylight shift, a zone west of UTC, and UTC itself.
    ['Europe/Berlin', '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z'],
    ['Europe/Berlin', '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'],
    ['America/New_York', '2026-03-07T00:00:00Z', '2026-03-09T12:00:00Z'],
    ['America/New_York', '2026-10-31T00:00:00Z', '2026-11-02T12:00:00Z'],
    ['Australia/Sydney', '2026-04-04T00:00:00Z', '2026-04-06T00:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T00:00:00Z', '2026-04-06T00:00:00Z'],
    ['Asia/Kathmandu', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'],
    ['Asia/Kolkata', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'],
    ['America/St_Johns', '2026-11-01T00:00:00Z', '2026-11-02T12:00:00Z'],
    ['Asia/Shanghai', '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z'],
    ['Europe/London', '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'],
    ['UTC', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'],
    ['Etc/GMT+5', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'],
  ])('writes %s like luxon from %s to %s, minute by minute', (zone, from, to) => {
    const write = zonedIsoWriter(zone);
    // An odd step in milliseconds, so every minute and many milliseconds are visited.
    for (let ms = Date.parse(from); ms < Date.parse(to); ms += 59_999) {
      expect(write(ms)).toBe(luxon(ms, zone));
    }
  });

  it('writes local mean time, out-of-range years and transitions inside an hour like luxon', () => {
    const cases: Array<[string, string]> = [
      // Shanghai and Kathmandu before standard time: offsets in seconds (local mean time).
      ['Asia/Shanghai', '1899-06-01T12:34:56.789Z'],
      ['Asia/Kathmandu', '1919-06-01T00:00:00Z'],
      // Kathmandu's switch from +05:30 to +05:45, at a quarter past the hour in UTC.
      ['Asia/Kathmandu', '1985-12-31T18:00:00Z'],
      ['Asia/Kathmandu', '1985-12-31T18:29:59.999Z'],
      ['Asia/Kathmandu', '1985-12-31T18:30:00Z'],
      ['Asia/Kathmandu', '1985-12-31T18:59:59.999Z'],
      ['Europe/Berlin', '0001-01-01T00:00:00Z'],
      ['Asia/Shanghai', '9999-12-31T20:00:00Z'],
      ['America/New_York', '-000100-06-01T00:00:00Z'],
    ];
    for (const [zone, iso] of cases) {
      const write = zonedIsoWriter(zone);
      const ms = Date.parse(iso);
      for (const at of [ms, ms + 1, ms - HOUR, ms + HOUR]) expect(write(at)).toBe(luxon(at, zone));
    }
  });
});
