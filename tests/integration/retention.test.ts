import { createHmac } from 'crypto';

import type { Knex } from 'knex';

import { PURGE_JOB, UID } from '../../server/src/constants';
import {
  releaseMysqlLock,
  takeMysqlLock,
  withPooledConnection,
} from '../../server/src/database/session-lock';
import { numberHash } from '../../server/src/domain/number-hash';
import { PURGE_LOCK_KEY, PURGE_LOCK_NAME } from '../../server/src/services/retention';
import { getService, signingSecret } from '../../server/src/utils/strapi';
import type { PurgeResult, RetentionPreviewRow } from '../../shared/contracts/retention';
import { describeOnServer, onMysql } from '../helpers/dialect';
import { INGEST_PATH, createApiToken, makeCall } from '../helpers/ingest';
import { bearer, createAdminUser, startTestApp, type TestApp } from '../helpers/strapi';

const DAY = 24 * 60 * 60 * 1000;
const BATCH = 2;
const CRON = '0 15 4 * * *';

const ROBOT = '20001'; // override: 30 days
const IVR = '20002'; // no override: the tenant's 90 days
const UNKNOWN = '29999'; // no bot owns it: the tenant's 90 days

/** A call started `days` ago (a little more, so that the cutoff never falls on it). */
const callAgo = (callId: string, accessCode: string, days: number, extra: object = {}) => {
  const start = new Date(Date.now() - days * DAY - 60_000);
  return makeCall(callId, {
    accessCode,
    botKind: accessCode === IVR ? 'COMMON_IVR' : 'INTELLIGENT_ROBOT',
    startTime: start.toISOString(),
    endTime: new Date(start.getTime() + 60_000).toISOString(),
    ...extra,
  });
};

describe('retention: settings, dry run, purge, cron; erasure by number', () => {
  let app: TestApp;
  let ingestToken: string;
  let agentToken: string;

  const admin = () => bearer(app.admin.token);
  const knex = () => app.strapi.db!.connection;
  const callTable = () => app.strapi.db!.metadata.get(UID.callRecord).tableName;
  const column = (attribute: string) =>
    (
      app.strapi.db!.metadata.get(UID.callRecord).attributes[attribute] as {
        columnName?: string;
      }
    ).columnName ?? attribute;

  const ingest = async (calls: object[]) =>
    app.http().post(INGEST_PATH).set(bearer(ingestToken)).send({ data: calls }).expect(200);
  const hold = (callId: string) =>
    knex()(callTable())
      .where(column('callId'), callId)
      .update({ [column('heldAt')]: new Date(), [column('holdReason')]: 'court order' });
  const storedCallIds = async () =>
    (
      (await knex()(callTable()).select({ callId: column('callId') })) as Array<{
        callId: string;
      }>
    )
      .map((row) => row.callId)
      .sort();
  const auditEntries = (action: string) =>
    app.strapi.db!.query(UID.auditEntry).findMany({ where: { action }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    app = await startTestApp({
      CALL_HISTORY_PURGE_BATCH_SIZE: String(BATCH),
      CALL_HISTORY_PURGE_CRON: CRON,
    });
    ingestToken = await createApiToken(app, 'call platform');
    agentToken = await createAdminUser(app, 'agent@call-history.test', ['Agent']);
    await app
      .http()
      .put('/call-history/settings')
      .set(admin())
      .send({ CHATRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' })
      .expect(200);
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('settings and overrides', () => {
    it.each([0, 36_501, 1.5, '30', -3])(
      'refuses retentionDays %j with a 400 naming it',
      async (value) => {
        const response = await app
          .http()
          .put('/call-history/settings')
          .set(admin())
          .send({ retentionDays: value })
          .expect(400);
        expect(response.body.error.details.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ path: ['retentionDays'] })])
        );
      }
    );

    it('keeps calls forever by default, stores a period and audits it like the flags', async () => {
      const before = await app.http().get('/call-history/settings').set(admin()).expect(200);
      expect(before.body.data.retentionDays).toBeNull();
      const response = await app
        .http()
        .put('/call-history/settings')
        .set(admin())
        .send({ retentionDays: 90 })
        .expect(200);
      expect(response.body.data).toMatchObject({ CHATRECORDFLAG: 'ON', retentionDays: 90 });
      const history = await app.http().get('/call-history/settings/history').set(admin());
      expect(history.body.data[0].changes).toEqual({ retentionDays: { from: null, to: 90 } });
    });

    it('refuses a bad override on every write path, naming retentionDays', async () => {
      const response = await app
        .http()
        .post('/call-history/bots')
        .set(admin())
        .send({ kind: 'INTELLIGENT_ROBOT', name: 'Bad', accessCode: '20009', retentionDays: 0 })
        .expect(400);
      expect(response.body.error.details.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: ['retentionDays'] })])
      );
      await expect(
        app.strapi.db!.query(UID.chatbot).create({
          data: { name: 'Bad', accessCode: '20009', retentionDays: 40_000 },
        })
      ).rejects.toThrow(/retentionDays/);
    });

    it('stores an override, answers it and audits its change', async () => {
      const created = await app
        .http()
        .post('/call-history/bots')
        .set(admin())
        .send({ kind: 'INTELLIGENT_ROBOT', name: 'Billing robot', accessCode: ROBOT })
        .expect(201);
      expect(created.body.data.retentionDays).toBeNull();
      const updated = await app
        .http()
        .put(`/call-history/bots/INTELLIGENT_ROBOT/${created.body.data.id}`)
        .set(admin())
        .send({ retentionDays: 30 })
        .expect(200);
      expect(updated.body.data.retentionDays).toBe(30);
      const [entry] = (await auditEntries('bot.update')).slice(-1) as Array<{ changes: object }>;
      expect(entry.changes).toEqual({ retentionDays: { from: null, to: 30 } });
      await app
        .http()
        .post('/call-history/bots')
        .set(admin())
        .send({ kind: 'COMMON_IVR', name: 'Main IVR', accessCode: IVR })
        .expect(201);
      const bots = await app.http().get('/call-history/bots').set(admin()).expect(200);
      expect(
        (bots.body.data as Array<{ accessCode: string; retentionDays: number | null }>).map(
          ({ accessCode, retentionDays }) => ({ accessCode, retentionDays })
        )
      ).toEqual(
        expect.arrayContaining([
          { accessCode: ROBOT, retentionDays: 30 },
          { accessCode: IVR, retentionDays: null },
        ])
      );
    });
  });

  describe('dry run and purge', () => {
    beforeAll(async () => {
      await ingest([
        ...[40, 39, 38, 37, 31].map((days, i) => callAgo(`robot-old-${i}`, ROBOT, days)),
        callAgo('robot-held', ROBOT, 35),
        callAgo('robot-new', ROBOT, 20),
        callAgo('ivr-old-1', IVR, 100),
        callAgo('ivr-old-2', IVR, 95),
        callAgo('ivr-new', IVR, 60),
        callAgo('unknown-old', UNKNOWN, 91),
        callAgo('unknown-new', UNKNOWN, 10),
      ]);
      await hold('robot-held');
    });

    const rowOf = (rows: RetentionPreviewRow[], accessCode: string | null) =>
      rows.find((row) => (row.bot?.accessCode ?? null) === accessCode)!;

    it('counts per bot what the next run deletes, and the oldest start kept', async () => {
      const response = await app
        .http()
        .get('/call-history/retention/preview')
        .set(bearer(agentToken))
        .expect(200);
      const { rows, tenantRetentionDays } = response.body.data as {
        rows: RetentionPreviewRow[];
        tenantRetentionDays: number;
      };
      expect(tenantRetentionDays).toBe(90);
      expect(rows.map((row) => row.bot?.name ?? null)).toEqual(['Billing robot', 'Main IVR', null]);
      const robot = rowOf(rows, ROBOT);
      expect(robot).toMatchObject({
        retentionDays: 30,
        source: 'bot',
        expiring: 5,
        held: 1,
        capped: false,
      });
      // The held call is the oldest the run keeps.
      expect(Date.now() - new Date(robot.oldestKept!).getTime()).toBeGreaterThan(35 * DAY);
      expect(rowOf(rows, IVR)).toMatchObject({ retentionDays: 90, source: 'tenant', expiring: 2 });
      const unknown = rowOf(rows, null);
      expect(unknown).toMatchObject({ retentionDays: 90, source: 'tenant', expiring: 1 });
      expect(Date.now() - new Date(unknown.oldestKept!).getTime()).toBeLessThan(11 * DAY);
    });

    it('answers the dry run behind settings.read only', async () => {
      const outsider = await createAdminUser(app, 'none@call-history.test', []).catch(() => null);
      if (outsider) {
        await app.http().get('/call-history/retention/preview').set(bearer(outsider)).expect(403);
      }
      await app.http().get('/call-history/retention/preview').expect(401);
    });

    it('deletes exactly the expired calls per bot in batches, keeps the held one, audits once and emits once', async () => {
      const events: PurgeResult[] = [];
      const listener = async (payload: PurgeResult) => {
        events.push(payload);
      };
      app.strapi.eventHub.on('call-history.calls.purged', listener);
      let result: PurgeResult;
      try {
        result = await getService(app.strapi, 'retention').purge();
        await new Promise((resolve) => setImmediate(resolve));
      } finally {
        app.strapi.eventHub.off('call-history.calls.purged', listener);
      }
      expect(result.deleted).toBe(8);
      expect(result.skippedHeld).toBe(1);
      // 5 robot calls in batches of 2 (2, 2, 1), 2 IVR calls (2, then an empty probe), 1 unknown.
      expect(result.batches).toBe(5);
      expect(
        result.perBot.map(({ bot, retentionDays, deleted }) => [
          bot?.accessCode ?? null,
          retentionDays,
          deleted,
        ])
      ).toEqual([
        [ROBOT, 30, 5],
        [IVR, 90, 2],
        [null, 90, 1],
      ]);
      expect(await storedCallIds()).toEqual(['ivr-new', 'robot-held', 'robot-new', 'unknown-new']);

      const entries = (await auditEntries('calls.purge')) as Array<{
        changes: { deleted: number; perBot: unknown[] };
        userId: number | null;
      }>;
      expect(entries).toHaveLength(1);
      expect(entries[0].changes.deleted).toBe(8);
      expect(entries[0].changes.perBot).toEqual(result.perBot);
      expect(entries[0].userId).toBeNull();
      expect(events).toEqual([result]);
    });

    it('deletes nothing and audits nothing when nothing has expired', async () => {
      const result = await getService(app.strapi, 'retention').purge();
      expect(result).toMatchObject({ deleted: 0, perBot: [], skippedHeld: 1 });
      expect(await auditEntries('calls.purge')).toHaveLength(1);
    });

    it('runs one purge at a time in a process: a second call meanwhile is skipped', async () => {
      const retention = getService(app.strapi, 'retention');
      const [first, second] = await Promise.all([retention.purge(), retention.purge()]);
      expect(first.skipped).toBeUndefined();
      expect(second.skipped).toBe('another-node-is-purging');
    });
  });

  describe('the cron job', () => {
    it('is registered under the plugin name with the configured rule, and its task purges', async () => {
      const jobs = (
        app.strapi.cron as unknown as {
          jobs: Array<{ name: string | null; options: unknown; job: { invoke(): unknown } }>;
        }
      ).jobs.filter((job) => job.name === PURGE_JOB);
      expect(jobs).toHaveLength(1);
      expect(jobs[0].options).toEqual({ rule: CRON });

      await ingest([callAgo('cron-old', UNKNOWN, 200)]);
      await jobs[0].job.invoke();
      expect(await storedCallIds()).not.toContain('cron-old');
      expect(await auditEntries('calls.purge')).toHaveLength(2);
    });
  });

  describe('erasure by number', () => {
    const NUMBER = '8613912345678';
    // The same caller as the platform sometimes sends it: an erasure matches both forms.
    const PLUS = `+${NUMBER}`;

    beforeAll(async () => {
      await ingest([
        ...[1, 2, 3, 4].map((days) =>
          callAgo(`erase-${days}`, ROBOT, days, { callingNumber: NUMBER })
        ),
        ...[5, 6].map((days) => callAgo(`erase-${days}`, IVR, days, { callingNumber: PLUS })),
        callAgo('erase-held', IVR, 2, { callingNumber: NUMBER }),
        callAgo('erase-held-plus', ROBOT, 3, { callingNumber: PLUS }),
        callAgo('erase-other', ROBOT, 1, { callingNumber: '8613912345679' }),
        // The number as a called number is the contact center's own line: never matched.
        callAgo('erase-called', ROBOT, 1, { callingNumber: '8613912345670', calledNumber: NUMBER }),
      ]);
      await hold('erase-held');
      await hold('erase-held-plus');
    });

    it('is behind calls.erase, which the Agent role lacks', async () => {
      await app
        .http()
        .post('/call-history/calls/erase/preview')
        .set(bearer(agentToken))
        .send({ callingNumber: NUMBER })
        .expect(403);
      await app
        .http()
        .post('/call-history/calls/erase')
        .set(bearer(agentToken))
        .send({ callingNumber: NUMBER, reason: 'request' })
        .expect(403);
    });

    it.each([
      [{}, 'callingNumber'],
      [{ callingNumber: '*5678' }, 'callingNumber'],
      [{ callingNumber: '86139*' }, 'callingNumber'],
    ])('refuses the preview of %j, naming %s', async (body, field) => {
      const response = await app
        .http()
        .post('/call-history/calls/erase/preview')
        .set(admin())
        .send(body)
        .expect(400);
      expect(response.body.error.details.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: [field] })])
      );
    });

    it.each([NUMBER, PLUS])(
      'counts the calls of both forms when asked for %j, the held ones apart',
      async (callingNumber) => {
        const response = await app
          .http()
          .post('/call-history/calls/erase/preview')
          .set(admin())
          .send({ callingNumber })
          .expect(200);
        expect(response.body.data).toEqual({ matching: 6, held: 2 });
      }
    );

    it('refuses an erasure without a reason', async () => {
      const response = await app
        .http()
        .post('/call-history/calls/erase')
        .set(admin())
        .send({ callingNumber: NUMBER, reason: '  ' })
        .expect(400);
      expect(response.body.error.details.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: ['reason'] })])
      );
      expect((await storedCallIds()).filter((id) => id.startsWith('erase-'))).toHaveLength(10);
    });

    it('erases every call of both forms not held, in batches, and audits a keyed hash, never the number', async () => {
      const response = await app
        .http()
        .post('/call-history/calls/erase')
        .set(admin())
        .send({ callingNumber: PLUS, reason: 'data-subject request #42' })
        .expect(200);
      expect(response.body.data).toEqual({ erased: 6, held: 2 });

      const left = (await knex()(callTable())
        .select({ callId: column('callId') })
        .whereIn(column('callingNumber'), [NUMBER, PLUS])
        .orderBy(column('callId'))) as Array<{ callId: string }>;
      expect(left.map((row) => row.callId)).toEqual(['erase-held', 'erase-held-plus']);
      expect(await storedCallIds()).toEqual(
        expect.arrayContaining(['erase-other', 'erase-called'])
      );

      const [entry] = (await auditEntries('calls.erase')) as Array<{
        subject: { numberHash: string };
        changes: { erased: number; held: number; batches: number };
        reason: string;
        userEmail: string;
      }>;
      // One hash per caller: the request named the + form, the hash is of the digits alone.
      const key = signingSecret(app.strapi, 'erasure');
      expect(entry.subject.numberHash).toBe(createHmac('sha256', key).update(NUMBER).digest('hex'));
      expect(entry.subject.numberHash).toBe(numberHash(PLUS, key));
      expect(entry.changes).toMatchObject({ erased: 6, held: 2, batches: 3 });
      expect(entry.reason).toBe('data-subject request #42');
      expect(entry.userEmail).toBe(app.admin.email);

      // No number anywhere in the trail, in whatever form the database keeps the JSON.
      const auditTable = app.strapi.db!.metadata.get(UID.auditEntry).tableName;
      const text = JSON.stringify(await knex()(auditTable).select('*'));
      expect(text).not.toContain(NUMBER);
      expect(text).not.toContain(NUMBER.slice(-8));
    });
  });
});

/**
 * On a database server several nodes purge one database: the purge takes PostgreSQL's advisory
 * lock or MySQL/MariaDB's named lock, here held by another session.
 */
describeOnServer('retention on a database server: the purge lock', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ CALL_HISTORY_PURGE_CRON: 'false' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const takeLock = async (knex: Knex, connection: unknown) => {
    if (onMysql) return takeMysqlLock(knex, connection, PURGE_LOCK_NAME, 0);
    await knex.raw('SELECT pg_advisory_lock(?)', [PURGE_LOCK_KEY]).connection(connection);
    return true;
  };
  const releaseLock = async (knex: Knex, connection: unknown) => {
    if (onMysql) await releaseMysqlLock(knex, connection, PURGE_LOCK_NAME);
    else await knex.raw('SELECT pg_advisory_unlock(?)', [PURGE_LOCK_KEY]).connection(connection);
  };

  it('skips the run while another session holds the purge lock, and waits for none', async () => {
    const knex = app.strapi.db!.connection;
    await withPooledConnection(knex, async (other) => {
      expect(await takeLock(knex, other)).toBe(true);
      const started = Date.now();
      const skipped = await getService(app.strapi, 'retention').purge();
      expect(skipped.skipped).toBe('another-node-is-purging');
      expect(Date.now() - started).toBeLessThan(5000);
      await releaseLock(knex, other);
      expect((await getService(app.strapi, 'retention').purge()).skipped).toBeUndefined();
      // Released after the run: another session takes it at once.
      expect(await takeLock(knex, other)).toBe(true);
      await releaseLock(knex, other);
    });
  });
});
