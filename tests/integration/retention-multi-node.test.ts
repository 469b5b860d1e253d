import {
  createTestDatabase,
  serverSql,
  type ServerSql,
  type TestDatabase,
} from '../helpers/database';
import { describeOnServer } from '../helpers/dialect';
import { INGEST_PATH, makeCall } from '../helpers/ingest';
import {
  registerAdmin,
  requestJson,
  startNode,
  stopNode,
  type StrapiProcess,
} from '../helpers/strapi-process';

const EXPIRED = 600;
const KEPT = 40;
const DAY = 24 * 60 * 60 * 1000;

const callAgo = (callId: string, days: number) => {
  const start = new Date(Date.now() - days * DAY);
  return makeCall(callId, {
    startTime: start.toISOString(),
    endTime: new Date(start.getTime() + 60_000).toISOString(),
  });
};

/**
 * Two Strapi processes on one PostgreSQL or MariaDB/MySQL database, both with the purge job
 * firing every second in small batches: their runs overlap, yet each expired call is deleted,
 * and counted, once.
 */
describeOnServer(
  'the retention purge on two Strapi processes on one database server (PostgreSQL or MariaDB/MySQL: skipped on SQLite)',
  () => {
    let database: TestDatabase;
    let a: StrapiProcess | undefined;
    let b: StrapiProcess | undefined;
    let sql: ServerSql;

    beforeAll(async () => {
      database = await createTestDatabase();
      const env = {
        ...database.env,
        CALL_HISTORY_PURGE_CRON: '* * * * * *',
        CALL_HISTORY_PURGE_BATCH_SIZE: '25',
      };
      // One after the other: the first boot creates the schema.
      a = await startNode(env);
      b = await startNode(env);
      sql = await serverSql(database.env.DATABASE_NAME);
      const { admin, apiToken: token } = await registerAdmin(a);
      await requestJson(b, 'PUT', '/call-history/settings', admin, { CHATRECORDFLAG: 'ON' });
      const calls = [
        ...Array.from({ length: EXPIRED }, (_, i) => callAgo(`expired-${i}`, 40 + (i % 20))),
        ...Array.from({ length: KEPT }, (_, i) => callAgo(`kept-${i}`, 1 + (i % 20))),
      ];
      for (let start = 0; start < calls.length; start += 200) {
        await requestJson(start % 400 ? a! : b!, 'POST', INGEST_PATH, token, {
          data: calls.slice(start, start + 200),
        });
      }
      // From now on both nodes' jobs find expired calls.
      await requestJson(a, 'PUT', '/call-history/settings', admin, { retentionDays: 30 });
    }, 180_000);

    afterAll(async () => {
      await sql?.end();
      await Promise.all([stopNode(a), stopNode(b)]);
      await database?.drop();
    });

    it('deletes each expired call exactly once, and no other', async () => {
      const count = async () =>
        Number(
          (await sql.rows<{ n: string }>('SELECT count(*) AS n FROM call_history_call_records'))[0]
            .n
        );
      const deadline = Date.now() + 60_000;
      while ((await count()) > KEPT && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      // A run still going finishes its audit entry before the next second's runs start.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const left = await sql.rows<{ call_id: string }>(
        'SELECT call_id FROM call_history_call_records ORDER BY call_id'
      );
      expect(left.map((row) => row.call_id)).toEqual(
        Array.from({ length: KEPT }, (_, i) => `kept-${i}`).sort()
      );
      const entries = await sql.rows<{ changes: { deleted: number } | string }>(
        "SELECT changes FROM call_history_setting_changes WHERE action = 'calls.purge'"
      );
      // Each run that deleted wrote one entry: their counts add up to the expired calls, so
      // no call was counted (deleted) twice, whichever node ran. MariaDB's json is text.
      const total = entries
        .map(({ changes }) => (typeof changes === 'string' ? JSON.parse(changes) : changes))
        .reduce((sum, changes: { deleted: number }) => sum + changes.deleted, 0);
      expect(total).toBe(EXPIRED);
    }, 90_000);
  }
);
