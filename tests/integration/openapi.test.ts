import type { Response } from 'supertest';

import { PERMISSIONS } from '../../server/src/constants';
import { exportRequest } from '../helpers/export';
import { createStandardBots } from '../helpers/fixtures';
import { INGEST_PATH, createApiToken, makeCall } from '../helpers/ingest';
import {
  answersCsv,
  dereferencedOpenApi,
  documentedOperations,
  readOpenApi,
  responseSchema,
  routeKey,
  schemaChecker,
  toRoutePath,
  type Operation,
  type OpenApiDocument,
} from '../helpers/openapi';
import { asText, bearer, startTestApp, type TestApp } from '../helpers/strapi';

/**
 * docs/openapi.yaml against the plugin as Strapi runs it: the same routes, the same
 * permissions, and answers its schemas accept. A route, an action or an answer field changed
 * without the document fails here.
 */

interface PolicyEntry {
  name?: string;
  config?: { actions?: string[] };
}

interface RouteDefinition {
  method: string;
  path: string;
  config?: { auth?: false | { scope?: string[] }; policies?: Array<string | PolicyEntry> };
}

type PluginRoutes = Record<'admin' | 'content-api', { routes: RouteDefinition[] }>;

const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
const ADMIN_PREFIX = '/call-history';
const CONTENT_PREFIX = '/api/call-history';

describe('docs/openapi.yaml against the running plugin', () => {
  let app: TestApp;
  let apiToken: string;
  let document: OpenApiDocument;
  const written = readOpenApi();

  const admin = () => bearer(app.admin.token);
  const pluginRoutes = () => app.strapi.plugin('call-history').routes as unknown as PluginRoutes;
  const operation = (id: string): Operation => {
    const found = documentedOperations(document).find(
      (entry) => entry.operation.operationId === id
    );
    if (!found) throw new Error(`no operation ${id} in docs/openapi.yaml`);
    return found.operation;
  };

  const ingest = (body: unknown) =>
    app
      .http()
      .post(INGEST_PATH)
      .set(bearer(apiToken))
      .send(body as object);
  const createBot = (accessCode: string) =>
    app
      .http()
      .post(`${ADMIN_PREFIX}/bots`)
      .set(admin())
      .send({ kind: 'COMMON_IVR', name: `IVR ${accessCode}`, accessCode });
  /**
   * What makes an answer worth checking: every kind of row the schema describes is in it (an
   * empty list would pass any schema).
   */
  const substance: Record<string, (body: Record<string, unknown>) => void> = {
    getSettingsHistory: (body) => expect(body.data).not.toEqual([]),
    getAuditTrail: (body) => expect(body.data).not.toEqual([]),
    listSavedSearches: (body) => expect(body.data).not.toEqual([]),
    listBots: (body) => expect(body.data).not.toEqual([]),
    previewRetention: (body) =>
      expect(body.data).toMatchObject({
        rows: expect.arrayContaining([
          expect.objectContaining({ bot: null }),
          expect.objectContaining({ bot: expect.objectContaining({ accessCode: 'oa-retention' }) }),
        ]),
      }),
    searchCalls: (body) => {
      expect(body.results).toHaveLength(20);
      expect(body.pagination).toMatchObject({ nextCursor: expect.any(String) });
    },
    callStats: (body) => expect(body.data).toMatchObject({ perAccessCode: [expect.anything()] }),
    getCallDetails: (body) => expect(body.data).toMatchObject({ flowTrace: expect.any(Array) }),
    revealCallNumbers: (body) =>
      expect(body.data).toMatchObject({ callId: 'oa-traced', callingNumber: expect.any(String) }),
    ingestBatch: (body) =>
      expect(
        new Set((body.data as { results: Array<{ status: string }> }).results.map((r) => r.status))
      ).toEqual(new Set(['stored', 'duplicate', 'invalid', 'not_recorded'])),
  };

  let savedCount = 0;
  /** One real request per documented operation, answering its success case. */
  const requests: Record<string, () => Promise<Response>> = {
    getSettings: () => app.http().get(`${ADMIN_PREFIX}/settings`).set(admin()),
    updateSettings: () =>
      app.http().put(`${ADMIN_PREFIX}/settings`).set(admin()).send({ FLOWRECORDFLAG: 'ON' }),
    getSettingsHistory: () => app.http().get(`${ADMIN_PREFIX}/settings/history`).set(admin()),
    getAuditTrail: () => app.http().get(`${ADMIN_PREFIX}/audit`).set(admin()),
    exportAuditLog: () =>
      app
        .http()
        .get(`${ADMIN_PREFIX}/audit/export`)
        .query({ action: 'settings.update' })
        .set(admin())
        .buffer(true)
        .parse(asText),
    previewRetention: async () => {
      await createBot('oa-retention').expect(201);
      return app.http().get(`${ADMIN_PREFIX}/retention/preview`).set(admin());
    },
    // A number no other request uses: erasing it leaves the other answers as they are.
    previewErasure: () =>
      app
        .http()
        .post(`${ADMIN_PREFIX}/calls/erase/preview`)
        .set(admin())
        .send({ callingNumber: '8613700000000' }),
    eraseNumber: () =>
      app
        .http()
        .post(`${ADMIN_PREFIX}/calls/erase`)
        .set(admin())
        .send({ callingNumber: '8613700000000', reason: 'OpenAPI check' }),
    listBots: () => app.http().get(`${ADMIN_PREFIX}/bots`).set(admin()),
    createBot: () => createBot('oa-create'),
    updateBot: async () => {
      const { id } = (await createBot('oa-update').expect(201)).body.data;
      return app
        .http()
        .put(`${ADMIN_PREFIX}/bots/COMMON_IVR/${id}`)
        .set(admin())
        .send({ flowCallRecording: true, description: 'changed' });
    },
    deleteBot: async () => {
      const { id } = (await createBot('oa-delete').expect(201)).body.data;
      return app.http().delete(`${ADMIN_PREFIX}/bots/COMMON_IVR/${id}`).set(admin());
    },
    searchCalls: () =>
      app
        .http()
        .post(`${ADMIN_PREFIX}/calls/search`)
        .set(admin())
        .send({ ...PERIOD, sort: 'durationSeconds:desc', pageSize: 20 }),
    callStats: () =>
      app
        .http()
        .post(`${ADMIN_PREFIX}/calls/stats`)
        .set(admin())
        .send({ ...PERIOD, tz: 'Asia/Shanghai' }),
    callPage: () =>
      app
        .http()
        .post(`${ADMIN_PREFIX}/calls/page`)
        .set(admin())
        .send({ ...PERIOD, tz: 'Asia/Shanghai', pageSize: 20 }),
    exportCalls: () => exportRequest(app, app.admin.token, { ...PERIOD, tz: 'Asia/Shanghai' }),
    issueExportTicket: () =>
      app.http().post(`${ADMIN_PREFIX}/calls/export/ticket`).set(admin()).send(PERIOD),
    downloadExport: async () => {
      const ticket = await requests.issueExportTicket();
      return app
        .http()
        .get(ticket.body.data.url as string)
        .buffer(true)
        .parse(asText);
    },
    getCallDetails: () => app.http().get(`${ADMIN_PREFIX}/calls/oa-traced`).set(admin()),
    revealCallNumbers: () =>
      app
        .http()
        .post(`${ADMIN_PREFIX}/calls/oa-traced/reveal`)
        .set(admin())
        .send({ reason: 'openapi check' }),
    holdCall: () =>
      app.http().post(`${ADMIN_PREFIX}/calls/oa-2/hold`).set(admin()).send({ reason: 'Dispute' }),
    releaseCall: async () => {
      const hold = (reason: string) =>
        app.http().post(`${ADMIN_PREFIX}/calls/oa-3/hold`).set(admin()).send({ reason });
      await hold('To release').expect(200);
      return app.http().post(`${ADMIN_PREFIX}/calls/oa-3/release`).set(admin()).send({
        reason: 'Closed',
      });
    },
    listSavedSearches: async () => {
      expect((await requests.createSavedSearch()).status).toBe(201);
      return app.http().get(`${ADMIN_PREFIX}/saved-searches`).set(admin());
    },
    createSavedSearch: () =>
      app
        .http()
        .post(`${ADMIN_PREFIX}/saved-searches`)
        .set(admin())
        .send({
          ...PERIOD,
          name: `Saved ${++savedCount}`,
          callingNumber: '138*',
          sort: 'startTime:asc',
          pageSize: 50,
        }),
    deleteSavedSearch: async () => {
      const saved = await requests.createSavedSearch();
      expect(saved.status).toBe(201);
      return app.http().delete(`${ADMIN_PREFIX}/saved-searches/${saved.body.data.id}`).set(admin());
    },
    holdMatchingCalls: () =>
      app
        .http()
        .post(`${ADMIN_PREFIX}/calls/hold`)
        .set(admin())
        .send({ ...PERIOD, reason: 'Inquiry' }),
    ingestBatch: () =>
      ingest({
        data: [
          makeCall('oa-batch-stored'),
          makeCall('oa-traced'),
          makeCall('oa-batch-invalid', { endTime: '2026-03-01T08:00:00Z' }),
          makeCall('oa-batch-refused', { accessCode: '95555', botKind: 'COMMON_IVR' }),
          { callingNumber: 'not a number' },
        ],
      }),
  };

  beforeAll(async () => {
    app = await startTestApp();
    document = await dereferencedOpenApi();
    await app.strapi.plugin('call-history').service('settings').update({
      CHATRECORDFLAG: 'BOT_LEVEL',
      FLOWRECORDFLAG: 'ON',
      CCIVRRECORDFLAG: 'ON',
    });
    await createStandardBots(app.strapi);
    apiToken = await createApiToken(app, 'openapi', 'full-access');
    await ingest({
      data: [
        makeCall('oa-traced', {}, 4),
        makeCall('oa-2', { startTime: '2026-03-01T09:00:00Z', endTime: '2026-03-01T09:01:00Z' }),
        makeCall('oa-3', { startTime: '2026-03-01T10:00:00Z', endTime: '2026-03-01T10:01:00Z' }),
        // Enough calls for a search page of 20 with a next page.
        ...Array.from({ length: 20 }, (_, i) =>
          makeCall(`oa-page-${i}`, {
            startTime: `2026-03-01T11:${String(i).padStart(2, '0')}:00Z`,
            endTime: `2026-03-01T11:${String(i).padStart(2, '0')}:${String(10 + i)}Z`,
          })
        ),
      ],
    }).expect(200);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('documents exactly the routes Strapi registered for the plugin', () => {
    const layers = [
      ...app.strapi.server.api('admin').listRoutes(),
      ...app.strapi.server.api('content-api').listRoutes(),
    ];
    const served = layers
      .filter(
        (layer) =>
          typeof layer.path === 'string' &&
          [ADMIN_PREFIX, CONTENT_PREFIX].some((prefix) =>
            String(layer.path).startsWith(`${prefix}/`)
          )
      )
      .flatMap((layer) =>
        // koa-router answers HEAD for every GET on its own.
        layer.methods
          .filter((method: string) => method !== 'HEAD')
          .map((method: string) => routeKey(method, String(layer.path)))
      );
    const documented = documentedOperations(written).map(({ method, path }) =>
      routeKey(method, toRoutePath(path))
    );
    expect(served.length).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual([...new Set(served)].sort());

    // The plugin's own route table says the same, so the comparison above read the right router.
    const defined = [
      ...pluginRoutes().admin.routes.map((route) =>
        routeKey(route.method, `${ADMIN_PREFIX}${route.path}`)
      ),
      ...pluginRoutes()['content-api'].routes.map((route) =>
        routeKey(route.method, `${CONTENT_PREFIX}${route.path}`)
      ),
    ];
    expect([...defined].sort()).toEqual([...documented].sort());
  });

  it('names, for each admin route, the action its hasPermissions policy requires', () => {
    const byKey = new Map(
      documentedOperations(written).map((entry) => [
        routeKey(entry.method, toRoutePath(entry.path)),
        entry.operation,
      ])
    );
    for (const route of pluginRoutes().admin.routes) {
      const documented = byKey.get(routeKey(route.method, `${ADMIN_PREFIX}${route.path}`));
      const policies = route.config?.policies ?? [];
      const hasPermissions = policies.find(
        (policy): policy is PolicyEntry =>
          typeof policy === 'object' && policy.name === 'admin::hasPermissions'
      );
      if (hasPermissions) {
        // hasPermissions requires every action it lists: the route's own, then any it also needs.
        const documentedActions = [
          documented?.['x-strapi-permission'],
          ...(documented?.['x-strapi-also-requires'] ?? []),
        ];
        expect({ route: route.path, actions: [...documentedActions].sort() }).toEqual({
          route: route.path,
          actions: [...(hasPermissions.config?.actions ?? [])].sort(),
        });
        expect(policies).toContain('admin::isAuthenticatedAdmin');
        continue;
      }
      // The download link: no JWT, its ticket policy checks calls.export itself.
      expect(route.config?.auth).toBe(false);
      expect(policies).toEqual([documented?.['x-strapi-policy']]);
      expect(documented?.['x-strapi-permission']).toBe(PERMISSIONS.callsExport);
      expect(documented?.security).toEqual([{ exportTicket: [] }]);
    }
  });

  it("names the content-API route's permission as Strapi derives it for API tokens", () => {
    for (const route of pluginRoutes()['content-api'].routes) {
      const documented = documentedOperations(written).find(
        (entry) =>
          routeKey(entry.method, entry.path) ===
          routeKey(route.method, `${CONTENT_PREFIX}${route.path}`)
      );
      const auth = route.config?.auth;
      expect(auth && auth.scope).toEqual([documented?.operation['x-strapi-permission']]);
    }
  });

  it('makes one real request per documented operation', () => {
    expect(Object.keys(requests).sort()).toEqual(
      documentedOperations(written)
        .map(({ operation: entry }) => entry.operationId)
        .sort()
    );
  });

  const [csvOperations, jsonOperations] = [true, false].map((csv) =>
    documentedOperations(written)
      .filter(({ operation: entry }) => answersCsv(written, entry) === csv)
      .map(({ operation: entry }) => [entry.operationId])
  );

  it.each(jsonOperations)('%s answers what its schema documents', async (operationId) => {
    const documented = operation(operationId);
    const response = await requests[operationId]();
    const success = Object.keys(documented.responses).find((status) => status.startsWith('2'));
    expect(response.status).toBe(Number(success));
    expect(schemaChecker()(responseSchema(documented, response.status))(response.body)).toEqual([]);
    substance[operationId]?.(response.body);
  });

  it.each(csvOperations)('%s streams the documented CSV columns', async (operationId) => {
    const documented = operation(operationId);
    const response = await requests[operationId]();
    expect(response.status).toBe(200);
    const answer = documented.responses['200'];
    expect(Object.keys(answer.content ?? {})).toEqual([response.headers['content-type'] as string]);
    const disposition = answer.headers?.['Content-Disposition']?.schema?.pattern as string;
    expect(response.headers['content-disposition']).toMatch(new RegExp(disposition));
    expect(response.headers['cache-control']).toBe('no-store');
    const text = response.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const header = text.slice(1).split('\n')[0].split(',');
    const columns = answer['x-csv-columns'] ?? [];
    // Extension attributes of the host app follow the documented columns.
    expect(header.slice(0, columns.length)).toEqual(columns);
    expect(text.trim().split('\n').length).toBeGreaterThan(1);
  });

  it('answers bad input with the documented validation error', async () => {
    const search = await app
      .http()
      .post(`${ADMIN_PREFIX}/calls/search`)
      .set(admin())
      .send({ from: 'yesterday', to: PERIOD.to, callingNumber: '12*34', colour: 'red' })
      .expect(400);
    expect(schemaChecker()(responseSchema(operation('searchCalls'), 400))(search.body)).toEqual([]);
    expect(
      search.body.error.details.errors.map((error: { path: string[] }) => error.path[0])
    ).toEqual(expect.arrayContaining(['from', 'callingNumber', 'colour']));

    const batch = await ingest({ data: [] }).expect(400);
    expect(schemaChecker()(responseSchema(operation('ingestBatch'), 400))(batch.body)).toEqual([]);
  });

  it('answers the documented error body without a token, a ticket or a call', async () => {
    const unauthorized = await app.http().get(`${ADMIN_PREFIX}/settings`).expect(401);
    expect(
      schemaChecker()(responseSchema(operation('getSettings'), 401))(unauthorized.body)
    ).toEqual([]);
    const missing = await app.http().get(`${ADMIN_PREFIX}/calls/no-such-call`).set(admin());
    expect(missing.status).toBe(404);
    expect(schemaChecker()(responseSchema(operation('getCallDetails'), 404))(missing.body)).toEqual(
      []
    );
    const refused = await app.http().get(`${ADMIN_PREFIX}/calls/export/download?ticket=used`);
    expect(refused.status).toBe(403);
    expect(schemaChecker()(responseSchema(operation('downloadExport'), 403))(refused.body)).toEqual(
      []
    );
  });
});
