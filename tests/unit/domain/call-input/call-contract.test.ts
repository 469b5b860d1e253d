import type { AttributeSpecs } from '../../../../server/src/domain/call-input/attribute-values';
import {
  checkCallTimes,
  validateCall,
} from '../../../../server/src/domain/call-input/call-contract';
import {
  validateCallUpdate,
  validateStoredCall,
} from '../../../../server/src/domain/call-input/stored-call-input';
import { parseSearchBody } from '../../../../server/src/domain/search-query';

import { call, limits, problemOf } from './sample-call';

describe('validateCall', () => {
  it('accepts a complete call, and one with only the required fields', () => {
    expect(validateCall(call(), {}, limits)).toEqual({ ok: true, call: call() });
    const minimal = {
      callId: 'c-2',
      callingNumber: '10086',
      accessCode: 'a',
      startTime: '2026-03-01T08:30:00Z',
      endTime: '2026-03-01T08:30:00Z',
    };
    expect(validateCall(minimal, {}, limits).ok).toBe(true);
  });

  it('accepts null for every optional field', () => {
    const nulls = call({ calledNumber: null, botKind: null, endReason: null, flowTrace: null });
    expect(validateCall(nulls, {}, limits).ok).toBe(true);
  });

  it.each([
    [{ callId: undefined }, 'callId'],
    [{ callId: '' }, 'callId'],
    [{ callId: 'a\u0007b' }, 'callId'],
    [{ callingNumber: '+' }, 'callingNumber'],
    [{ callingNumber: '++86' }, 'callingNumber'],
    [{ callingNumber: '86-138' }, 'callingNumber'],
    [{ calledNumber: 'abc' }, 'calledNumber'],
    [{ accessCode: '-lead' }, 'accessCode'],
    [{ accessCode: null }, 'accessCode'],
    [{ botKind: 'intelligent_robot' }, 'botKind'],
    [{ startTime: '2026-03-01T08:30:00' }, 'startTime'],
    [{ endTime: '2026-03-01T00:29:59Z' }, 'endTime'],
    [{ flowTrace: 'none' }, 'flowTrace'],
    [{ flowTrace: [null] }, 'flowTrace[0]'],
    [{ flowTrace: [{ seq: 1.5 }] }, 'flowTrace[0].seq'],
    [{ flowTrace: [{ seq: 0, at: 'x' }] }, 'flowTrace[0].at'],
    [{ flowTrace: [{ seq: 0, at: '2026-03-01T00:30:00Z', nodeId: 'n' }] }, 'flowTrace[0].nodeName'],
    [
      { flowTrace: [{ seq: 0, at: '2026-03-01T00:30:00Z', nodeId: 'n', nodeName: 'N' }] },
      'flowTrace[0].nodeType',
    ],
    [{ unknownKey: 1 }, 'unknownKey'],
    [{ botName: 'snapshot' }, 'botName'],
    [{ callingNumberReversed: '1' }, 'callingNumberReversed'],
    [{ createdAt: '2026-03-01T00:30:00Z' }, 'createdAt'],
  ])('refuses %p naming %s', (overrides, path) => {
    const found = problemOf(call(overrides));
    expect(found?.path).toBe(path);
    expect(found?.message).toContain(path);
  });

  it('reports the first step at fault with its index', () => {
    const trace = call().flowTrace;
    const found = problemOf(call({ flowTrace: [...trace, { ...trace[1], resultCode: 7 }] }));
    expect(found).toEqual({
      path: 'flowTrace[2].resultCode',
      message: 'flowTrace[2].resultCode must be a string',
    });
  });

  it('refuses what is not an object', () => {
    for (const raw of [null, 'c', 3, [call()]]) expect(problemOf(raw)?.path).toBe('call');
  });

  describe('extension attributes', () => {
    const extensions: AttributeSpecs = {
      queueName: { type: 'string', maxLength: 8 },
      satisfaction: { type: 'integer', min: 1, max: 5 },
      tenantRegion: { type: 'enumeration', enum: ['EU', 'APAC'], required: true },
      tags: { type: 'json' },
    };
    const extended = (overrides: Record<string, unknown>) =>
      call({ tenantRegion: 'EU', ...overrides });

    it('accepts them when their values fit their types', () => {
      const raw = extended({ queueName: 'gold', satisfaction: 5, tags: ['vip', { a: 1 }] });
      expect(validateCall(raw, extensions, limits)).toEqual({ ok: true, call: raw });
    });

    it.each([
      [{ queueName: 'far-too-long' }, 'queueName'],
      [{ queueName: 3 }, 'queueName'],
      [{ satisfaction: 6 }, 'satisfaction'],
      [{ satisfaction: '5' }, 'satisfaction'],
      [{ satisfaction: 2.5 }, 'satisfaction'],
      [{ tenantRegion: 'US' }, 'tenantRegion'],
      [{ tenantRegion: undefined }, 'tenantRegion'],
    ])('refuses %p naming %s', (overrides, path) => {
      expect(problemOf(extended(overrides), extensions)?.path).toBe(path);
    });
  });
});

describe('characters no database here can store, in a call', () => {
  const step = (patch: Record<string, unknown>) => ({
    flowTrace: [
      { seq: 0, at: '2026-03-01T00:30:00Z', nodeId: 'n0', nodeName: 'Start', nodeType: 'S' },
      {
        seq: 1,
        at: '2026-03-01T00:30:05Z',
        nodeId: 'n1',
        nodeName: 'Menu',
        nodeType: 'M',
        ...patch,
      },
    ],
  });

  it.each([
    [{ callId: 'a\u0000b' }, 'callId'],
    [{ endReason: 'x\ud800' }, 'endReason'],
    [step({ botReply: 'x\ud800' }), 'flowTrace[1].botReply'],
    [step({ nodeName: 'a\u0000b' }), 'flowTrace[1].nodeName'],
    [step({ userInput: 'a\u0000b' }), 'flowTrace[1].userInput'],
    [step({ resultCode: '\udfff' }), 'flowTrace[1].resultCode'],
  ])('refuses %p in a contract field, naming %s', (overrides, path) => {
    const found = problemOf(call(overrides));
    expect(found?.path).toBe(path);
    expect(found?.message).toMatch(/NUL character|unpaired surrogate/);
  });

  const extensions: AttributeSpecs = {
    queueName: { type: 'string' },
    note: { type: 'text' },
    tags: { type: 'json' },
  };

  it.each([
    [{ queueName: 'a\u0000' }, 'queueName'],
    [{ note: 'x\ud800' }, 'note'],
    [{ tags: 'a\u0000b' }, 'tags'],
    [{ tags: { labels: ['ok', { name: 'a\u0000b' }] } }, 'tags.labels[1].name'],
    [{ tags: ['\udc00'] }, 'tags[0]'],
    [{ tags: { 'k\u0000': 1 } }, 'tags'],
    [{ tags: { nested: { 'k\ud800': 1 } } }, 'tags.nested'],
  ])('refuses %p in an extension attribute, naming %s', (overrides, path) => {
    const found = problemOf(call(overrides), extensions);
    expect(found?.path).toBe(path);
    expect(found?.message).toMatch(/NUL character|unpaired surrogate/);
  });
});

describe('times: years, offsets and the length of a call', () => {
  it.each([
    [{ startTime: '0026-03-01T00:30:00Z' }, 'startTime'],
    [{ endTime: '0099-03-01T00:31:00Z' }, 'endTime'],
    [{ startTime: '1969-12-31T23:59:59Z' }, 'startTime'],
    [{ startTime: '2026-03-01T08:30:00+14:30' }, 'startTime'],
    [{ startTime: '2026-02-30T08:30:00Z' }, 'startTime'],
    [
      {
        flowTrace: [
          { seq: 0, at: '0026-03-01T00:30:00Z', nodeId: 'n', nodeName: 'N', nodeType: 'T' },
        ],
      },
      'flowTrace[0].at',
    ],
  ])('refuses %p naming %s', (overrides, path) => {
    const found = problemOf(call(overrides));
    expect(found?.path).toBe(path);
    expect(found?.message).toContain(path);
  });

  it('refuses a call longer than maxCallDurationSeconds, naming endTime', () => {
    const day = { startTime: '2026-03-01T00:00:00Z', endTime: '2026-03-02T00:00:00Z' };
    expect(validateCall(call({ ...day, flowTrace: null }), {}, limits).ok).toBe(true);
    expect(problemOf(call({ ...day, endTime: '2026-03-02T00:00:01Z', flowTrace: null }))).toEqual({
      path: 'endTime',
      message:
        'endTime must be at most 86400 seconds (24 h, maxCallDurationSeconds) after startTime',
    });
    const hour = { ...limits, maxCallDurationSeconds: 3600 };
    expect(checkCallTimes('2026-03-01T00:00:00Z', '2026-03-01T01:00:01Z', hour)?.path).toBe(
      'endTime'
    );
    expect(checkCallTimes('2026-03-01T00:00:00Z', '2026-03-01T01:00:00Z', hour)).toBeNull();
  });

  it('stores every time with its offset written ±hh:mm, leaving the call sent untouched', () => {
    const sent = call({
      startTime: '2026-03-01T08:30:00+08',
      endTime: '2026-03-01T08:31:00+0800',
      flowTrace: [
        { seq: 0, at: '2026-03-01T08:30:00+08', nodeId: 'n', nodeName: 'N', nodeType: 'T' },
        { seq: 1, at: '2026-03-01T00:30:30Z', nodeId: 'm', nodeName: 'M', nodeType: 'T' },
      ],
      answeredAt: '2026-03-01T08:30:05-0130',
    });
    const copy = JSON.parse(JSON.stringify(sent));
    const result = validateCall(sent, { answeredAt: { type: 'datetime' } }, limits);
    expect(result.ok && result.call).toMatchObject({
      startTime: '2026-03-01T08:30:00+08:00',
      endTime: '2026-03-01T08:31:00+08:00',
      flowTrace: [{ at: '2026-03-01T08:30:00+08:00' }, { at: '2026-03-01T00:30:30Z' }],
      answeredAt: '2026-03-01T08:30:05-01:30',
    });
    expect(sent).toEqual(copy);
  });
});

describe('free text is text; callId is an identifier', () => {
  const text = 'line one,\n"quoted"\ttabbed 中文 \u2028 😀';
  const freeStep = {
    seq: 0,
    at: '2026-03-01T00:30:00Z',
    nodeId: 'n',
    nodeName: `Menu\n${text}`,
    nodeType: 'MENU',
    userInput: text,
    botReply: `${text}\r\n${text}`,
  };

  it('accepts line breaks, tabs and any printable Unicode in every free-text field', () => {
    const extensions: AttributeSpecs = { queueName: { type: 'string' }, memo: { type: 'text' } };
    const sent = call({
      endReason: 'HANGUP,\n"busy"\t用户挂机',
      flowTrace: [freeStep],
      queueName: text,
      memo: text,
    });
    expect(validateCall(sent, extensions, limits)).toEqual({ ok: true, call: sent });
    expect(validateStoredCall(sent, extensions, limits).ok).toBe(true);
    expect(validateCallUpdate({ endReason: 'a\nb' }, {}, limits).ok).toBe(true);
  });

  it('still refuses what no database stores, in free text too', () => {
    expect(problemOf(call({ endReason: 'a\nb\u0000' }))?.path).toBe('endReason');
  });

  it.each(['a\nb', 'a\tb', 'a\u0007b', 'a\u007fb', 'a\u0085b', 'a\u2028b', 'a\u009bb'])(
    'refuses callId %j',
    (callId) => {
      expect(problemOf(call({ callId }))).toEqual({
        path: 'callId',
        message: 'callId must not contain control characters or line breaks',
      });
    }
  );

  it('takes any printable callId', () => {
    for (const callId of ['2026-03-01-000123', 'call:中文', 'id with spaces', '😀']) {
      expect(problemOf(call({ callId }))).toBeNull();
    }
  });
});

/**
 * The ingest reads every instant with domain/instant.ts, the search's reader: the texts the
 * ingest's former hand-written parser and the search read differently (`+08`, years before
 * 1970 or 0000–0099, `24:00`) are now taken or refused by both, at the same instant.
 */
describe('instants at the ingest, read as the search reads them', () => {
  const sent = (startTime: string) =>
    call({ startTime, endTime: '2026-03-01T12:00:00Z', flowTrace: null });
  const searchReads = (from: string) => {
    const parsed = parseSearchBody({ from, to: '2026-03-01T12:00:00Z' }, { maxPeriodDays: 31 });
    return parsed.ok ? parsed.value.from.getTime() : null;
  };

  it.each([
    ['2026-03-01T08:30:00+08', '2026-03-01T08:30:00+08:00'],
    ['2026-03-01T08:30:00+0800', '2026-03-01T08:30:00+08:00'],
    ['2026-03-01T08:30:00+08:00', '2026-03-01T08:30:00+08:00'],
    ['2026-03-01T08:30:00-0130', '2026-03-01T08:30:00-01:30'],
    ['2026-03-01T00:30:00Z', '2026-03-01T00:30:00Z'],
    ['2026-03-01T00:30Z', '2026-03-01T00:30Z'],
    ['2026-03-01T08:30:00.123456789+08', '2026-03-01T08:30:00.123456789+08:00'],
  ])('takes %s, stored as %s, at the instant the search reads', (text, stored) => {
    const result = validateCall(sent(text), {}, limits);
    expect(result.ok && result.call.startTime).toBe(stored);
    expect(searchReads(text)).toBe(Date.parse(stored));
  });

  const format =
    'startTime must be an ISO 8601 date-time with an offset, e.g. 2026-03-01T08:30:00+08:00';
  const range = 'startTime must be an instant from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z';

  it.each([
    ['2026-03-01T08:30:00', format],
    ['2026-03-01T24:00:00Z', format],
    ['2026-03-01T08:30:00,5Z', format],
    ['0026-03-01T08:30:00Z', range],
    ['0000-01-01T00:00:00Z', range],
    ['1969-12-31T23:59:59Z', range],
    ['9999-12-31T23:30:00-01:00', range],
    [
      '2026-03-01T08:30:00+15',
      'startTime has an impossible UTC offset +15: offsets run from -14:00 to +14:00',
    ],
  ])('refuses %s, as the search does: %s', (text, message) => {
    expect(problemOf(sent(text))).toEqual({ path: 'startTime', message });
    expect(searchReads(text)).toBeNull();
  });
});
