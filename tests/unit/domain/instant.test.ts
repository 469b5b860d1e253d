import { DateTime } from 'luxon';

import {
  EARLIEST_INSTANT,
  LATEST_INSTANT,
  instantMessage,
  instantOf,
  readInstant,
  readInstantValue,
} from '../../../server/src/domain/instant';

/** A seeded generator (mulberry32), so a failure names texts that fail again. */
const seeded = (seed: number) => {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

describe('readInstant', () => {
  it.each([
    ['2026-03-01T08:30:00Z', Date.UTC(2026, 2, 1, 8, 30), '2026-03-01T08:30:00Z'],
    ['2026-03-01T08:30Z', Date.UTC(2026, 2, 1, 8, 30), '2026-03-01T08:30Z'],
    ['2026-03-01T08:30:00.5Z', Date.UTC(2026, 2, 1, 8, 30, 0, 500), '2026-03-01T08:30:00.5Z'],
    [
      '2026-03-01T08:30:00.123456789Z',
      Date.UTC(2026, 2, 1, 8, 30, 0, 123),
      '2026-03-01T08:30:00.123456789Z',
    ],
    ['2026-03-01T08:30:00+08:00', Date.UTC(2026, 2, 1, 0, 30), '2026-03-01T08:30:00+08:00'],
    ['2026-03-01T08:30:00+0800', Date.UTC(2026, 2, 1, 0, 30), '2026-03-01T08:30:00+08:00'],
    ['2026-03-01T08:30:00+08', Date.UTC(2026, 2, 1, 0, 30), '2026-03-01T08:30:00+08:00'],
    ['2026-03-01T08:30:00-0130', Date.UTC(2026, 2, 1, 10, 0), '2026-03-01T08:30:00-01:30'],
    ['2026-03-01T14:00:00+14:00', Date.UTC(2026, 2, 1, 0, 0), '2026-03-01T14:00:00+14:00'],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29), '2024-02-29T00:00:00Z'],
    ['1970-01-01T00:00:00Z', EARLIEST_INSTANT, '1970-01-01T00:00:00Z'],
    ['9999-12-31T23:59:59.999Z', LATEST_INSTANT, '9999-12-31T23:59:59.999Z'],
  ])('reads %s, stored as %s', (text, millis, stored) => {
    expect(readInstant(text)).toEqual({ ok: true, millis, text: stored });
  });

  it.each<[string, string]>([
    ['2026-03-01T08:30:00', 'format'],
    ['2026-03-01 08:30:00Z', 'format'],
    ['2026-03-01T24:00:00Z', 'format'],
    ['2026-03-01T08:60:00Z', 'format'],
    ['2026-03-01T08:30:60Z', 'format'],
    ['2026-03-01', 'format'],
    ['20260301T083000Z', 'format'],
    ['2026-W09-7T08:30:00Z', 'format'],
    ['2026-060T08:30:00Z', 'format'],
    ['2026-03-01T08:30:00,5Z', 'format'],
    ['2026-03-01t08:30:00z', 'format'],
    ['2026-03-01T08:30:00+08:', 'format'],
    ['+002026-03-01T08:30:00Z', 'format'],
    ['yesterday', 'format'],
    ['', 'format'],
    ['2026-02-29T00:00:00Z', 'date'],
    ['2026-02-30T08:30:00Z', 'date'],
    ['2026-04-31T00:00:00Z', 'date'],
    ['2026-13-01T00:00:00Z', 'date'],
    ['2026-00-10T00:00:00Z', 'date'],
    ['2026-03-00T00:00:00Z', 'date'],
    ['2026-03-01T08:30:00+25:00', 'offset'],
    ['2026-03-01T08:30:00+14:30', 'offset'],
    ['2026-03-01T08:30:00-15:00', 'offset'],
    ['2026-03-01T08:30:00+05:99', 'offset'],
    ['2026-03-01T08:30:00+15', 'offset'],
    // Years 0–99 are never read as 1900–1999, nor taken as they are.
    ['0026-03-01T08:30:00Z', 'range'],
    ['0099-12-31T23:59:59Z', 'range'],
    ['0099-03-01T00:00:00Z', 'range'],
    ['0000-01-01T00:00:00Z', 'range'],
    ['1969-12-31T23:59:59.999Z', 'range'],
    ['1970-01-01T00:30:00+01:00', 'range'],
    ['9999-12-31T23:30:00-01:00', 'range'],
  ])('refuses %s (%s)', (text, problem) => {
    expect(readInstant(text)).toMatchObject({ ok: false, problem });
  });

  it('names the offset it refuses, as it was written', () => {
    expect(readInstant('2026-03-01T08:30:00-1530')).toEqual({
      ok: false,
      problem: 'offset',
      offset: '-1530',
    });
  });

  /**
   * The grammar's texts, drawn at random with every field sometimes out of its range: luxon's
   * own ISO reader (`DateTime.fromISO`, setZone) accepts exactly the same ones within the
   * offset and year bounds, at the same instant; and every JavaScript reader of the stored
   * text (`Date.parse`: the ingest's row writer, the admin) reads that instant too.
   */
  it('agrees with DateTime.fromISO on every text of its grammar, and Date.parse on the stored text', () => {
    const random = seeded(20260301);
    const int = (below: number) => Math.floor(random() * below);
    const two = (value: number) => String(value).padStart(2, '0');
    const disagreements: string[] = [];
    for (let index = 0; index < 20_000; index += 1) {
      const fraction =
        random() < 0.5
          ? ''
          : `.${String(int(1e9))
              .padStart(9, '0')
              .slice(0, 1 + int(9))}`;
      const seconds = random() < 0.2 ? '' : `:${two(int(60))}${fraction}`;
      const sign = random() < 0.5 ? '+' : '-';
      const offset = [
        'Z',
        `${sign}${two(int(16))}`,
        `${sign}${two(int(16))}${two(int(60))}`,
        `${sign}${two(int(16))}:${two(int(60))}`,
      ][int(4)];
      const year = [1960 + int(80), 9990 + int(10), int(100)][random() < 0.8 ? 0 : 1 + int(2)];
      const text = `${String(year).padStart(4, '0')}-${two(int(14))}-${two(int(33))}T${two(int(24))}:${two(int(60))}${seconds}${offset}`;
      const ours = readInstant(text);
      const luxon = DateTime.fromISO(text, { setZone: true });
      const agree = ours.ok
        ? luxon.isValid && luxon.toMillis() === ours.millis && Date.parse(ours.text) === ours.millis
        : ours.problem === 'offset' || ours.problem === 'range' || !luxon.isValid;
      if (!agree) disagreements.push(text);
    }
    expect(disagreements).toEqual([]);
  });

  it('reads every millisecond fraction as luxon does', () => {
    for (let value = 0; value < 1000; value += 1) {
      for (const digits of [String(value), String(value).padStart(3, '0')]) {
        const text = `2026-03-01T08:30:00.${digits}Z`;
        const reading = readInstant(text);
        expect(reading.ok && reading.millis).toBe(DateTime.fromISO(text).toMillis());
      }
    }
  });
});

describe('readInstantValue', () => {
  it('keeps a Date as it is, within the same years', () => {
    const date = new Date('2026-03-01T00:00:00Z');
    expect(readInstantValue(date)).toEqual({ ok: true, millis: date.getTime(), value: date });
    expect(readInstantValue(new Date('1926-03-01T00:00:00Z'))).toEqual({
      ok: false,
      problem: 'range',
    });
    expect(readInstantValue(new Date('invalid'))).toEqual({ ok: false, problem: 'format' });
  });

  it('gives the text to store, and refuses what is neither', () => {
    expect(readInstantValue('2026-03-01T08:30:00+08')).toMatchObject({
      ok: true,
      value: '2026-03-01T08:30:00+08:00',
    });
    expect(readInstantValue(1772353800000)).toEqual({ ok: false, problem: 'format' });
  });
});

describe('instantMessage', () => {
  it('names the field in every sentence', () => {
    for (const problem of ['format', 'date', 'offset', 'range'] as const) {
      expect(instantMessage('flowTrace[3].at', { problem, offset: '+15:00' })).toMatch(
        /^flowTrace\[3\]\.at /
      );
    }
    expect(instantMessage('startTime', { problem: 'range' })).toBe(
      'startTime must be an instant from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z'
    );
  });
});

describe('instantOf (reading stored values)', () => {
  it('reads Dates, epoch milliseconds and texts of the grammar', () => {
    const millis = Date.UTC(2026, 2, 1);
    expect(instantOf(new Date(millis))).toBe(millis);
    expect(instantOf(millis)).toBe(millis);
    expect(instantOf('2026-03-01T08:00:00+08')).toBe(millis);
    expect(instantOf('2026-03-01T00:00:00.000Z')).toBe(millis);
    expect(instantOf('2026-03-01')).toBeNull();
    expect(instantOf(null)).toBeNull();
    expect(instantOf(Number.NaN)).toBeNull();
  });
});
