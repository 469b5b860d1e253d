import {
  MAX_BATCH_SIZE,
  MAX_JSON_DEPTH,
  checkAttributeValue,
  checkCallTimes,
  checkJsonValue,
  extensionAttributes,
  flowTraceBytes,
  flowTraceBytesBound,
  maxLengthOf,
  unstorableCharacter,
  validateBatchShape,
  validateCall,
  validateCallUpdate,
  validateStoredCall,
  type AttributeSpecs,
  type CallLimits,
} from '../../../server/src/domain/call-validation';

const limits: CallLimits = { maxFlowTraceBytes: 256 * 1024, maxCallDurationSeconds: 86_400 };

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
  const result = validateCall(raw, extensions, limits);
  return result.ok ? null : result.problem;
};

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

describe('characters no database here can store', () => {
  it.each([
    ['plain text', null],
    ['emoji, a surrogate pair: \ud83d\ude00', null],
    ['中文', null],
    ['a\u0000b', 'nul'],
    ['x\ud800', 'surrogate'],
    ['\ud800x', 'surrogate'],
    ['x\udc00', 'surrogate'],
    ['\udc00\ud800', 'surrogate'],
  ])('%p is %p', (text, found) => {
    expect(unstorableCharacter(text)).toBe(found);
  });

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

  it('reports the first bad json string in document order', () => {
    expect(checkJsonValue('tags', { a: ['ok', 'x\u0000'], b: 'y\u0000' })?.path).toBe('tags.a[1]');
  });

  it('accepts json nested to the limit and refuses deeper', () => {
    const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : [nest(depth - 1)]);
    expect(checkJsonValue('tags', nest(MAX_JSON_DEPTH))).toBeNull();
    expect(checkJsonValue('tags', nest(MAX_JSON_DEPTH + 1))?.message).toContain('nest deeper');
    // Far deeper than any recursion would survive: checked without a stack.
    let deep: unknown = 'leaf';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(checkJsonValue('tags', deep)?.path).toMatch(/^tags(\[0\])+$/);
  });
});

describe('what the columns Strapi creates can hold', () => {
  it('caps every varchar attribute at 255 characters, whatever its maxLength', () => {
    expect(maxLengthOf({ type: 'string' })).toBe(255);
    expect(maxLengthOf({ type: 'string', maxLength: 1000 })).toBe(255);
    expect(maxLengthOf({ type: 'string', maxLength: 32 })).toBe(32);
    expect(maxLengthOf({ type: 'email' })).toBe(255);
    expect(maxLengthOf({ type: 'uid' })).toBe(255);
    expect(maxLengthOf({ type: 'text' })).toBeUndefined();
    expect(checkAttributeValue('f', 's'.repeat(255), { type: 'string' })).toBeNull();
    expect(checkAttributeValue('f', 's'.repeat(256), { type: 'string' })?.message).toBe(
      'f must be at most 255 characters'
    );
    expect(checkAttributeValue('f', 's'.repeat(5000), { type: 'text' })).toBeNull();
  });

  it.each([
    [99_999_999.99, true],
    [-99_999_999.99, true],
    [0.005, true],
    [99_999_999.995, false],
    [100_000_000, false],
    [-1e12, false],
  ])('decimal(10,2) holds %p: %p', (value, fits) => {
    expect(checkAttributeValue('f', value, { type: 'decimal' }) === null).toBe(fits);
  });

  it.each([
    ['9223372036854775807', true],
    ['-9223372036854775808', true],
    ['9223372036854775808', false],
    ['-9223372036854775809', false],
    ['9999999999999999999', false],
    [Number.MAX_SAFE_INTEGER, true],
    [2 ** 60, false],
    [1.5, false],
  ])('bigint holds %p: %p', (value, fits) => {
    expect(checkAttributeValue('f', value, { type: 'biginteger' }) === null).toBe(fits);
  });

  it('applies the min and max of a biginteger attribute', () => {
    const spec = { type: 'biginteger', min: '10', max: 20 };
    expect(checkAttributeValue('f', '15', spec)).toBeNull();
    expect(checkAttributeValue('f', '9', spec)?.message).toBe('f must be at least 10');
    expect(checkAttributeValue('f', 21, spec)?.message).toBe('f must be at most 20');
  });
});

describe('validateStoredCall: a create through the Query Engine', () => {
  // What the Content Manager sends for a new call: every attribute of its form.
  const fromTheForm = (overrides: Record<string, unknown> = {}) => ({
    ...call({ flowTrace: null }),
    id: 7,
    calledNumber: '',
    endReason: '',
    botKind: '',
    durationSeconds: 60,
    botName: 'typed in the form',
    recordingDecision: null,
    callingNumberReversed: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    createdBy: 1,
    updatedBy: 1,
    ...overrides,
  });

  it('accepts what the Content Manager sends, blanks of optional fields as null', () => {
    const sent = fromTheForm();
    expect(validateStoredCall(sent, {}, limits)).toEqual({
      ok: true,
      call: { ...sent, calledNumber: null, endReason: null, botKind: null },
    });
    expect(sent.calledNumber).toBe('');
  });

  it('accepts Date objects for the times, as a Query Engine caller may pass them', () => {
    const times = {
      startTime: new Date('2026-03-01T00:30:00Z'),
      endTime: new Date('2026-03-01T00:31:00Z'),
    };
    expect(validateStoredCall(fromTheForm(times), {}, limits).ok).toBe(true);
    const reversed = { startTime: times.endTime, endTime: times.startTime };
    expect(validateStoredCall(fromTheForm(reversed), {}, limits)).toMatchObject({
      ok: false,
      problem: { path: 'endTime' },
    });
  });

  it.each([
    [{ callingNumber: '86*138' }, 'callingNumber'],
    [{ callingNumber: 'abc' }, 'callingNumber'],
    [{ callingNumber: '' }, 'callingNumber'],
    [{ endTime: '2026-03-01T00:29:00Z' }, 'endTime'],
    [{ startTime: new Date('invalid') }, 'startTime'],
    [{ accessCode: 'has space' }, 'accessCode'],
    [{ flowTrace: { hello: 1 } }, 'flowTrace'],
    [{ calledNumber: 'abc' }, 'calledNumber'],
    [{ botKind: 'ROBOT' }, 'botKind'],
    [{ durationSeconds: -1 }, 'durationSeconds'],
    [{ durationSeconds: '60' }, 'durationSeconds'],
    [{ endReason: 'a\u0000' }, 'endReason'],
  ])('refuses %p naming %s', (overrides, path) => {
    const result = validateStoredCall(fromTheForm(overrides), {}, limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.path).toBe(path);
  });

  it('checks extension attributes by type, leaving relations and media to Strapi', () => {
    const extensions: AttributeSpecs = {
      csat: { type: 'integer', min: 1, max: 5 },
      owner: { type: 'relation' },
      picture: { type: 'media' },
    };
    expect(
      validateStoredCall(
        fromTheForm({ csat: 3, owner: { connect: [1] }, picture: 4 }),
        extensions,
        limits
      ).ok
    ).toBe(true);
    expect(validateStoredCall(fromTheForm({ csat: 6 }), extensions, limits)).toMatchObject({
      ok: false,
      problem: { path: 'csat' },
    });
  });
});

describe('validateCallUpdate: an update through the Query Engine', () => {
  it('checks only the fields the update carries', () => {
    expect(validateCallUpdate({ endReason: 'TRANSFER' }, {}, limits)).toEqual({
      ok: true,
      call: { endReason: 'TRANSFER' },
    });
    expect(
      validateCallUpdate({ id: 3, updatedAt: new Date(), calledNumber: '' }, {}, limits)
    ).toMatchObject({
      ok: true,
      call: { calledNumber: null },
    });
  });

  it.each([
    [{ callingNumber: '86*138' }, 'callingNumber'],
    [{ callingNumber: null }, 'callingNumber'],
    [{ startTime: '2026-03-01T00:32:00Z', endTime: '2026-03-01T00:31:00Z' }, 'endTime'],
    [{ flowTrace: { hello: 1 } }, 'flowTrace'],
    [{ csat: 9 }, 'csat'],
  ])('refuses %p naming %s', (data, path) => {
    const result = validateCallUpdate(data, { csat: { type: 'integer', max: 5 } }, limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.path).toBe(path);
  });

  it('leaves a single time to be checked against the stored one', () => {
    expect(validateCallUpdate({ endTime: '2026-03-01T00:31:00Z' }, {}, limits).ok).toBe(true);
    expect(checkCallTimes('2026-03-01T00:32:00.000Z', '2026-03-01T00:31:00Z', limits)?.path).toBe(
      'endTime'
    );
    expect(checkCallTimes('2026-03-01T00:30:00.000Z', '2026-03-01T00:31:00Z', limits)).toBeNull();
    expect(checkCallTimes(null, '2026-03-01T00:31:00Z', limits)).toBeNull();
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

describe('flow trace size: maxFlowTraceBytes', () => {
  const small: CallLimits = { ...limits, maxFlowTraceBytes: 2048 };
  const stepWith = (seq: number, botReply: string) => ({
    seq,
    at: '2026-03-01T00:30:00Z',
    nodeId: `n${seq}`,
    nodeName: 'Menu',
    nodeType: 'MENU',
    botReply,
  });

  it('counts UTF-8 bytes of the JSON, not characters', () => {
    expect(flowTraceBytes([{ a: '中' }])).toBe('[{"a":"中"}]'.length + 2);
    expect(flowTraceBytes([{ a: 'x\n' }])).toBe('[{"a":"x\\n"}]'.length);
  });

  it('bounds the bytes from above without serialising, whatever the characters', () => {
    const worst = {
      seq: 2_147_483_647,
      at: new Date('9999-12-31T23:59:59.999Z'),
      nodeId: '\u0001'.repeat(128),
      nodeName: '"'.repeat(255),
      nodeType: '\\'.repeat(64),
      userInput: '中'.repeat(4000),
      botReply: '\ud83d\ude00'.repeat(2000),
      resultCode: '\u001f'.repeat(64),
      durationMs: 2_147_483_647,
    };
    for (const trace of [[worst], [worst, worst, stepWith(3, '')], [stepWith(0, '')], []]) {
      expect(flowTraceBytesBound(trace)).toBeGreaterThanOrEqual(flowTraceBytes(trace));
    }
  });

  it('accepts a trace at the cap and refuses one byte over, naming flowTrace', () => {
    const base = flowTraceBytes([stepWith(0, '')]);
    const atCap = [stepWith(0, 'a'.repeat(small.maxFlowTraceBytes - base))];
    expect(flowTraceBytes(atCap)).toBe(small.maxFlowTraceBytes);
    expect(validateCall(call({ flowTrace: atCap }), {}, small).ok).toBe(true);
    const over = [stepWith(0, 'a'.repeat(small.maxFlowTraceBytes - base + 1))];
    expect(problemOf(call({ flowTrace: over }))).toBeNull();
    expect(validateCall(call({ flowTrace: over }), {}, small)).toEqual({
      ok: false,
      problem: {
        path: 'flowTrace',
        message: `flowTrace is ${small.maxFlowTraceBytes + 1} bytes of JSON: at most 2048 are kept per call (maxFlowTraceBytes)`,
      },
    });
  });

  it('refuses the largest trace the step rules allow under the default cap', () => {
    // 1,000 steps × 2 × 4,000 characters of Chinese: 24 MB a row.
    const huge = Array.from({ length: 1000 }, (_, seq) => ({
      ...stepWith(seq, '中'.repeat(4000)),
      userInput: '文'.repeat(4000),
    }));
    expect(problemOf(call({ flowTrace: huge }))?.path).toBe('flowTrace');
  });

  it('holds on the Query Engine paths too', () => {
    const over = [stepWith(0, 'a'.repeat(4000))];
    expect(validateStoredCall(call({ flowTrace: over }), {}, small)).toMatchObject({
      ok: false,
      problem: { path: 'flowTrace' },
    });
    expect(validateCallUpdate({ flowTrace: over }, {}, small)).toMatchObject({
      ok: false,
      problem: { path: 'flowTrace' },
    });
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

  it('bounds a given durationSeconds the same way on the Query Engine path', () => {
    const sent = (durationSeconds: unknown) => ({ ...call({ flowTrace: null }), durationSeconds });
    expect(validateStoredCall(sent(86_400), {}, limits).ok).toBe(true);
    for (const bad of [86_401, 2 ** 31, -1, 1.5]) {
      expect(validateStoredCall(sent(bad), {}, limits)).toMatchObject({
        ok: false,
        problem: { path: 'durationSeconds' },
      });
    }
    expect(validateCallUpdate({ durationSeconds: 86_401 }, {}, limits)).toMatchObject({
      ok: false,
      problem: {
        path: 'durationSeconds',
        message: 'durationSeconds must be an integer from 0 to 86400 (maxCallDurationSeconds)',
      },
    });
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
