import { parse } from 'csv-parse/sync';

import { CALL_RECORD, aCall, setFlags } from '../helpers/ingest';
import { asText, bearer, startTestApp, type TestApp } from '../helpers/strapi';

/**
 * The host app extends call-record in its register hook (tests/app/src/call-history): search,
 * details and export carry the new attributes with no code of the plugin naming them, and leave
 * the private one out.
 */
describe('call-record extended by the host app, as the Call History shows it', () => {
  let app: TestApp;
  const period = { from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z' };
  const extras = {
    customerTier: 'GOLD',
    queueName: 'north, "coast"',
    csat: 4,
    callbackNumber: '+8613800005678',
    tags: { vip: true },
    vip: true,
  };

  beforeAll(async () => {
    app = await startTestApp();
    await setFlags(app, { CHATRECORDFLAG: 'ON' });
    await app.strapi.db!.query(CALL_RECORD).create({
      data: aCall({
        callId: 'ext-1',
        startTime: '2026-05-01T08:00:00.000Z',
        endTime: '2026-05-01T08:02:00.000Z',
        ...extras,
        callbackNumber: '+86 138-0000-5678',
        internalNote: 'not for agents',
      }),
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('returns the extra attributes in search and details, never the private one', async () => {
    const search = await app
      .http()
      .get('/call-history/calls')
      .query(period)
      .set(bearer(app.admin.token))
      .expect(200);
    expect(search.body.results[0]).toMatchObject(extras);
    expect(search.body.results[0]).not.toHaveProperty('internalNote');
    const details = await app
      .http()
      .get('/call-history/calls/ext-1')
      .set(bearer(app.admin.token))
      .expect(200);
    expect(details.body.data).toMatchObject(extras);
    expect(details.body.data).not.toHaveProperty('internalNote');
    expect(details.body.data).not.toHaveProperty('callingNumberReversed');
  });

  it('exports them as extra CSV columns', async () => {
    const response = await app
      .http()
      .get('/call-history/calls/export')
      .query(period)
      .set(bearer(app.admin.token))
      .buffer(true)
      .parse(asText)
      .expect(200);
    const [record] = parse(response.body as string, { columns: true }) as Array<
      Record<string, string>
    >;
    expect(record).toMatchObject({
      callId: 'ext-1',
      customerTier: 'GOLD',
      queueName: 'north, "coast"',
      csat: '4',
      callbackNumber: '+8613800005678',
      tags: '{"vip":true}',
      vip: 'true',
    });
    expect(Object.keys(record)).not.toContain('internalNote');
  });
});
