import type { Strapi as StrapiInstance } from '@strapi/types';

import { indexesFor } from '../../server/src/database/indexes';
import { CALL_RECORD, aCall, setFlags } from '../helpers/ingest';
import { indexNames, sharedDatabase } from '../helpers/reboot';
import { bearer, startTestApp, type TestApp, SHOWN_IN_CONTENT_MANAGER } from '../helpers/strapi';

const CM_CALLS = `/content-manager/collection-types/${CALL_RECORD}`;

const extension = {
  customerTier: 'GOLD',
  queueName: 'Premium support',
  csat: 4,
  callbackNumber: '+86 138-0000-5678',
};

/** The host app extends call-record in its register hook (tests/app/src/call-history). */
describe('call-record extended by the host app', () => {
  let app: TestApp;
  const calls = () => app.strapi.db!.query(CALL_RECORD);

  beforeAll(async () => {
    app = await startTestApp(SHOWN_IN_CONTENT_MANAGER);
    await setFlags(app, { CHATRECORDFLAG: 'ON' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('adds the attributes to the model Strapi runs', () => {
    expect(app.strapi.getModel(CALL_RECORD).attributes).toMatchObject({
      customerTier: { type: 'enumeration' },
      queueName: { type: 'string' },
      csat: { type: 'integer', min: 1, max: 5 },
      callbackNumber: { type: 'string', customField: 'plugin::call-history.phone-number' },
    });
  });

  it('stores and reads them back through the Query Engine, the custom field normalised', async () => {
    const created = await calls().create({ data: aCall({ callId: 'qe-ext', ...extension }) });
    expect(await calls().findOne({ where: { id: created.id } })).toMatchObject({
      callId: 'qe-ext',
      customerTier: 'GOLD',
      queueName: 'Premium support',
      csat: 4,
      callbackNumber: '+8613800005678',
      recordingDecision: { recordCall: true },
    });
  });

  it('stores them through the plugin service, which writes through the Query Engine', async () => {
    const service = app.strapi.plugin('call-history').service('calls');
    await service.create(aCall({ callId: 'svc-ext', customerTier: 'PLATINUM', csat: 5 }));
    expect(await service.findByCallId('svc-ext')).toMatchObject({
      customerTier: 'PLATINUM',
      csat: 5,
      queueName: null,
    });
  });

  it('stores and reads them back through the Content Manager', async () => {
    const created = await app
      .http()
      .post(CM_CALLS)
      .set(bearer(app.admin.token))
      .send(aCall({ callId: 'cm-ext', ...extension }))
      .expect(200);
    const read = await app
      .http()
      .get(`${CM_CALLS}/${created.body.id}`)
      .set(bearer(app.admin.token))
      .expect(200);
    expect(read.body).toMatchObject({
      callId: 'cm-ext',
      customerTier: 'GOLD',
      queueName: 'Premium support',
      csat: 4,
      callbackNumber: '+8613800005678',
    });
  });

  it.each([
    ['csat', { csat: 6 }],
    ['csat', { csat: 0 }],
    ['customerTier', { customerTier: 'BRONZE' }],
    ['callbackNumber', { callbackNumber: 'call me back' }],
  ])('answers 400 naming a bad %s through the Content Manager', async (field, values) => {
    const before = await calls().count();
    const response = await app
      .http()
      .post(CM_CALLS)
      .set(bearer(app.admin.token))
      .send(aCall(values))
      .expect(400);
    expect(response.body.error.details.errors[0].path).toEqual([field]);
    expect(await calls().count()).toBe(before);
  });

  it('refuses a bad custom-field value through the Query Engine, naming it', async () => {
    await expect(calls().create({ data: aCall({ callbackNumber: '12' }) })).rejects.toMatchObject({
      details: { errors: [{ path: ['callbackNumber'] }] },
    });
  });
});

describe("the plugin's indexes across boots with and without the extension", () => {
  const INDEXES = indexesFor(false);
  const present = async (strapi: StrapiInstance) => {
    const found: Record<string, boolean> = {};
    for (const index of INDEXES) {
      const table = strapi.db!.metadata.get(index.uid).tableName;
      found[index.name] = (await indexNames(strapi, table)).includes(index.name);
    }
    return found;
  };
  const allPresent = Object.fromEntries(INDEXES.map((index) => [index.name, true]));
  const callIdIndex = INDEXES.find((index) => index.uid === CALL_RECORD)!.name;

  it('are there after every boot, though Strapi drops them when the schema changes', async () => {
    const database = await sharedDatabase();
    const boots: Array<{
      afterSync: Record<string, boolean>;
      booted: Record<string, boolean>;
      columns: string[];
    }> = [];
    try {
      for (const extensionSwitch of ['on', 'off', 'on']) {
        let afterSync: Record<string, boolean> = {};
        const strapi = await database.boot(
          { CALL_HISTORY_HOST_EXTENSION: extensionSwitch },
          async (booting) => {
            afterSync = await present(booting);
          }
        );
        try {
          const table = strapi.db!.metadata.get(CALL_RECORD).tableName;
          const columns = Object.keys(await strapi.db!.connection(table).columnInfo());
          boots.push({ afterSync, booted: await present(strapi), columns });
        } finally {
          await strapi.destroy();
        }
      }
    } finally {
      await database.drop();
    }

    const [first, without, again] = boots;
    expect(first.columns).toEqual(
      expect.arrayContaining(['customer_tier', 'csat', 'callback_number'])
    );
    expect(without.columns).not.toContain('customer_tier');
    expect(again.columns).toContain('customer_tier');
    // Each schema change dropped the call-record index during Strapi's sync...
    expect(without.afterSync[callIdIndex]).toBe(false);
    expect(again.afterSync[callIdIndex]).toBe(false);
    // ...and the plugin's bootstrap put every index back.
    for (const boot of boots) expect(boot.booted).toEqual(allPresent);
  });
});
