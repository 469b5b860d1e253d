import {
  MAX_BATCH_SIZE,
  checkAttributeValue,
  extensionAttributes,
  parseIsoDateTime,
  validateBatchShape,
  validateCall,
  type AttributeSpecs,
} from '../../../server/src/domain/call-validation';

const call = (overrides: Record<string, unknown> = {}) => ({
  callId: 'c-1',
  callingNumber: '+8613800138000',
  calledNumber: '*100#',
  accessCode: '10086',
  botKind: 'COMMON_IVR',
  startTime: '2026-03-01T08:30:00+08:00',
  endTime: '2026-03-01T00:31:00Z',
  endReason: 'USER_HANGUP',
  flowTrace: [
    { seq: 0, at: '2026-03-01T00:30:00Z', nodeId: 'n0', nodeName: 'Start', nodeType: 'START' },
    {
      seq: 1,
      at: '2026-03-01T00:30:05.123456Z',
      nodeId: 'n1',
      nodeName: 'Menu',
      nodeType: 'MENU',
      userInput: '1',
      botReply: 'Billing',
      resultCode: 'OK',
      durationMs: 5000,
    },
  ],
  ...overrides,
});

const problemOf = (raw: unknown, extensions: AttributeSpecs = {}) => {
  const result = validateCall(raw, extensions);
  return result.ok ? null : result.problem;
};

describe('parseIsoDateTime', () => {
  it.each([
    ['2026-03-01T08:30:00Z', Date.UTC(2026, 2, 1, 8, 30)],
    ['2026-03-01T08:30Z', Date.UTC(2026, 2, 1, 8, 30)],
    ['2026-03-01T08:30:00.5Z', Date.UTC(2026, 2, 1, 8, 30, 0, 500)],
    ['2026-03-01T08:30:00.123456789Z', Date.UTC(2026, 2, 1, 8, 30, 0, 123)],
    ['2026-03-01T08:30:00+08:00', Date.UTC(2026, 2, 1, 0, 30)],
    ['2026-03-01T08:30:00-0130', Date.UTC(2026, 2, 1, 10, 0)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('reads %s', (text, millis) => {
    expect(parseIsoDateTime(text)).toBe(millis);
  });

  it.each([
    '2026-03-01T08:30:00',
    '2026-03-01 08:30:00Z',
    '2026-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T08:60:00Z',
    '2026-03-01T08:30:00+25:00',
    '2026-03-01',
    'yesterday',
    '',
    1772353800000,
    null,
  ])('refuses %p', (value) => {
    expect(parseIsoDateTime(value)).toBeNull();
  });
});

describe('validateCall', () => {
  it('accepts a complete call, and one with only the required fields', () => {
    expect(validateCall(call(), {})).toEqual({ ok: true, call: call() });
    const minimal = {
      callId: 'c-2',
      callingNumber: '10086',
      accessCode: 'a',
      startTime: '2026-03-01T08:30:00Z',
      endTime: '2026-03-01T08:30:00Z',
    };
    expect(validateCall(minimal, {}).ok).toBe(true);
  });

  it('accepts null for every optional field', () => {
    const nulls = call({ calledNumber: null, botKind: null, endReason: null, flowTrace: null });
    expect(validateCall(nulls, {}).ok).toBe(true);
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
    [{ endReason: 'a\tb' }, 'endReason'],
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
      expect(validateCall(raw, extensions)).toEqual({ ok: true, call: raw });
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

describe('checkAttributeValue by Strapi type', () => {
  it.each([
    ['email', 'ada@example.com', 'not-an-email'],
    ['uid', 'a-b_c.d~e', 'a b'],
    ['biginteger', '9007199254740993', '12a'],
    ['float', 1.5, Number.NaN],
    ['decimal', 2, '2'],
    ['boolean', false, 'false'],
    ['date', '2026-02-28', '2026-02-29'],
    ['datetime', '2026-03-01T08:30:00Z', '2026-03-01'],
    ['time', '08:30:15.250', '25:00'],
    ['text', 'long text', 42],
  ])('%s accepts %p and refuses %p', (type, good, bad) => {
    expect(checkAttributeValue('f', good, { type })).toBeNull();
    expect(checkAttributeValue('f', bad, { type })?.path).toBe('f');
  });

  it('refuses relations, media and components: the ingest API cannot write them', () => {
    for (const type of ['relation', 'media', 'component', 'dynamiczone']) {
      expect(checkAttributeValue('f', 1, { type })?.message).toContain('cannot write');
    }
  });
});

describe('extensionAttributes', () => {
  it('keeps only what the plugin and Strapi do not own', () => {
    const model = {
      callId: { type: 'string' },
      flowTrace: { type: 'json' },
      createdAt: { type: 'datetime' },
      updatedBy: { type: 'relation' },
      queueName: { type: 'string' },
    };
    expect(extensionAttributes(model, ['callId', 'flowTrace'])).toEqual({
      queueName: { type: 'string' },
    });
  });
});

describe('validateBatchShape', () => {
  it('accepts 1 to 1,000 calls', () => {
    expect(validateBatchShape({ data: [1] })).toEqual({ ok: true, calls: [1] });
    const full = new Array(MAX_BATCH_SIZE).fill({});
    expect(validateBatchShape({ data: full }).ok).toBe(true);
  });

  it.each([
    [undefined, 'data'],
    ['text', 'data'],
    [[{}], 'data'],
    [{}, 'data'],
    [{ data: null }, 'data'],
    [{ data: {} }, 'data'],
    [{ data: [] }, 'data'],
    [{ data: new Array(MAX_BATCH_SIZE + 1).fill({}) }, 'data'],
    [{ data: [{}], extra: true }, 'extra'],
  ])('refuses %p naming %s', (body, path) => {
    const result = validateBatchShape(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.path).toBe(path);
  });
});
