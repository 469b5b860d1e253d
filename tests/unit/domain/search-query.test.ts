import { validateCall } from '../../../server/src/domain/call-input/call-contract';
import {
  isTimeZone,
  parseExportBody,
  parseFilterBody,
  parseSavedSearchBody,
  parseSearchBody,
  type FieldProblem,
} from '../../../server/src/domain/search-query';

const limits = { maxPeriodDays: 31 };
const period = { from: '2026-03-01T00:00:00+08:00', to: '2026-03-02T00:00:00+08:00' };

const problemsOf = (raw: Record<string, unknown>): FieldProblem[] => {
  const parsed = parseSearchBody(raw, limits);
  if (parsed.ok) throw new Error(`expected a validation failure for ${JSON.stringify(raw)}`);
  return parsed.errors;
};
const pathsOf = (raw: Record<string, unknown>) => problemsOf(raw).map((problem) => problem.path);

describe('parseSearchBody', () => {
  it('reads a period with offsets as instants, with the defaults', () => {
    const parsed = parseSearchBody(period, limits);
    expect(parsed).toEqual({
      ok: true,
      value: {
        from: new Date('2026-02-29T16:00:00Z'.replace('02-29', '02-28')),
        to: new Date('2026-03-01T16:00:00Z'),
        callingNumber: null,
        accessCode: null,
        sort: 'startTime:desc',
        pageSize: 20,
        cursor: null,
        tz: 'UTC',
      },
    });
  });

  it.each([
    ['13812345678', { match: 'exact', value: '13812345678' }],
    ['+8613812345678', { match: 'exact', value: '+8613812345678' }],
    ['86138*', { match: 'prefix', value: '86138' }],
    ['+86138*', { match: 'prefix', value: '+86138' }],
    ['*5678', { match: 'suffix', value: '5678' }],
    // Surrounding blanks typed into a form field.
    [' 8613812345678 ', { match: 'exact', value: '8613812345678' }],
  ])('reads callingNumber %j', (callingNumber, expected) => {
    const parsed = parseSearchBody({ ...period, callingNumber }, limits);
    expect(parsed.ok && parsed.value.callingNumber).toEqual(expected);
  });

  it('reads pageSize as a JSON integer or as text, null as absent', () => {
    const pageSize = (value: unknown) => {
      const parsed = parseSearchBody({ ...period, pageSize: value }, limits);
      return parsed.ok ? parsed.value.pageSize : parsed.errors.map((problem) => problem.path);
    };
    expect(pageSize(50)).toBe(50);
    expect(pageSize('50')).toBe(50);
    expect(pageSize(20)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(undefined)).toBe(20);
    // The admin offers 20, 50 and 100: any other size is refused, naming pageSize.
    for (const bad of [0, 1, 10, 25, 99, 101, 2.5, -1, Number.NaN, true, [10], { n: 1 }]) {
      expect({ bad, result: pageSize(bad) }).toEqual({ bad, result: ['pageSize'] });
    }
  });

  it('reads each sort, newest first by default, and names sort when it is unknown', () => {
    for (const sort of [
      'startTime:desc',
      'startTime:asc',
      'durationSeconds:desc',
      'durationSeconds:asc',
    ]) {
      const parsed = parseSearchBody({ ...period, sort }, limits);
      expect(parsed.ok && parsed.value.sort).toBe(sort);
    }
    for (const bad of ['startTime', 'duration:desc', 'id:asc', 'STARTTIME:DESC', 1, true]) {
      expect({ bad, paths: pathsOf({ ...period, sort: bad }) }).toEqual({ bad, paths: ['sort'] });
    }
  });

  it('reads an accessCode, a pageSize, a cursor and a time zone', () => {
    const parsed = parseSearchBody(
      { ...period, accessCode: '1001', pageSize: '100', cursor: 'abc.def', tz: 'Asia/Shanghai' },
      limits
    );
    expect(parsed.ok && parsed.value).toMatchObject({
      accessCode: '1001',
      pageSize: 100,
      cursor: 'abc.def',
      tz: 'Asia/Shanghai',
    });
  });

  it('accepts Z, +hh:mm, +hhmm and fractions', () => {
    for (const from of [
      '2026-03-01T00:00:00Z',
      '2026-03-01T08:00:00+08:00',
      '2026-03-01T08:00:00.000+0800',
    ]) {
      const parsed = parseSearchBody({ ...period, from, to: '2026-03-02T00:00:00Z' }, limits);
      expect(parsed.ok && parsed.value.from.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    }
  });

  it('accepts a period of exactly maxPeriodDays', () => {
    const parsed = parseSearchBody(
      { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
      limits
    );
    expect(parsed.ok).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['missing from', { to: period.to }, 'from'],
    ['missing to', { from: period.from }, 'to'],
    ['from without offset', { ...period, from: '2026-03-01T00:00:00' }, 'from'],
    ['from as a date only', { ...period, from: '2026-03-01' }, 'from'],
    ['from not a date', { ...period, from: 'yesterday' }, 'from'],
    ['to impossible', { ...period, to: '2026-02-30T00:00:00Z' }, 'to'],
    ['reversed period', { from: period.to, to: period.from }, 'to'],
    ['empty period', { from: period.from, to: period.from }, 'to'],
    ['span too long', { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:01Z' }, 'to'],
    ['from repeated', { ...period, from: [period.from, period.from] }, 'from'],
    ['from as a number', { ...period, from: 1772323200000 }, 'from'],
    ['callingNumber as a number', { ...period, callingNumber: 13812345678 }, 'callingNumber'],
    ['accessCode as an object', { ...period, accessCode: { $ne: '' } }, 'accessCode'],
    ['cursor as an array', { ...period, cursor: ['a.b'] }, 'cursor'],
    ['SQL in callingNumber', { ...period, callingNumber: "1' OR '1'='1" }, 'callingNumber'],
    ['both wildcards', { ...period, callingNumber: '*123*' }, 'callingNumber'],
    ['wildcard inside', { ...period, callingNumber: '12*34' }, 'callingNumber'],
    ['percent in callingNumber', { ...period, callingNumber: '138%' }, 'callingNumber'],
    ['lone star', { ...period, callingNumber: '*' }, 'callingNumber'],
    ['SQL in accessCode', { ...period, accessCode: '1; DROP TABLE x' }, 'accessCode'],
    ['pageSize 0', { ...period, pageSize: '0' }, 'pageSize'],
    ['pageSize 10', { ...period, pageSize: 10 }, 'pageSize'],
    ['pageSize 101', { ...period, pageSize: '101' }, 'pageSize'],
    ['pageSize not a number', { ...period, pageSize: 'ten' }, 'pageSize'],
    ['pageSize fraction', { ...period, pageSize: '2.5' }, 'pageSize'],
    ['cursor with odd characters', { ...period, cursor: 'a b' }, 'cursor'],
    ['tz unknown', { ...period, tz: 'Mars/Olympus' }, 'tz'],
    ['from offset +99:00', { ...period, from: '2026-03-01T00:00:00+99:00' }, 'from'],
    ['to offset -15:00', { ...period, to: '2026-03-02T00:00:00-15:00' }, 'to'],
    ['from offset +14:30', { ...period, from: '2026-03-01T00:00:00+14:30' }, 'from'],
    ['from offset minutes 99', { ...period, from: '2026-03-01T00:00:00+05:99' }, 'from'],
    // What a + sent unencoded in a URL gave: a body has no URL encoding to repair.
    ['to offset with a space for +', { ...period, to: '2026-03-02T00:00:00 08:00' }, 'to'],
    ['tz as an offset', { ...period, tz: '+08:00' }, 'tz'],
    ['unknown field', { ...period, sort: 'id' }, 'sort'],
  ])('refuses %s, naming the field', (_label, raw, path) => {
    expect(pathsOf(raw)).toContain(path);
  });

  it('accepts every real UTC offset, up to ±14:00', () => {
    for (const offset of ['+14:00', '-14:00', '-12:00', '+05:45', '+0530', '-09:30', '+08']) {
      const parsed = parseSearchBody(
        { from: `2026-03-01T00:00:00${offset}`, to: '2026-03-05T00:00:00Z' },
        limits
      );
      expect({ offset, ok: parsed.ok }).toEqual({ offset, ok: true });
    }
  });

  it('says which offset is impossible', () => {
    const [problem] = problemsOf({ ...period, from: '2026-03-02T00:00:00+99:00' });
    expect(problem).toEqual({
      path: 'from',
      message: 'from has an impossible UTC offset +99:00: offsets run from -14:00 to +14:00',
    });
  });

  describe('maxPeriodDays counts calendar days in tz', () => {
    // Europe/Berlin leaves summer time on 2026-10-25: 31 whole local days of October are 745 h.
    const october = { from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00' };

    it('accepts 31 whole local days across the autumn change', () => {
      const parsed = parseFilterBody({ ...october, tz: 'Europe/Berlin' }, limits);
      expect(parsed.ok).toBe(true);
      expect(parseSearchBody({ ...october, tz: 'Europe/Berlin' }, limits).ok).toBe(true);
    });

    it('refuses the 32nd local day, and one hour more', () => {
      expect(pathsOf({ ...october, to: '2026-11-02T00:00:00+01:00', tz: 'Europe/Berlin' })).toEqual(
        ['to']
      );
      expect(pathsOf({ ...october, to: '2026-11-01T01:00:00+01:00', tz: 'Europe/Berlin' })).toEqual(
        ['to']
      );
    });

    it('counts 24-hour days without tz (UTC), so 745 h is too long there', () => {
      expect(pathsOf(october)).toEqual(['to']);
      expect(problemsOf(october)[0].message).toBe(
        'the period (from … to) must not exceed 31 days (calendar days in UTC)'
      );
    });

    it('accepts the 743 h of 31 local days across the spring change', () => {
      const march = {
        from: '2026-03-01T00:00:00+01:00',
        to: '2026-04-01T00:00:00+02:00',
        tz: 'Europe/Berlin',
      };
      expect(parseSearchBody(march, limits).ok).toBe(true);
      expect(pathsOf({ ...march, to: '2026-04-01T00:00:01+02:00' })).toEqual(['to']);
    });
  });

  it('names every bad field at once', () => {
    expect(pathsOf({ callingNumber: 'x', pageSize: '0' }).sort()).toEqual(
      ['callingNumber', 'from', 'pageSize', 'to'].sort()
    );
  });

  it('honours a smaller maxPeriodDays', () => {
    const parsed = parseSearchBody(period, { maxPeriodDays: 31 });
    expect(parsed.ok).toBe(true);
    const short = parseSearchBody(
      { from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z' },
      { maxPeriodDays: 1 }
    );
    expect(short.ok ? [] : short.errors.map((problem) => problem.path)).toEqual(['to']);
  });
});

describe('one reader of instants for the search and the ingest', () => {
  const ingestTakes = (startTime: string) =>
    validateCall(
      {
        callId: 'c',
        callingNumber: '10086',
        accessCode: '10086',
        startTime,
        endTime: '2026-03-01T12:00:00Z',
      },
      {},
      { maxFlowTraceBytes: 262_144, maxCallDurationSeconds: 86_400 }
    ).ok;
  const searchTakes = (from: string) =>
    parseSearchBody({ from, to: '2026-03-01T12:00:00Z' }, limits).ok;

  it.each([
    '2026-03-01T08:30:00+08',
    '2026-03-01T08:30:00+0800',
    '2026-03-01T08:30:00.123456+08:00',
    '2026-03-01T02:30Z',
    '2026-03-01T08:30:00',
    '2026-02-30T08:30:00Z',
    '2026-03-01T08:30:00+14:30',
    '0026-03-01T08:30:00Z',
    '1969-12-31T23:00:00Z',
    '2026-03-01T24:00:00Z',
  ])('both take %s, or both refuse it', (text) => {
    expect(searchTakes(text)).toBe(ingestTakes(text));
  });

  it('names the years it takes', () => {
    const [problem] = problemsOf({ from: '0026-03-01T00:00:00Z', to: period.to });
    expect(problem).toEqual({
      path: 'from',
      message: 'from must be an instant from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z',
    });
  });
});

describe('parseFilterBody', () => {
  it('reads the filters and tz, and refuses paging parameters', () => {
    const parsed = parseFilterBody({ ...period, tz: 'Europe/Paris', accessCode: '2001' }, limits);
    expect(parsed.ok && parsed.value).toMatchObject({ tz: 'Europe/Paris', accessCode: '2001' });
    const paged = parseFilterBody({ ...period, pageSize: '10' }, limits);
    expect(paged.ok ? [] : paged.errors.map((problem) => problem.path)).toEqual(['pageSize']);
  });
});

describe('parseExportBody', () => {
  it('reads the filters and the sort, and refuses paging parameters', () => {
    const parsed = parseExportBody({ ...period, sort: 'durationSeconds:asc' }, limits);
    expect(parsed.ok && parsed.value.sort).toBe('durationSeconds:asc');
    const defaulted = parseExportBody(period, limits);
    expect(defaulted.ok && defaulted.value.sort).toBe('startTime:desc');
    const paged = parseExportBody({ ...period, pageSize: 20, cursor: 'a.b' }, limits);
    expect(paged.ok ? [] : paged.errors.map((problem) => problem.path)).toEqual([
      'pageSize',
      'cursor',
    ]);
  });
});

describe('parseSavedSearchBody', () => {
  it('reads a search without its cursor', () => {
    const parsed = parseSavedSearchBody(
      { ...period, callingNumber: '86138*', sort: 'startTime:asc', pageSize: 50 },
      limits
    );
    expect(parsed.ok && parsed.value).toEqual(
      expect.objectContaining({ sort: 'startTime:asc', pageSize: 50 })
    );
    expect(parsed.ok && 'cursor' in parsed.value).toBe(false);
    const withCursor = parseSavedSearchBody({ ...period, cursor: 'a.b' }, limits);
    expect(withCursor.ok ? [] : withCursor.errors.map((problem) => problem.path)).toEqual([
      'cursor',
    ]);
  });
});

describe('isTimeZone', () => {
  it.each([
    ['UTC', true],
    ['Asia/Shanghai', true],
    ['America/New_York', true],
    ['Etc/GMT-8', true],
    ['Nowhere/City', false],
    ['../../etc/passwd', false],
    ['', false],
  ])('%j → %s', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });
});
