import { CALL_RECORD, createApiToken, makeCall, setFlags } from '../helpers/ingest';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * A host app that also runs Strapi's GraphQL plugin: its shadow CRUD would give every content
 * type a query, and a read-only API token may run them all. None of the plugin's types is there.
 */
describe("a host app with Strapi's GraphQL plugin", () => {
  let app: TestApp;
  let token: string;

  const graphql = (query: string) =>
    app
      .http()
      .post('/graphql')
      .set({ Authorization: `Bearer ${token}` })
      .send({ query });

  beforeAll(async () => {
    app = await startTestApp({ HOST_GRAPHQL: 'true' });
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
    await app.strapi.db!.query(CALL_RECORD).create({ data: makeCall('graphql-1', {}, 2) });
    token = await createApiToken(app, 'front-end', 'read-only');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('has no query, mutation or type for any of the plugin types', async () => {
    const response = await graphql(
      '{ __schema { queryType { fields { name } } mutationType { fields { name } } types { name } } }'
    ).expect(200);
    const schema = response.body.data.__schema as {
      queryType: { fields: Array<{ name: string }> };
      mutationType: { fields: Array<{ name: string }> };
      types: Array<{ name: string }>;
    };
    const names = [...schema.queryType.fields, ...schema.mutationType.fields, ...schema.types].map(
      (field) => field.name
    );
    // The schema is real: the host's own types are there.
    expect(names).toContain('usersPermissionsUsers');
    expect(names.filter((name) => /callHistory|CallHistory/.test(name))).toEqual([]);
  });

  it('answers a query for call records with an error, not the calls', async () => {
    const response = await graphql(
      '{ callHistoryCallRecords { data { attributes { callingNumber flowTrace } } } }'
    );
    expect(response.body.errors?.[0]?.message).toMatch(/Cannot query field/);
    expect(JSON.stringify(response.body)).not.toContain('8613800138000');
  });
});
