import { onSqlite } from '../helpers/dialect';
import { exportCsv } from '../helpers/export';
import {
  CALL_RECORD,
  INGEST_PATH,
  countCalls,
  createApiToken,
  makeCall,
  setFlags,
} from '../helpers/ingest';
import { bearer, startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Bad input on the ingest route, under Strapi's default 1 MB JSON limit: every case names the
 * field and stores nothing; none answers 500 or 503, on SQLite and on PostgreSQL alike (which
 * refuses what SQLite stores silently: NUL characters, unpaired surrogates, over-long varchars,
 * numbers outside their column).
 */
describe('POST /api/call-history/calls/batch with bad input', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp(
      { STRAPI_JSON_LIMIT: '1mb' },
      {
        // Besides the host app's own extension (queueName, tags…): one attribute of each type
        // whose column is narrower than its JSON value can be.
        callRecordAttributes: {
          note: { type: 'string' },
          memo: { type: 'text' },
          amount: { type: 'decimal' },
          externalRef: { type: 'biginteger' },
        },
      }
    );
    token = await createApiToken(app, 'call platform');
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
    // One stored call, so that "nothing changed" is checked against a non-empty table.
    await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({ data: [makeCall('seed')] })
      .expect(200);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const steps = (count: number) =>
    makeCall('x', {}, count).flowTrace as Array<Record<string, unknown>>;
  const withStep = (index: number, patch: Record<string, unknown>) => {
    const trace = steps(3);
    trace[index] = { ...trace[index], ...patch };
    return trace;
  };

  const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : [nested(depth - 1)]);

  // 70 steps with 4,000-character replies: about 290 KB of JSON, over the default 256 KiB,
  // yet every step within its own rules and the whole body within 1 MB.
  const oversizedTrace = () => steps(70).map((step) => ({ ...step, botReply: 'r'.repeat(4000) }));

  // [name, the call as sent, the field named]
  const badCalls: Array<[string, unknown, string]> = [
    ['callId missing', makeCall('x', { callId: undefined }), 'callId'],
    ['callId not a string', makeCall('x', { callId: 42 }), 'callId'],
    ['callId blank', makeCall('x', { callId: '   ' }), 'callId'],
    ['callId over 128 characters', makeCall('c'.repeat(129)), 'callId'],
    ['callId with a control character', makeCall('bad\nid'), 'callId'],
    ['callId with a C1 control character', makeCall('bad\u009bid'), 'callId'],
    ['callingNumber missing', makeCall('x', { callingNumber: undefined }), 'callingNumber'],
    ['callingNumber with letters', makeCall('x', { callingNumber: '86138abc' }), 'callingNumber'],
    [
      'callingNumber with the search wildcard',
      makeCall('x', { callingNumber: '86138*' }),
      'callingNumber',
    ],
    [
      'callingNumber over 32 characters',
      makeCall('x', { callingNumber: '1'.repeat(33) }),
      'callingNumber',
    ],
    ['calledNumber with spaces', makeCall('x', { calledNumber: '100 86' }), 'calledNumber'],
    ['accessCode missing', makeCall('x', { accessCode: undefined }), 'accessCode'],
    ['accessCode a number', makeCall('x', { accessCode: 10086 }), 'accessCode'],
    ['accessCode with a space', makeCall('x', { accessCode: '100 86' }), 'accessCode'],
    ['accessCode over 64 characters', makeCall('x', { accessCode: 'a'.repeat(65) }), 'accessCode'],
    ['botKind outside the enum', makeCall('x', { botKind: 'ROBOT' }), 'botKind'],
    [
      'botKind missing where no robot or IVR owns the access code',
      makeCall('x', { botKind: undefined, accessCode: 'orphan' }),
      'botKind',
    ],
    ['startTime not a date', makeCall('x', { startTime: 'yesterday' }), 'startTime'],
    [
      'startTime without an offset',
      makeCall('x', { startTime: '2026-03-01T08:30:00' }),
      'startTime',
    ],
    ['startTime on 30 February', makeCall('x', { startTime: '2026-02-30T08:30:00Z' }), 'startTime'],
    ['startTime a number', makeCall('x', { startTime: 1772353800000 }), 'startTime'],
    ['endTime missing', makeCall('x', { endTime: undefined }), 'endTime'],
    ['endTime before startTime', makeCall('x', { endTime: '2026-03-01T08:29:59Z' }), 'endTime'],
    [
      'startTime in year 0026, once read as 1926',
      makeCall('x', { startTime: '0026-03-01T08:30:00Z' }),
      'startTime',
    ],
    [
      'endTime in year 0099, once read as 1999: a call ending before it started',
      makeCall('x', { startTime: '1999-12-31T23:00:00Z', endTime: '0099-12-31T23:30:00Z' }),
      'endTime',
    ],
    ['startTime before 1970', makeCall('x', { startTime: '1969-12-31T23:59:59Z' }), 'startTime'],
    [
      'a call longer than 24 h (maxCallDurationSeconds)',
      makeCall('x', { endTime: '2026-03-02T08:30:01Z' }),
      'endTime',
    ],
    [
      'a call of seventy years, whose seconds overflow the integer column',
      makeCall('x', { startTime: '1970-01-02T00:00:00Z', endTime: '2040-01-01T00:00:00Z' }),
      'endTime',
    ],
    [
      'startTime with an offset beyond +14:00, written +15',
      makeCall('x', { startTime: '2026-03-01T08:30:00+15' }),
      'startTime',
    ],
    ['endReason over 64 characters', makeCall('x', { endReason: 'R'.repeat(65) }), 'endReason'],
    ['endReason not a string', makeCall('x', { endReason: 3 }), 'endReason'],
    ['flowTrace not an array', makeCall('x', { flowTrace: { seq: 0 } }), 'flowTrace'],
    ['flowTrace over 1,000 steps', makeCall('x', { flowTrace: steps(1001) }), 'flowTrace'],
    [
      'flowTrace over 256 KiB of JSON (maxFlowTraceBytes)',
      makeCall('x', { flowTrace: oversizedTrace() }),
      'flowTrace',
    ],
    [
      'flow step at in year 0026',
      makeCall('x', { flowTrace: withStep(0, { at: '0026-03-01T08:30:00Z' }) }),
      'flowTrace[0].at',
    ],
    ['flow step not an object', makeCall('x', { flowTrace: ['start'] }), 'flowTrace[0]'],
    [
      'flow step without nodeId',
      makeCall('x', { flowTrace: withStep(1, { nodeId: undefined }) }),
      'flowTrace[1].nodeId',
    ],
    [
      'flow step with a negative seq',
      makeCall('x', { flowTrace: withStep(2, { seq: -1 }) }),
      'flowTrace[2].seq',
    ],
    [
      'flow step with a bad time',
      makeCall('x', { flowTrace: withStep(0, { at: '08:30' }) }),
      'flowTrace[0].at',
    ],
    [
      'flow step with an unknown key',
      makeCall('x', { flowTrace: withStep(0, { colour: 'red' }) }),
      'flowTrace[0].colour',
    ],
    [
      'flow step durationMs not an integer',
      makeCall('x', { flowTrace: withStep(1, { durationMs: 1.5 }) }),
      'flowTrace[1].durationMs',
    ],
    [
      'flow step userInput over 4,000 characters',
      makeCall('x', { flowTrace: withStep(1, { userInput: 'u'.repeat(4001) }) }),
      'flowTrace[1].userInput',
    ],
    ['callId with a NUL character', makeCall('a\u0000b'), 'callId'],
    ['endReason with an unpaired surrogate', makeCall('x', { endReason: 'x\ud800' }), 'endReason'],
    [
      'flow step botReply with an unpaired surrogate',
      makeCall('x', { flowTrace: withStep(1, { botReply: 'x\ud800' }) }),
      'flowTrace[1].botReply',
    ],
    [
      'flow step nodeName with a NUL character',
      makeCall('x', { flowTrace: withStep(1, { nodeName: 'a\u0000b' }) }),
      'flowTrace[1].nodeName',
    ],
    [
      'flow step userInput with a NUL character',
      makeCall('x', { flowTrace: withStep(2, { userInput: 'a\u0000b' }) }),
      'flowTrace[2].userInput',
    ],
    ['extension string with a NUL character', makeCall('x', { queueName: 'a\u0000' }), 'queueName'],
    ['extension text with a NUL character', makeCall('x', { memo: 'a\u0000' }), 'memo'],
    [
      'extension json with a NUL character in a nested value',
      makeCall('x', { tags: { labels: ['ok', 'a\u0000b'] } }),
      'tags.labels[1]',
    ],
    [
      'extension json with a NUL character in a key',
      makeCall('x', { tags: { 'a\u0000b': 1 } }),
      'tags',
    ],
    ['extension json with an unpaired surrogate', makeCall('x', { tags: ['x\udc00y'] }), 'tags[0]'],
    [
      'extension json nested deeper than 31 levels (MariaDB refuses 32)',
      makeCall('x', { tags: nested(32) }),
      `tags${'[0]'.repeat(31)}`,
    ],
    [
      'extension string over its varchar(255) column, though it sets no maxLength',
      makeCall('x', { note: 'n'.repeat(256) }),
      'note',
    ],
    ['extension decimal over decimal(10,2)', makeCall('x', { amount: 100_000_000 }), 'amount'],
    [
      'extension decimal that rounds over decimal(10,2)',
      makeCall('x', { amount: 99_999_999.995 }),
      'amount',
    ],
    [
      'extension biginteger over 64 bits',
      makeCall('x', { externalRef: '9223372036854775808' }),
      'externalRef',
    ],
    ['an unknown key', makeCall('x', { agentName: 'Ada' }), 'agentName'],
    [
      'recordingDecision, which the plugin writes',
      makeCall('x', { recordingDecision: {} }),
      'recordingDecision',
    ],
    [
      'durationSeconds, which the plugin computes',
      makeCall('x', { durationSeconds: 3 }),
      'durationSeconds',
    ],
    ['id, which Strapi owns', makeCall('x', { id: 1 }), 'id'],
    ['a call that is a string', 'call-1', 'call'],
    ['a call that is null', null, 'call'],
    ['a call that is an array', [makeCall('x')], 'call'],
  ];

  it.each(badCalls)(
    'answers %s as invalid, naming the field, storing nothing',
    async (_, call, field) => {
      const before = await countCalls(app);
      const response = await app
        .http()
        .post(INGEST_PATH)
        .set(bearer(token))
        .send({ data: [call, makeCall('valid-neighbour-is-not-stored-twice')] });
      expect(response.status).toBe(200);
      const [result] = response.body.data.results;
      expect(result).toMatchObject({ status: 'invalid', path: field });
      expect(result.reason).toContain(field);
      expect(response.body.data.counts.invalid).toBe(1);
      // Only the valid neighbour may have been stored (the first time round).
      const after = await countCalls(app);
      expect(after - before).toBe(response.body.data.counts.stored);
      expect(await countCalls(app, { callId: 'x' })).toBe(0);
    }
  );

  // [name, the body as sent, the field named]
  const badBatches: Array<[string, unknown, string]> = [
    ['a JSON array instead of { data }', [makeCall('b1')], 'data'],
    ['an empty object', {}, 'data'],
    ['data null', { data: null }, 'data'],
    ['data an object', { data: makeCall('b2') }, 'data'],
    ['data a string', { data: 'calls' }, 'data'],
    ['no call at all', { data: [] }, 'data'],
    ['1,001 calls', { data: Array.from({ length: 1001 }, (_, i) => makeCall(`b3-${i}`)) }, 'data'],
    ['a key besides data', { data: [makeCall('b4')], meta: {} }, 'meta'],
  ];

  it.each(badBatches)(
    'answers %s with 400 naming the field, storing nothing',
    async (_, body, field) => {
      const before = await countCalls(app);
      const response = await app
        .http()
        .post(INGEST_PATH)
        .set(bearer(token))
        .send(body as object);
      expect(response.status).toBe(400);
      expect(response.body.data).toBeNull();
      expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(response.body.error.details.errors[0].path).toEqual([field]);
      expect(await countCalls(app)).toBe(before);
    }
  );

  it('answers a body that is not JSON with 400, storing nothing', async () => {
    const before = await countCalls(app);
    const response = await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .set('Content-Type', 'text/plain')
      .send('callId=1');
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['data']);
    expect(await countCalls(app)).toBe(before);
  });

  it('answers malformed JSON with 400, storing nothing', async () => {
    const before = await countCalls(app);
    const response = await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .set('Content-Type', 'application/json')
      .send('{"data": [');
    expect(response.status).toBe(400);
    expect(response.body.error.status).toBe(400);
    expect(await countCalls(app)).toBe(before);
  });

  it('refuses a batch over the JSON limit with 413 from Strapi, storing nothing', async () => {
    // 1,000 calls with 20-step traces: about 5 MB, over Strapi's default 1 MB.
    const data = Array.from({ length: 1000 }, (_, i) => makeCall(`big-${i}`, {}, 20));
    const before = await countCalls(app);
    const response = await app.http().post(INGEST_PATH).set(bearer(token)).send({ data });
    expect(response.status).toBe(413);
    expect(await countCalls(app)).toBe(before);
  });

  it('stores what the columns can hold at their limits, on every database', async () => {
    const response = await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({
        data: [
          makeCall('limits', {
            note: 'n'.repeat(255),
            memo: 'm'.repeat(10_000),
            amount: 99_999_999.99,
            externalRef: '-9223372036854775808',
            endReason: 'emoji \ud83d\ude00',
            tags: { deep: nested(30), 中文: 'ok' },
          }),
        ],
      })
      .expect(200);
    expect(response.body.data.results[0]).toMatchObject({ status: 'stored' });
    const stored = await app.strapi.db!.query(CALL_RECORD).findOne({ where: { callId: 'limits' } });
    expect(stored).toMatchObject({
      note: 'n'.repeat(255),
      amount: 99_999_999.99,
      // better-sqlite3 reads a 64-bit integer back as a JS number, for every Strapi write alike.
      externalRef: onSqlite ? String(-9223372036854775808) : '-9223372036854775808',
      endReason: 'emoji \ud83d\ude00',
      tags: { deep: nested(30), 中文: 'ok' },
    });
  });

  it('stores the valid calls of a batch that also holds invalid ones', async () => {
    const response = await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({ data: [makeCall('mixed-ok'), makeCall('mixed-bad', { endTime: 'never' })] })
      .expect(200);
    expect(response.body.data.counts).toEqual({
      stored: 1,
      notRecorded: 0,
      duplicate: 0,
      invalid: 1,
    });
    expect(await countCalls(app, { callId: { $in: ['mixed-ok', 'mixed-bad'] } })).toBe(1);
  });
  it('never fails a batch for one call: 999 calls are stored beside one of seventy years', async () => {
    // 2.2 × 10^9 seconds: past PostgreSQL's integer, once a 422 for the whole batch.
    const seventyYears = { startTime: '1970-01-02T00:00:00Z', endTime: '2040-01-01T00:00:00Z' };
    const data = Array.from({ length: 1000 }, (_, i) =>
      makeCall(`long-${i}`, i === 500 ? seventyYears : {})
    );
    const response = await app.http().post(INGEST_PATH).set(bearer(token)).send({ data });
    expect(response.status).toBe(200);
    expect(response.body.data.counts).toEqual({
      stored: 999,
      notRecorded: 0,
      duplicate: 0,
      invalid: 1,
    });
    expect(response.body.data.results[500]).toMatchObject({
      callId: 'long-500',
      status: 'invalid',
      path: 'endTime',
    });
    expect(await countCalls(app, { callId: { $startsWith: 'long-' } })).toBe(999);
  });

  it('reads every ISO 8601 offset notation, as the search does, and stores them as ±hh:mm', async () => {
    const response = await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({
        data: [
          makeCall('offsets', {
            startTime: '2026-03-01T16:30:00+08',
            endTime: '2026-03-01T16:32:05+0800',
            flowTrace: [
              { ...steps(1)[0], at: '2026-03-01T16:30:00+08' },
              { ...steps(2)[1], seq: 1, at: '2026-03-01T08:31:00Z' },
            ],
          }),
        ],
      })
      .expect(200);
    expect(response.body.data.results[0]).toMatchObject({ status: 'stored' });
    const stored = await app.strapi
      .db!.query(CALL_RECORD)
      .findOne({ where: { callId: 'offsets' } });
    expect(stored).toMatchObject({
      startTime: '2026-03-01T08:30:00.000Z',
      endTime: '2026-03-01T08:32:05.000Z',
      durationSeconds: 125,
    });
    expect(stored.flowTrace.map((step: { at: string }) => step.at)).toEqual([
      '2026-03-01T16:30:00+08:00',
      '2026-03-01T08:31:00Z',
    ]);
  });

  it('keeps free text as text: commas, quotes, line breaks and Chinese, in details and CSV', async () => {
    const endReason = 'Hang-up, "busy"\nsecond line\t用户挂机';
    const words = '您好，"请问"\n有什么可以帮您?\r\nline, two';
    const sent = makeCall('free-text', {
      callingNumber: '8613911112222',
      endReason,
      queueName: 'north,\n"VIP" 队列',
      flowTrace: [
        { ...steps(1)[0], nodeName: 'Welcome,\n"main" 菜单', userInput: words, botReply: words },
      ],
    });
    const response = await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({ data: [sent] })
      .expect(200);
    expect(response.body.data.results[0]).toMatchObject({ status: 'stored' });

    const details = await app
      .http()
      .get('/call-history/calls/free-text')
      .set(bearer(app.admin.token))
      .expect(200);
    expect(details.body.data).toMatchObject({ endReason, queueName: 'north,\n"VIP" 队列' });
    expect(details.body.data.flowTrace[0]).toMatchObject({
      nodeName: 'Welcome,\n"main" 菜单',
      userInput: words,
      botReply: words,
    });

    const records = await exportCsv(app, app.admin.token, {
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-02T00:00:00Z',
      callingNumber: '8613911112222',
    });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      callId: 'free-text',
      endReason,
      queueName: 'north,\n"VIP" 队列',
    });
  });
});
