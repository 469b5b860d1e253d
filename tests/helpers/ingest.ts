import type { TestApp } from './strapi';

export const INGEST_PATH = '/api/call-history/calls/batch';
export const INGEST_ACTION = 'plugin::call-history.ingest.batch';
export const CALL_RECORD = 'plugin::call-history.call-record';

interface ApiTokenService {
  create(attributes: object): Promise<{ accessKey: string }>;
}

/** A real Strapi API token, created through the admin's own service. */
export const createApiToken = async (
  app: TestApp,
  name: string,
  type: 'full-access' | 'read-only' | 'custom' = 'full-access',
  permissions: string[] = []
): Promise<string> => {
  const service = app.strapi.service('admin::api-token') as unknown as ApiTokenService;
  const token = await service.create({
    name,
    type,
    lifespan: null,
    description: '',
    ...(type === 'custom' ? { permissions } : {}),
  });
  return token.accessKey;
};

export const countCalls = async (app: TestApp, where: Record<string, unknown> = {}) =>
  Number(await app.strapi.db?.query(CALL_RECORD).count({ where }));

export const traceStep = (seq: number, at: string) => ({
  seq,
  at,
  nodeId: `node-${seq}`,
  nodeName: `Step ${seq}`,
  nodeType: seq === 0 ? 'START' : 'MENU',
  userInput: '1',
  botReply: 'Press 1 for billing, 2 for support.',
  resultCode: 'OK',
  durationMs: 1200,
});

/** A valid call as the platform sends it; `steps` > 0 adds a flow trace. */
export const makeCall = (callId: string, overrides: Record<string, unknown> = {}, steps = 0) => ({
  callId,
  callingNumber: '8613800138000',
  calledNumber: '10086',
  accessCode: '10086',
  botKind: 'INTELLIGENT_ROBOT',
  startTime: '2026-03-01T08:30:00Z',
  endTime: '2026-03-01T08:32:05Z',
  endReason: 'USER_HANGUP',
  ...(steps > 0
    ? {
        flowTrace: Array.from({ length: steps }, (_, seq) =>
          traceStep(seq, `2026-03-01T08:30:${String(seq % 60).padStart(2, '0')}Z`)
        ),
      }
    : {}),
  ...overrides,
});

let sequence = 0;

/** A valid call with a fresh callId, for tests that do not care which. */
export const aCall = (overrides: Record<string, unknown> = {}) =>
  makeCall(`call-${++sequence}`, overrides);

export const setFlags = async (app: TestApp, flags: Record<string, string>) => {
  await app
    .http()
    .put('/call-history/settings')
    .set({ Authorization: `Bearer ${app.admin.token}` })
    .send(flags)
    .expect(200);
};
