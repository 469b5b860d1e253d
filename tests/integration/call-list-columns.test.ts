import { exportRequest } from '../helpers/export';
import { INGEST_PATH, createApiToken, makeCall, setFlags } from '../helpers/ingest';
import { bearer, createAdminUser, createRole, startTestApp, type TestApp } from '../helpers/strapi';

/**
 * `calls.details` is enforced by the server, not by the browser: a search answers list columns
 * only, and neither the search nor the export reads the trace column at all (its step count is
 * stored when the call is).
 */
const CALL_RECORD = 'plugin::call-history.call-record';
const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };

interface KnexQuery {
  sql: string;
}

describe('search rows: list columns only', () => {
  let app: TestApp;
  let searcher: string;

  beforeAll(async () => {
    app = await startTestApp({ CALL_HISTORY_HOST_EXTENSION: 'off' });
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'OFF' });
    // Through the batch API (knex) and through the Query Engine (lifecycles).
    const token = await createApiToken(app, 'platform');
    const batch = await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({
        data: [
          makeCall('batch-traced', {}, 4),
          makeCall('batch-ivr', { botKind: 'COMMON_IVR', accessCode: '20001' }, 3),
          makeCall('batch-no-trace'),
        ],
      })
      .expect(200);
    expect(batch.body.data.counts).toMatchObject({ stored: 3 });
    await app.strapi.db!.query(CALL_RECORD).create({ data: makeCall('qe-traced', {}, 6) });
    await createRole(app, 'Searcher', ['plugin::call-history.calls.read']);
    searcher = await createAdminUser(app, 'searcher@call-history.test', ['Searcher']);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const search = (jwt: string) =>
    app.http().post('/call-history/calls/search').send(PERIOD).set(bearer(jwt)).expect(200);

  it('gives a calls.read-only admin rows without the trace, with its step count', async () => {
    const { body } = await search(searcher);
    const byId = Object.fromEntries(
      (body.results as Array<Record<string, unknown>>).map((row) => [row.callId, row])
    );
    expect(Object.keys(byId).sort()).toEqual(
      ['batch-ivr', 'batch-no-trace', 'batch-traced', 'qe-traced'].sort()
    );
    expect(byId['batch-traced']).toMatchObject({ flowSteps: 4, flowRecorded: true });
    expect(byId['qe-traced']).toMatchObject({ flowSteps: 6, flowRecorded: true });
    // Kept without flow details (CCIVRRECORDFLAG is OFF): no count, and it says so.
    expect(byId['batch-ivr']).toMatchObject({ flowSteps: null, flowRecorded: false });
    // Flow recording was on, the platform sent no trace.
    expect(byId['batch-no-trace']).toMatchObject({ flowSteps: null, flowRecorded: true });
    for (const row of Object.values(byId) as Array<Record<string, unknown>>) {
      expect(Object.keys(row).sort()).toEqual(
        [
          'id',
          'callId',
          'callingNumber',
          'calledNumber',
          'accessCode',
          'botKind',
          'botName',
          'startTime',
          'endTime',
          'durationSeconds',
          'endReason',
          'recordingDecision',
          'flowSteps',
          'flowRecorded',
          'held',
        ].sort()
      );
    }
    // Nothing of any step, under any name.
    expect(JSON.stringify(body)).not.toMatch(/nodeName|botReply|Press 1 for billing/);
    // The trace itself stays behind calls.details.
    await app.http().get('/call-history/calls/qe-traced').set(bearer(searcher)).expect(403);
  });

  it('gives the same rows to an admin who may open details: the trace is Call Details only', async () => {
    const { body } = await search(app.admin.token);
    expect(JSON.stringify(body)).not.toContain('flowTrace');
    const details = await app
      .http()
      .get('/call-history/calls/qe-traced')
      .set(bearer(app.admin.token))
      .expect(200);
    expect(details.body.data.flowTrace).toHaveLength(6);
    expect(details.body.data.flowSteps).toBe(6);
  });

  it('never selects the trace column for a search page, its count, its stats or an export', async () => {
    const db = app.strapi.db!;
    const traceColumn = (
      db.metadata.get(CALL_RECORD).attributes.flowTrace as { columnName: string }
    ).columnName;
    const table = db.metadata.get(CALL_RECORD).tableName;
    const seen: string[] = [];
    const listener = (query: KnexQuery) => seen.push(query.sql);
    db.connection.on('query', listener);
    try {
      await search(searcher);
      await search(app.admin.token);
      await app
        .http()
        .post('/call-history/calls/search')
        .send({ ...PERIOD, callingNumber: '*8000' })
        .set(bearer(searcher))
        .expect(200);
      await app
        .http()
        .post('/call-history/calls/stats')
        .send(PERIOD)
        .set(bearer(searcher))
        .expect(200);
      // Without a number filter the stats read the rollup; with one, the calls.
      await app
        .http()
        .post('/call-history/calls/stats')
        .send({ ...PERIOD, callingNumber: '*8000' })
        .set(bearer(searcher))
        .expect(200);
      const csv = await exportRequest(app, app.admin.token, PERIOD).expect(200);
      expect(csv.body as string).toContain('qe-traced');
    } finally {
      db.connection.off('query', listener);
    }
    const onCalls = seen.filter((sql) => sql.includes(table));
    // The listener saw the plugin's statements: pages, counts, stats and export batches.
    expect(onCalls.length).toBeGreaterThanOrEqual(8);
    expect(onCalls.filter((sql) => sql.includes(traceColumn))).toEqual([]);
    expect(onCalls.filter((sql) => /select\s+\*/i.test(sql))).toEqual([]);
  });
});
