import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { describeOnPostgres } from '../helpers/dialect';
import { INGEST_PATH, makeCall } from '../helpers/ingest';
import { requestJson, startNode, stopNode, type StrapiProcess } from '../helpers/strapi-process';

interface Answer {
  data: { token: string; accessKey: string; url: string };
}

const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };

/**
 * A download link issued by one node and downloaded through another, as behind a load balancer:
 * the ticket lives in the database, and exactly one download, on any node, gets it.
 */
describeOnPostgres(
  'export links across two Strapi processes on one PostgreSQL database (PostgreSQL only: skipped on SQLite)',
  () => {
    let database: TestDatabase;
    let a: StrapiProcess | undefined;
    let b: StrapiProcess | undefined;
    let admin: string;

    const ticket = async (node: StrapiProcess) =>
      (
        await requestJson<Answer>(node, 'POST', '/call-history/calls/export/ticket', admin, {
          ...PERIOD,
          callingNumber: '*8000',
        })
      ).data.url;
    const download = async (node: StrapiProcess, url: string) => {
      const response = await fetch(node.base + url);
      return { status: response.status, text: await response.text() };
    };

    beforeAll(async () => {
      database = await createTestDatabase();
      // One after the other: the first boot creates the schema.
      a = await startNode(database.env);
      b = await startNode(database.env);
      admin = (
        await requestJson<Answer>(a, 'POST', '/admin/register-admin', null, {
          email: 'nodes@call-history.test',
          password: 'Nodes-Pass-1234',
          firstname: 'Node',
          lastname: 'Admin',
        })
      ).data.token;
      const token = (
        await requestJson<Answer>(a, 'POST', '/admin/api-tokens', admin, {
          name: 'call platform',
          type: 'full-access',
          lifespan: null,
          description: '',
        })
      ).data.accessKey;
      await requestJson(b, 'PUT', '/call-history/settings', admin, { CHATRECORDFLAG: 'ON' });
      await requestJson(b, 'POST', INGEST_PATH, token, { data: [makeCall('node-call-1')] });
    }, 120_000);

    afterAll(async () => {
      await Promise.all([stopNode(a), stopNode(b)]);
      await database?.drop();
    });

    it('downloads on one node a link the other issued, once', async () => {
      const url = await ticket(a!);
      const first = await download(b!, url);
      expect(first.status).toBe(200);
      expect(first.text).toContain('node-call-1');
      expect((await download(a!, url)).status).toBe(403);
      expect((await download(b!, url)).status).toBe(403);
    });

    it('lets one of simultaneous downloads on both nodes through', async () => {
      for (let round = 0; round < 5; round += 1) {
        const url = await ticket(round % 2 ? a! : b!);
        const statuses = (
          await Promise.all([download(a!, url), download(b!, url), download(a!, url)])
        ).map((answer) => answer.status);
        expect(statuses.sort()).toEqual([200, 403, 403]);
      }
    });
  }
);
