import { classifyWriteFailure } from '../../server/src/domain/write-failure';
import callRecordWrites from '../../server/src/repositories/call-record-writes';
import { onMysql, onPostgres } from '../helpers/dialect';
import {
  CALL_RECORD,
  INGEST_ACTION,
  INGEST_PATH,
  countCalls,
  createApiToken,
  makeCall,
  setFlags,
} from '../helpers/ingest';
import { bearer, startTestApp, type TestApp } from '../helpers/strapi';

describe('POST /api/call-history/calls/batch', () => {
  let app: TestApp;
  let token: string;
  const post = (body: unknown, auth: string = token) =>
    app
      .http()
      .post(INGEST_PATH)
      .set(bearer(auth))
      .send(body as object);

  beforeAll(async () => {
    app = await startTestApp();
    token = await createApiToken(app, 'call platform');
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'OFF' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('authentication', () => {
    it('refuses a request without a token with 403 (the Public role lacks the permission)', async () => {
      const before = await countCalls(app);
      const response = await app
        .http()
        .post(INGEST_PATH)
        .send({ data: [makeCall('auth-1')] });
      expect(response.status).toBe(403);
      expect(response.body.error.status).toBe(response.status);
      expect(await countCalls(app)).toBe(before);
    });

    it('refuses an invalid token with 401, storing nothing', async () => {
      const before = await countCalls(app);
      const response = await post({ data: [makeCall('auth-2')] }, 'not-a-real-token');
      expect(response.status).toBe(401);
      expect(await countCalls(app)).toBe(before);
    });

    it('refuses a custom token lacking the route permission with 403, storing nothing', async () => {
      const other = await createApiToken(app, 'reader', 'custom', [
        'plugin::users-permissions.role.find',
      ]);
      const before = await countCalls(app);
      const response = await post({ data: [makeCall('auth-3')] }, other);
      expect(response.status).toBe(403);
      expect(await countCalls(app)).toBe(before);
    });

    it('refuses a read-only token with 403', async () => {
      const readOnly = await createApiToken(app, 'read only', 'read-only');
      const response = await post({ data: [makeCall('auth-4')] }, readOnly);
      expect(response.status).toBe(403);
      expect(await countCalls(app, { callId: 'auth-4' })).toBe(0);
    });

    it('accepts a custom token holding the route permission', async () => {
      const custom = await createApiToken(app, 'ingest only', 'custom', [INGEST_ACTION]);
      const response = await post({ data: [makeCall('auth-5')] }, custom).expect(200);
      expect(response.body.data.results).toEqual([
        { callId: 'auth-5', status: 'stored', flowRecorded: true },
      ]);
      expect(await countCalls(app, { callId: 'auth-5' })).toBe(1);
    });

    it('lists the route permission in the API-token and Users & Permissions screens', async () => {
      const tokenScreen = await app
        .http()
        .get('/admin/content-api/permissions')
        .set(bearer(app.admin.token))
        .expect(200);
      expect(tokenScreen.body.data['plugin::call-history'].controllers.ingest).toEqual(['batch']);
      const usersScreen = await app
        .http()
        .get('/users-permissions/permissions')
        .set(bearer(app.admin.token))
        .expect(200);
      expect(usersScreen.body.permissions['plugin::call-history'].controllers.ingest.batch).toEqual(
        { enabled: false, policy: '' }
      );
    });
  });

  describe('the contract', () => {
    it('answers every call with its status and the counts, in order', async () => {
      await app.strapi.db?.query('plugin::call-history.chatbot').create({
        data: {
          name: 'Billing bot',
          accessCode: 'bill-1',
          historicalCallRecord: false,
          flowCallRecording: true,
        },
      });
      await app.strapi.db?.query('plugin::call-history.ivr-flow').create({
        data: {
          name: 'Main menu',
          accessCode: 'ivr-1',
          historicalCallRecord: true,
          flowCallRecording: true,
        },
      });
      await setFlags(app, { CHATRECORDFLAG: 'BOT_LEVEL' });
      const response = await post({
        data: [
          makeCall('c-robot-off', { accessCode: 'bill-1', botKind: undefined }, 3),
          makeCall('c-ivr', { accessCode: 'ivr-1', botKind: undefined }, 3),
          makeCall('c-bad', { startTime: 'yesterday' }),
          makeCall('c-unknown', { accessCode: 'nobody' }),
        ],
      }).expect(200);
      expect(response.body.data).toEqual({
        results: [
          {
            callId: 'c-robot-off',
            status: 'not_recorded',
            reason: 'robot bill-1 has historicalCallRecord off',
          },
          // CCIVRRECORDFLAG is OFF: the IVR call is kept, its flow is not.
          { callId: 'c-ivr', status: 'stored', flowRecorded: false },
          {
            callId: 'c-bad',
            status: 'invalid',
            path: 'startTime',
            reason: expect.stringContaining('startTime must be an ISO 8601 date-time'),
          },
          {
            callId: 'c-unknown',
            status: 'not_recorded',
            reason: 'CHATRECORDFLAG is BOT_LEVEL and no robot or IVR flow has access code nobody',
          },
        ],
        counts: { stored: 1, notRecorded: 2, duplicate: 0, invalid: 1 },
      });
      const stored = await app.strapi.db
        ?.query(CALL_RECORD)
        .findOne({ where: { callId: 'c-ivr' } });
      expect(stored).toMatchObject({
        botKind: 'COMMON_IVR',
        botName: 'Main menu',
        flowTrace: null,
        durationSeconds: 125,
        startTime: '2026-03-01T08:30:00.000Z',
        recordingDecision: {
          recordCall: true,
          recordFlow: false,
          reason: 'CCIVRRECORDFLAG is OFF',
        },
      });
      expect(
        await countCalls(app, { callId: { $in: ['c-robot-off', 'c-bad', 'c-unknown'] } })
      ).toBe(0);
      await setFlags(app, { CHATRECORDFLAG: 'ON' });
    });

    it('keeps the flow trace when the flags record it', async () => {
      const call = makeCall('c-trace', {}, 20);
      const response = await post({ data: [call] }).expect(200);
      expect(response.body.data.results[0]).toEqual({
        callId: 'c-trace',
        status: 'stored',
        flowRecorded: true,
      });
      const stored = await app.strapi.db
        ?.query(CALL_RECORD)
        .findOne({ where: { callId: 'c-trace' } });
      expect(stored.flowTrace).toEqual(call.flowTrace);
      expect(stored.createdAt).toEqual(expect.any(String));
      expect(stored.updatedAt).toEqual(stored.createdAt);
    });
  });

  describe('idempotency', () => {
    it('answers a re-sent batch duplicate and changes nothing', async () => {
      const batch = { data: [makeCall('idem-1', {}, 2), makeCall('idem-2')] };
      const first = await post(batch).expect(200);
      expect(first.body.data.counts).toEqual({
        stored: 2,
        notRecorded: 0,
        duplicate: 0,
        invalid: 0,
      });
      const rowBefore = await app.strapi.db
        ?.query(CALL_RECORD)
        .findOne({ where: { callId: 'idem-1' } });
      const total = await countCalls(app);

      const resent = { data: [makeCall('idem-1', { endReason: 'CHANGED' }), makeCall('idem-2')] };
      const second = await post(resent).expect(200);
      expect(second.body.data.results.map((r: { status: string }) => r.status)).toEqual([
        'duplicate',
        'duplicate',
      ]);
      expect(second.body.data.counts).toEqual({
        stored: 0,
        notRecorded: 0,
        duplicate: 2,
        invalid: 0,
      });
      expect(await countCalls(app)).toBe(total);
      const rowAfter = await app.strapi.db
        ?.query(CALL_RECORD)
        .findOne({ where: { callId: 'idem-1' } });
      expect(rowAfter).toEqual(rowBefore);
    });

    it('stores a callId sent twice in one batch once, the later copy answering duplicate', async () => {
      const response = await post({
        data: [makeCall('twice'), makeCall('twice', { endReason: 'TRANSFER' }), makeCall('once')],
      }).expect(200);
      expect(response.body.data.results).toEqual([
        { callId: 'twice', status: 'stored', flowRecorded: true },
        {
          callId: 'twice',
          status: 'duplicate',
          reason: 'callId already sent in this batch (call 0)',
        },
        { callId: 'once', status: 'stored', flowRecorded: true },
      ]);
      expect(await countCalls(app, { callId: 'twice' })).toBe(1);
      const row = await app.strapi.db?.query(CALL_RECORD).findOne({ where: { callId: 'twice' } });
      expect(row.endReason).toBe('USER_HANGUP');
    });

    it('never answers duplicate for a copy of a call that was not stored', async () => {
      // The first copy passes validation but the decision refuses it (nobody owns the access
      // code, so it must carry its botKind); the second carries it and is the one stored.
      const orphan = { accessCode: 'orphan', botKind: undefined };
      const response = await post({
        data: [
          makeCall('orphan-1', orphan),
          makeCall('orphan-1', { ...orphan, botKind: 'COMMON_IVR' }),
          makeCall('orphan-1', { ...orphan, botKind: 'COMMON_IVR', endReason: 'TRANSFER' }),
        ],
      }).expect(200);
      expect(response.body.data.results).toEqual([
        {
          callId: 'orphan-1',
          status: 'invalid',
          path: 'botKind',
          reason: 'botKind is required: no robot or IVR flow has access code orphan',
        },
        { callId: 'orphan-1', status: 'stored', flowRecorded: false },
        {
          callId: 'orphan-1',
          status: 'duplicate',
          reason: 'callId already sent in this batch (call 1)',
        },
      ]);
      expect(response.body.data.counts).toEqual({
        stored: 1,
        notRecorded: 0,
        duplicate: 1,
        invalid: 1,
      });
      const row = await app.strapi.db
        ?.query(CALL_RECORD)
        .findOne({ where: { callId: 'orphan-1' } });
      expect(row).toMatchObject({ botKind: 'COMMON_IVR', endReason: 'USER_HANGUP' });
    });

    it('answers an already stored call duplicate even when the flags would now refuse it', async () => {
      await post({ data: [makeCall('before-off')] }).expect(200);
      await setFlags(app, { CHATRECORDFLAG: 'OFF' });
      const response = await post({ data: [makeCall('before-off'), makeCall('after-off')] }).expect(
        200
      );
      expect(response.body.data.results).toEqual([
        { callId: 'before-off', status: 'duplicate', reason: expect.any(String) },
        { callId: 'after-off', status: 'not_recorded', reason: 'CHATRECORDFLAG is OFF' },
      ]);
      await setFlags(app, { CHATRECORDFLAG: 'ON' });
    });
  });

  describe('concurrency in one process', () => {
    it('stores each call once when overlapping batches arrive at the same time', async () => {
      const all = Array.from({ length: 600 }, (_, i) => `conc-${String(i).padStart(4, '0')}`);
      const windows = [0, 100, 200, 300].map((start) => all.slice(start, start + 300));
      const answers = await Promise.all(
        [...windows, ...windows.map((window) => [...window].reverse())].map((window) =>
          post({ data: window.map((callId) => makeCall(callId)) }).expect(200)
        )
      );
      const stored = answers.flatMap((answer) =>
        (answer.body.data.results as Array<{ callId: string; status: string }>)
          .filter((result) => result.status === 'stored')
          .map((result) => result.callId)
      );
      expect(stored.sort()).toEqual(all);
      expect(await countCalls(app, { callId: { $startsWith: 'conc-' } })).toBe(all.length);
    });
  });

  describe('atomicity', () => {
    const table = 'call_history_call_records';
    const knex = () => app.strapi.db!.connection;
    // A rule of the database the plugin cannot know (a CHECK or trigger the host added): the
    // database refuses a value, SQLSTATE 23514 on PostgreSQL, SQLITE_CONSTRAINT_TRIGGER on SQLite,
    // error 4025 on MariaDB (3819 on MySQL 8).
    // DDL binds no parameters: the callId, a constant of this file, is written into it.
    const refuseRow = async (callId: string) => {
      if (onPostgres || onMysql) {
        await knex().raw(
          `ALTER TABLE ?? ADD CONSTRAINT injected_failure CHECK (call_id <> '${callId}')`,
          [table]
        );
      } else {
        await knex().raw(
          `CREATE TRIGGER injected_failure BEFORE INSERT ON ?? WHEN NEW.call_id = '${callId}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
          [table]
        );
      }
    };
    const removeRefusal = async () => {
      if (onPostgres || onMysql) {
        await knex().raw('ALTER TABLE ?? DROP CONSTRAINT injected_failure', [table]);
      } else await knex().raw('DROP TRIGGER injected_failure');
    };
    // The database failing, not the data: a lock timeout (55P03) raised on PostgreSQL and (1205)
    // on MariaDB/MySQL, a read-only database on SQLite (its one connection set `query_only`).
    const failDatabase = async () => {
      if (onMysql) {
        await knex().raw(
          "CREATE TRIGGER injected_outage BEFORE INSERT ON ?? FOR EACH ROW SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = 'injected outage', MYSQL_ERRNO = 1205",
          [table]
        );
      } else if (onPostgres) {
        await knex().raw(
          `CREATE FUNCTION injected_outage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected outage' USING ERRCODE = '55P03'; END $$`
        );
        await knex().raw(
          'CREATE TRIGGER injected_outage BEFORE INSERT ON ?? FOR EACH ROW EXECUTE FUNCTION injected_outage()',
          [table]
        );
      } else {
        await knex().raw('PRAGMA query_only = ON');
      }
    };
    const restoreDatabase = async () => {
      if (onMysql) {
        await knex().raw('DROP TRIGGER injected_outage');
      } else if (onPostgres) {
        await knex().raw('DROP TRIGGER injected_outage ON ??', [table]);
        await knex().raw('DROP FUNCTION injected_outage()');
      } else {
        await knex().raw('PRAGMA query_only = OFF');
      }
    };
    const atomicBatch = (prefix: string) =>
      Array.from({ length: 1000 }, (_, i) => makeCall(`${prefix}-${String(i).padStart(4, '0')}`));

    it('stores nothing of a 1,000-call batch when the database refuses row 900, and says so', async () => {
      const calls = atomicBatch('atomic');
      const before = await countCalls(app);
      await refuseRow('atomic-0900');
      try {
        const response = await post({ data: calls });
        // Not retryable: the same batch would be refused again.
        expect(response.status).toBe(422);
        expect(response.body.data).toBeNull();
        expect(response.body.error).toMatchObject({
          status: 422,
          name: 'UnprocessableEntityError',
          message: expect.stringContaining('Nothing of this batch was written'),
          details: {
            stored: 0,
            retryable: false,
            code: onMysql
              ? expect.stringMatching(/^(4025|3819)$/)
              : onPostgres
                ? '23514'
                : 'SQLITE_CONSTRAINT_TRIGGER',
            cause: expect.stringMatching(/injected.failure/),
          },
        });
      } finally {
        await removeRefusal();
      }
      expect(await countCalls(app)).toBe(before);
      expect(await countCalls(app, { callId: { $startsWith: 'atomic-' } })).toBe(0);

      // The same batch sent again once the cause is gone is stored whole.
      const retry = await post({ data: calls });
      expect(retry.body.error).toBeUndefined();
      expect(retry.status).toBe(200);
      expect(retry.body.data.counts.stored).toBe(1000);
      expect(await countCalls(app)).toBe(before + 1000);
    });

    it('logs what the database said with its line breaks escaped and its numbers masked', async () => {
      // A refusal quoting the row: the calling number, and a line break that would forge a
      // second log line. The message goes back to the platform that sent the row, not to the log.
      if (onMysql) {
        await knex().raw(
          `CREATE TRIGGER injected_quote BEFORE INSERT ON ?? FOR EACH ROW BEGIN DECLARE refusal VARCHAR(200); IF NEW.call_id = 'quoted-0' THEN SET refusal = CONCAT('refused ', NEW.calling_number, '\nFORGED log line'); SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = refusal; END IF; END`,
          [table]
        );
      } else if (onPostgres) {
        await knex().raw(
          `CREATE FUNCTION injected_quote() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.call_id = 'quoted-0' THEN RAISE EXCEPTION 'refused %', NEW.calling_number || E'\\nFORGED log line' USING ERRCODE = '23514'; END IF; RETURN NEW; END $$`
        );
        await knex().raw(
          'CREATE TRIGGER injected_quote BEFORE INSERT ON ?? FOR EACH ROW EXECUTE FUNCTION injected_quote()',
          [table]
        );
      } else {
        await knex().raw(
          `CREATE TRIGGER injected_quote BEFORE INSERT ON ?? WHEN NEW.call_id = 'quoted-0' BEGIN SELECT RAISE(ABORT, 'refused 8613800138000\nFORGED log line'); END`,
          [table]
        );
      }
      const warn = jest.spyOn(app.strapi.log, 'warn');
      try {
        const response = await post({ data: [makeCall('quoted-0')] });
        expect(response.status).toBe(422);
        expect(response.body.error.details.cause).toContain('8613800138000');
        const logged = warn.mock.calls.map(([message]) => String(message)).join('\n');
        expect(logged).toContain('batch refused by the database: refused #############\\nFORGED');
        expect(logged).not.toContain('8613800138000');
        expect(logged).not.toMatch(/\nFORGED/);
      } finally {
        warn.mockRestore();
        if (onMysql) {
          await knex().raw('DROP TRIGGER injected_quote');
        } else if (onPostgres) {
          await knex().raw('DROP TRIGGER injected_quote ON ??', [table]);
          await knex().raw('DROP FUNCTION injected_quote()');
        } else {
          await knex().raw('DROP TRIGGER injected_quote');
        }
      }
    });

    it('answers 503, retryable, when the database itself fails, storing nothing', async () => {
      const calls = atomicBatch('outage');
      const before = await countCalls(app);
      await failDatabase();
      try {
        const response = await post({ data: calls });
        expect(response.status).toBe(503);
        expect(response.body.error).toMatchObject({
          status: 503,
          name: 'ServiceUnavailableError',
          message: expect.stringContaining('it is safe to send it again'),
          details: {
            stored: 0,
            retryable: true,
            code: onMysql ? '1205' : onPostgres ? '55P03' : 'SQLITE_READONLY',
          },
        });
      } finally {
        await restoreDatabase();
      }
      expect(await countCalls(app)).toBe(before);
      const retry = await post({ data: calls }).expect(200);
      expect(retry.body.data.counts.stored).toBe(1000);
    });

    // A MySQL server without a strict sql_mode stores a value cut, with a warning, where strict
    // mode refuses it. The batch insert refuses it either way: evidence is never stored cut.
    (onMysql ? it : it.skip)(
      'refuses a value MySQL would cut without a strict sql_mode (MariaDB/MySQL only)',
      async () => {
        const writes = callRecordWrites({ strapi: app.strapi });
        const callId = `cut-${'c'.repeat(300)}`;
        const stored = writes.transaction(async (trx) => {
          await trx.raw("SET SESSION sql_mode = ''");
          try {
            return await writes.storeNew(trx, [callId], [{ callId }]);
          } finally {
            await trx.raw('SET SESSION sql_mode = DEFAULT');
          }
        });
        const error = await stored.then(
          () => null,
          (failure: unknown) => failure
        );
        expect(error).toMatchObject({ errno: 1265, message: expect.stringContaining('call_id') });
        expect(classifyWriteFailure(error)).toBe('refused');
        expect(await countCalls(app, { callId: { $startsWith: 'cut-' } })).toBe(0);
      }
    );
  });
});
