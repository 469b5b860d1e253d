import {
  createTestDatabase,
  serverSql,
  type ServerSql,
  type TestDatabase,
} from '../helpers/database';
import { describeOnServer, onMysql } from '../helpers/dialect';
import { INGEST_PATH, makeCall } from '../helpers/ingest';
import {
  requestJson,
  startNode,
  stopNode,
  type StrapiProcess as Node,
} from '../helpers/strapi-process';

interface Result {
  callId: string;
  status: string;
  reason?: string;
}

/** The parts of Strapi's answers this test reads. */
interface Answer {
  data: { token: string; accessKey: string; results: Result[] };
}

const request = (
  node: Node,
  method: string,
  url: string,
  auth: string | null,
  body?: unknown
): Promise<Answer> => requestJson<Answer>(node, method, url, auth, body);

const ids = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `${prefix}-${String(from + i).padStart(5, '0')}`);

/** The 15-minute UTC bucket of a start time, as the rollup keys it. */
const BUCKET = onMysql
  ? "CAST(DATE_ADD('1970-01-01', INTERVAL FLOOR(TIMESTAMPDIFF(SECOND, '1970-01-01', start_time) / 900) * 900 SECOND) AS DATETIME)"
  : "date_trunc('hour', start_time) + floor(extract(minute from start_time) / 15) * interval '15 minutes'";
/** The one-hour UTC bucket, as the rollup's hour level keys it. */
const HOUR = onMysql
  ? "CAST(DATE_ADD('1970-01-01', INTERVAL FLOOR(TIMESTAMPDIFF(SECOND, '1970-01-01', start_time) / 3600) * 3600 SECOND) AS DATETIME)"
  : "date_trunc('hour', start_time)";

describeOnServer(
  'two Strapi processes on one database server (PostgreSQL or MariaDB/MySQL: skipped on SQLite)',
  () => {
    let database: TestDatabase;
    let a: Node | undefined;
    let b: Node | undefined;
    let admin: string;
    let token: string;
    let sql: ServerSql;

    beforeAll(async () => {
      database = await createTestDatabase();
      // One after the other: the first boot creates the schema.
      a = await startNode(database.env);
      b = await startNode(database.env);
      const registered = await request(a, 'POST', '/admin/register-admin', null, {
        email: 'nodes@call-history.test',
        password: 'Nodes-Pass-1234',
        firstname: 'Node',
        lastname: 'Admin',
      });
      admin = registered.data.token;
      token = (
        await request(a, 'POST', '/admin/api-tokens', admin, {
          name: 'call platform',
          type: 'full-access',
          lifespan: null,
          description: '',
        })
      ).data.accessKey;
      await request(b, 'PUT', '/call-history/settings', admin, {
        CHATRECORDFLAG: 'ON',
        FLOWRECORDFLAG: 'ON',
        CCIVRRECORDFLAG: 'ON',
      });
      sql = await serverSql(database.env.DATABASE_NAME);
    }, 120_000);

    afterAll(async () => {
      await sql?.end();
      await Promise.all([stopNode(a), stopNode(b)]);
      await database?.drop();
    });

    const ingest = async (node: Node, callIds: string[]): Promise<Result[]> =>
      (
        await request(node, 'POST', INGEST_PATH, token, {
          data: callIds.map((id) => makeCall(id, {}, 2)),
        })
      ).data.results;

    const storedRows = (prefix: string) =>
      sql.rows<{ call_id: string; copies: string }>(
        'SELECT call_id, COUNT(*) AS copies FROM call_history_call_records WHERE call_id LIKE ? GROUP BY call_id',
        [`${prefix}-%`]
      );

    it('stores every call exactly once under concurrent, overlapping batches to both nodes', async () => {
      // 1,200 calls in windows of 300 overlapping by half, each window sent to both nodes at
      // once (in opposite orders): every call is offered four times, concurrently.
      const all = ids('p', 0, 1200);
      const windows = Array.from({ length: 7 }, (_, w) => all.slice(w * 150, w * 150 + 300));
      const answers = await Promise.all(
        windows.flatMap((window) => [ingest(a!, window), ingest(b!, [...window].reverse())])
      );
      const results = answers.flat();
      expect(results.every((r) => r.status === 'stored' || r.status === 'duplicate')).toBe(true);

      const acknowledged = results.filter((r) => r.status === 'stored').map((r) => r.callId);
      // Exactly one request acknowledged each call as stored...
      expect(acknowledged.length).toBe(all.length);
      expect(new Set(acknowledged).size).toBe(all.length);
      // ...and the database holds each exactly once, none missing.
      const rows = await storedRows('p');
      expect(rows.length).toBe(all.length);
      expect(rows.filter((row) => Number(row.copies) !== 1)).toEqual([]);
      expect(new Set(rows.map((row) => row.call_id))).toEqual(new Set(acknowledged));
      // The statistics rollup's upserts add under the same contention (every call is in one
      // bucket), at both levels: their counts equal a GROUP BY over the calls.
      const grouped = (statement: string) =>
        sql
          .rows<{ bucket: Date; code: string; kind: string; calls: string }>(statement)
          .then((found) =>
            found
              .map((row) => `${row.bucket.toISOString()} ${row.code} ${row.kind} ${row.calls}`)
              .sort()
          );
      for (const [table, bucket] of [
        ['call_history_call_rollup', BUCKET],
        ['call_history_call_rollup_hour', HOUR],
      ]) {
        expect(
          await grouped(
            `SELECT bucket_start AS bucket, access_code AS code, bot_kind AS kind, calls FROM ${table}`
          )
        ).toEqual(
          await grouped(
            `SELECT ${bucket} AS bucket, access_code AS code, COALESCE(bot_kind, '') AS kind, COUNT(*) AS calls FROM call_history_call_records GROUP BY 1, 2, 3`
          )
        );
      }
    });

    it('follows a flag changed on the other node for every batch sent after the change', async () => {
      const batches: Array<{ afterChange: boolean; callIds: string[]; results: Result[] }> = [];
      let changed = false;
      let sentAfterChange = 0;
      // Node B ingests a stream of new calls; node A re-sends stored calls concurrently and,
      // mid-stream, turns CHATRECORDFLAG off.
      const stream = (async () => {
        for (let k = 0; sentAfterChange < 4 && k < 60; k += 1) {
          const afterChange = changed;
          const callIds = ids(`q${k}`, 0, 100);
          batches.push({ afterChange, callIds, results: await ingest(b!, callIds) });
          if (afterChange) sentAfterChange += 1;
        }
      })();
      const other = (async () => {
        while (batches.length < 3) await ingest(a!, ids('p', 0, 100));
        await request(a!, 'PUT', '/call-history/settings', admin, { CHATRECORDFLAG: 'OFF' });
        changed = true;
        await ingest(a!, ids('p', 100, 200));
      })();
      await Promise.all([stream, other]);

      const before = batches.filter((batch) => !batch.afterChange);
      const after = batches.filter((batch) => batch.afterChange);
      expect(before.length).toBeGreaterThanOrEqual(3);
      expect(after.length).toBe(4);
      for (const batch of after) {
        expect(batch.results.map((r) => `${r.status}: ${r.reason}`)).toEqual(
          batch.callIds.map(() => 'not_recorded: CHATRECORDFLAG is OFF')
        );
      }
      // Batches acknowledged before the change were stored; nothing refused was stored.
      for (const batch of before.slice(0, 3)) {
        expect(batch.results.every((r) => r.status === 'stored')).toBe(true);
      }
      const acknowledged = batches.flatMap((batch) =>
        batch.results.filter((r) => r.status === 'stored').map((r) => r.callId)
      );
      const rows = (
        await sql.rows<{ call_id: string }>(
          "SELECT call_id FROM call_history_call_records WHERE call_id LIKE 'q%'"
        )
      ).map((row) => row.call_id);
      expect(new Set(rows)).toEqual(new Set(acknowledged));
      expect(rows.length).toBe(acknowledged.length);
    });
  }
);
