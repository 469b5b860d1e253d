import { bearer, startTestApp, type TestApp } from '../helpers/strapi';

const QUEUE = 'api::queue.queue';
const CM_QUEUES = `/content-manager/collection-types/${QUEUE}`;
const RECORDING_FLAG = 'plugin::call-history.recording-flag';
const PHONE_NUMBER = 'plugin::call-history.phone-number';

/** The host app's `queue` (tests/app/src/api/queue) uses both custom fields of the plugin. */
describe("the plugin's custom fields in a developer's own content type", () => {
  let app: TestApp;
  const queues = () => app.strapi.db!.query(QUEUE);
  const viaContentManager = (data: object) =>
    app.http().post(CM_QUEUES).set(bearer(app.admin.token)).send(data);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('registers both fields with Strapi, stored as strings', () => {
    const registry = app.strapi.container.get('custom-fields') as {
      getAll(): Record<string, { type: string }>;
    };
    expect(registry.getAll()).toMatchObject({
      [RECORDING_FLAG]: { type: 'string' },
      [PHONE_NUMBER]: { type: 'string' },
    });
  });

  // The builder answers with the underlying type; its admin recognises `customField`.
  it('shows them to the Content-Type Builder as custom fields of the queue', async () => {
    const response = await app
      .http()
      .get(`/content-type-builder/content-types/${QUEUE}`)
      .set(bearer(app.admin.token))
      .expect(200);
    expect(response.body.data.schema.attributes).toMatchObject({
      recordingFlag: { type: 'string', customField: RECORDING_FLAG },
      hotline: { type: 'string', customField: PHONE_NUMBER },
    });
  });

  describe('through the Query Engine', () => {
    it('stores valid values, the phone number normalised', async () => {
      const created = await queues().create({
        data: { name: 'Sales', recordingFlag: 'ON', hotline: '+86 (10) 6512-3456' },
      });
      expect(await queues().findOne({ where: { id: created.id } })).toMatchObject({
        recordingFlag: 'ON',
        hotline: '+861065123456',
      });
    });

    it('normalises every row of a createMany', async () => {
      await queues().createMany({
        data: [
          { name: 'Many 1', hotline: '400 820 8820' },
          { name: 'Many 2', hotline: '４００-８２０-８８２１' },
        ],
      });
      const rows = await queues().findMany({
        where: { name: { $startsWith: 'Many' } },
        orderBy: { name: 'asc' },
      });
      expect(rows.map((row: { hotline: string }) => row.hotline)).toEqual([
        '4008208820',
        '4008208821',
      ]);
    });

    it.each([
      ['hotline', { hotline: '400-CALL-NOW' }],
      ['hotline', { hotline: '12' }],
      ['recordingFlag', { recordingFlag: 'Bot-level control' }],
    ])('refuses a bad %s, naming it', async (field, values) => {
      const before = await queues().count();
      await expect(queues().create({ data: { name: 'Bad', ...values } })).rejects.toMatchObject({
        name: 'ValidationError',
        details: { errors: [{ path: [field] }] },
      });
      expect(await queues().count()).toBe(before);
    });

    it('checks an update too, leaving the other field as it was', async () => {
      const created = await queues().create({
        data: { name: 'Support', recordingFlag: 'OFF', hotline: '10086' },
      });
      await expect(
        queues().update({ where: { id: created.id }, data: { hotline: '+86 10086 ext' } })
      ).rejects.toMatchObject({ details: { errors: [{ path: ['hotline'] }] } });
      await queues().update({ where: { id: created.id }, data: { hotline: '+86 10086' } });
      expect(await queues().findOne({ where: { id: created.id } })).toMatchObject({
        recordingFlag: 'OFF',
        hotline: '+8610086',
      });
    });
  });

  describe('through the Content Manager', () => {
    it('stores valid values, the phone number normalised', async () => {
      const response = await viaContentManager({
        name: 'Billing',
        recordingFlag: 'BOT_LEVEL',
        hotline: '+86 138-0000-1234',
      }).expect(200);
      expect(response.body).toMatchObject({
        recordingFlag: 'BOT_LEVEL',
        hotline: '+8613800001234',
      });
    });

    it('stores an empty phone number as no value', async () => {
      const response = await viaContentManager({ name: 'No hotline', hotline: '' }).expect(200);
      expect(response.body.hotline).toBeNull();
    });

    it.each([
      ['hotline', { hotline: '138 0000 1234 #2' }],
      ['recordingFlag', { recordingFlag: 'MAYBE' }],
    ])('answers 400 naming a bad %s, storing nothing', async (field, values) => {
      const before = await queues().count();
      const response = await viaContentManager({ name: 'Bad', ...values }).expect(400);
      expect(response.body.error).toMatchObject({
        name: 'ValidationError',
        details: { errors: [{ path: [field] }] },
      });
      expect(await queues().count()).toBe(before);
    });

    it('answers 400 naming the field on an update', async () => {
      const created = await queues().create({ data: { name: 'Edit me', hotline: '95555' } });
      const response = await app
        .http()
        .put(`${CM_QUEUES}/${created.id}`)
        .set(bearer(app.admin.token))
        .send({ name: 'Edit me', hotline: 'call me' })
        .expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['hotline']);
      expect(await queues().findOne({ where: { id: created.id } })).toMatchObject({
        hotline: '95555',
      });
    });
  });
});
