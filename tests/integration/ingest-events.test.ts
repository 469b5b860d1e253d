import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';

import { CALL_RECORD, INGEST_PATH, createApiToken, makeCall, setFlags } from '../helpers/ingest';
import { bearer, startTestApp, type TestApp } from '../helpers/strapi';

interface Delivery {
  event: string;
  header: string | undefined;
  body: Record<string, unknown>;
}

/** An HTTP server on 127.0.0.1 that records what Strapi's webhooks send it, in order. */
const startReceiver = async () => {
  const deliveries: Delivery[] = [];
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => resolve(text));
    });
  const server: Server = createServer(async (request, response) => {
    const body = JSON.parse(await read(request)) as Record<string, unknown>;
    deliveries.push({
      event: String(body.event),
      header: request.headers['x-strapi-event'] as string | undefined,
      body,
    });
    response.writeHead(200).end();
    for (const wait of waiting.filter((w) => deliveries.length >= w.count)) wait.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/strapi-hook`,
    deliveries,
    /** Resolves once `count` deliveries in all have arrived. */
    until: (count: number) =>
      new Promise<void>((resolve) => {
        if (deliveries.length >= count) resolve();
        else waiting.push({ count, resolve });
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

describe('events and webhooks', () => {
  let app: TestApp;
  let token: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    app = await startTestApp();
    receiver = await startReceiver();
    token = await createApiToken(app, 'call platform');
    // A webhook made the way an admin makes one in Settings > Webhooks.
    await app
      .http()
      .post('/admin/webhooks')
      .set(bearer(app.admin.token))
      .send({
        name: 'call platform mirror',
        url: receiver.url,
        headers: {},
        events: ['call-history.call.recorded', 'call-history.settings.updated'],
      })
      .expect(201);
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
  });

  it('offers both events to webhooks', () => {
    const allowed = [...(app.strapi.webhookStore?.allowedEvents.values() ?? [])];
    expect(allowed).toEqual(
      expect.arrayContaining(['call-history.call.recorded', 'call-history.settings.updated'])
    );
  });

  it('delivers call-history.settings.updated after PUT /call-history/settings', async () => {
    const start = receiver.deliveries.length;
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON' });
    await receiver.until(start + 1);
    const [delivery] = receiver.deliveries.slice(start);
    expect(delivery.event).toBe('call-history.settings.updated');
    expect(delivery.header).toBe('call-history.settings.updated');
    expect(delivery.body).toMatchObject({
      settings: { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'OFF' },
      changes: {
        CHATRECORDFLAG: { from: 'OFF', to: 'ON' },
        FLOWRECORDFLAG: { from: 'OFF', to: 'ON' },
      },
      user: { email: app.admin.email },
    });
  });

  it('delivers one call-history.call.recorded per batch, with the calls it stored', async () => {
    const start = receiver.deliveries.length;
    await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({
        data: [
          makeCall('ev-1', {}, 2),
          makeCall('ev-2', { botKind: 'COMMON_IVR' }),
          makeCall('ev-bad', { endTime: 'x' }),
        ],
      })
      .expect(200);
    await receiver.until(start + 1);
    const [delivery] = receiver.deliveries.slice(start);
    expect(delivery.event).toBe('call-history.call.recorded');
    expect(delivery.body).toEqual({
      event: 'call-history.call.recorded',
      createdAt: expect.any(String),
      source: 'batch',
      count: 2,
      callIds: ['ev-1', 'ev-2'],
      calls: [
        { callId: 'ev-1', accessCode: '10086', botKind: 'INTELLIGENT_ROBOT', flowRecorded: true },
        { callId: 'ev-2', accessCode: '10086', botKind: 'COMMON_IVR', flowRecorded: false },
      ],
    });
  });

  it('emits nothing for a batch that stores nothing', async () => {
    const start = receiver.deliveries.length;
    // All duplicates: no event. The next batch's event must be the very next delivery, since
    // Strapi's webhook queue delivers in order.
    await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({ data: [makeCall('ev-1'), makeCall('ev-2')] })
      .expect(200);
    await app
      .http()
      .post(INGEST_PATH)
      .set(bearer(token))
      .send({ data: [makeCall('ev-3')] })
      .expect(200);
    await receiver.until(start + 1);
    expect(receiver.deliveries[start].body).toMatchObject({ source: 'batch', callIds: ['ev-3'] });
  });

  it('delivers call-history.call.recorded for a call created through the Query Engine too', async () => {
    const start = receiver.deliveries.length;
    await app.strapi.db!.query(CALL_RECORD).create({ data: makeCall('ev-qe') });
    await receiver.until(start + 1);
    expect(receiver.deliveries[start].body).toMatchObject({
      event: 'call-history.call.recorded',
      source: 'query-engine',
      count: 1,
      callIds: ['ev-qe'],
      calls: [
        { callId: 'ev-qe', accessCode: '10086', botKind: 'INTELLIGENT_ROBOT', flowRecorded: true },
      ],
    });
  });

  it('delivers one call-history.call.recorded for a createMany of the Query Engine', async () => {
    const start = receiver.deliveries.length;
    await app.strapi.db!.query(CALL_RECORD).createMany({
      data: [makeCall('ev-many-1'), makeCall('ev-many-2')],
    });
    await receiver.until(start + 1);
    expect(receiver.deliveries[start].body).toMatchObject({
      source: 'query-engine',
      count: 2,
      callIds: ['ev-many-1', 'ev-many-2'],
    });
  });
});
