import { parse } from 'csv-parse/sync';

import { exportRequest } from '../helpers/export';
import { CALL_RECORD, aCall, setFlags } from '../helpers/ingest';
import { bearer, startTestApp, type TestApp } from '../helpers/strapi';

/**
 * The host app extends call-record in its register hook (tests/app/src/call-history): search,
 * details and export carry the new attributes with no code of the plugin naming them, and leave
 * the private one out. A password attribute (added here) is left out too, private or not. This
 * app turns the CSV's byte order mark off (csvBom: false).
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
  const PIN = 'pin-4711-secret';

  beforeAll(async () => {
    app = await startTestApp(
      { CALL_HISTORY_CSV_BOM: 'false' },
      { callRecordAttributes: { ivrPin: { type: 'password' } } }
    );
    await setFlags(app, { CHATRECORDFLAG: 'ON' });
    await app.strapi.db!.query(CALL_RECORD).create({
      data: aCall({
        callId: 'ext-1',
        startTime: '2026-05-01T08:00:00.000Z',
        endTime: '2026-05-01T08:02:00.000Z',
        ...extras,
        callbackNumber: '+86 138-0000-5678',
        internalNote: 'not for agents',
        ivrPin: PIN,
      }),
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('keeps the password attribute in the database, where the host app reads it', async () => {
    const row = (await app.strapi.db!.query(CALL_RECORD).findOne({
      where: { callId: 'ext-1' },
    })) as { ivrPin: string };
    expect(row.ivrPin).toBe(PIN);
  });

  it('returns the extra attributes in search and details, never the private or password ones', async () => {
    const search = await app
      .http()
      .post('/call-history/calls/search')
      .send(period)
      .set(bearer(app.admin.token))
      .expect(200);
    // The phone-number attribute is masked like the contract's numbers.
    const shown = { ...extras, callbackNumber: '+861******5678' };
    expect(search.body.results[0]).toMatchObject(shown);
    expect(search.body.results[0]).not.toHaveProperty('internalNote');
    expect(search.body.results[0]).not.toHaveProperty('ivrPin');
    const details = await app
      .http()
      .get('/call-history/calls/ext-1')
      .set(bearer(app.admin.token))
      .expect(200);
    expect(details.body.data).toMatchObject(shown);
    expect(details.body.data).not.toHaveProperty('internalNote');
    expect(details.body.data).not.toHaveProperty('ivrPin');
    expect(details.body.data).not.toHaveProperty('callingNumberReversed');
    expect(JSON.stringify([search.body, details.body])).not.toContain(PIN);
  });

  it('exports them as extra CSV columns, without the password and without a BOM', async () => {
    const response = await exportRequest(app, app.admin.token, period).expect(200);
    const text = response.body as string;
    // csvBom: false in this app: the file starts with the header itself.
    expect(text.startsWith('callId,')).toBe(true);
    expect(text).not.toContain(PIN);
    const [record] = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(record).toMatchObject({
      callId: 'ext-1',
      customerTier: 'GOLD',
      queueName: 'north, "coast"',
      csat: '4',
      // Masked, and quoted: a spreadsheet would compute +861*…
      callbackNumber: "'+861******5678",
      tags: '{"vip":true}',
      vip: 'true',
    });
    expect(Object.keys(record)).not.toContain('internalNote');
    expect(Object.keys(record)).not.toContain('ivrPin');
  });
});
