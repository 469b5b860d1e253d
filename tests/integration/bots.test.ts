import { createStandardBots } from '../helpers/fixtures';
import { bearer, startTestApp, type TestApp, SHOWN_IN_CONTENT_MANAGER } from '../helpers/strapi';

const CHATBOT = 'plugin::call-history.chatbot';
const IVR_FLOW = 'plugin::call-history.ivr-flow';

describe('robots and IVR flows', () => {
  let app: TestApp;
  const query = (uid: string) => app.strapi.db!.query(uid);
  const viaContentManager = (uid: string, data: object) =>
    app
      .http()
      .post(`/content-manager/collection-types/${uid}`)
      .set(bearer(app.admin.token))
      .send(data);

  beforeAll(async () => {
    app = await startTestApp(SHOWN_IN_CONTENT_MANAGER);
    await createStandardBots(app.strapi);
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('access codes unique across both kinds', () => {
    it('refuses an IVR flow reusing a robot code through the Query Engine, naming the clash', async () => {
      await expect(
        query(IVR_FLOW).create({ data: { name: 'Copy', accessCode: '10086' } })
      ).rejects.toMatchObject({
        name: 'ValidationError',
        message: 'accessCode 10086 is already used by robot "Billing robot"',
      });
      expect(await query(IVR_FLOW).count({ where: { accessCode: '10086' } })).toBe(0);
    });

    it('refuses it through the Content Manager with the field named', async () => {
      const response = await viaContentManager(CHATBOT, {
        name: 'Another',
        accessCode: ' 95555 ',
        historicalCallRecord: true,
        flowCallRecording: true,
      }).expect(400);
      expect(response.body.error.details.errors).toEqual([
        expect.objectContaining({
          path: ['accessCode'],
          message: 'accessCode 95555 is already used by IVR flow "Main IVR"',
        }),
      ]);
    });

    it('refuses a code reused within the same kind', async () => {
      await expect(
        query(CHATBOT).create({ data: { name: 'Twin', accessCode: '10086' } })
      ).rejects.toThrow(/already used by robot/);
    });

    it('refuses a code moved onto another bot by an update, but lets a bot keep its own', async () => {
      const ivr = await query(IVR_FLOW).findOne({ where: { accessCode: '95555' } });
      await expect(
        query(IVR_FLOW).update({ where: { id: ivr.id }, data: { accessCode: '10086' } })
      ).rejects.toThrow(/already used by robot/);
      await query(IVR_FLOW).update({
        where: { id: ivr.id },
        data: { accessCode: '95555', name: 'Main IVR' },
      });
      expect(await query(IVR_FLOW).findOne({ where: { id: ivr.id } })).toMatchObject({
        accessCode: '95555',
      });
    });

    it.each([[''], ['has space'], ['x'.repeat(65)], [42]])(
      'refuses the malformed code %j',
      async (code) => {
        await expect(
          query(CHATBOT).create({ data: { name: 'Bad', accessCode: code } })
        ).rejects.toMatchObject({
          name: 'ValidationError',
          details: { errors: [expect.objectContaining({ path: ['accessCode'] })] },
        });
      }
    );

    it('refuses duplicates inside one createMany', async () => {
      await expect(
        query(CHATBOT).createMany({
          data: [
            { name: 'A', accessCode: '300' },
            { name: 'B', accessCode: '300' },
          ],
        })
      ).rejects.toThrow(/appears twice/);
      expect(await query(CHATBOT).count({ where: { accessCode: '300' } })).toBe(0);
    });
  });

  describe('access codes unique under concurrent writes', () => {
    it('keeps exactly one of a robot and an IVR flow created at the same moment with one code', async () => {
      const codes = ['race-1', 'race-2', 'race-3', 'race-4', 'race-5'];
      const outcomes = await Promise.all(
        codes.map((accessCode) =>
          Promise.allSettled([
            query(CHATBOT).create({ data: { name: `Robot ${accessCode}`, accessCode } }),
            query(IVR_FLOW).create({ data: { name: `IVR ${accessCode}`, accessCode } }),
          ])
        )
      );
      for (const [index, accessCode] of codes.entries()) {
        const stored =
          (await query(CHATBOT).count({ where: { accessCode } })) +
          (await query(IVR_FLOW).count({ where: { accessCode } }));
        expect(stored).toBe(1);
        expect(outcomes[index].filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      }
    });

    it('has the database refuse a taken code even from a write that skips the lifecycles', async () => {
      const knex = app.strapi.db!.connection;
      const table = app.strapi.db!.metadata.get(IVR_FLOW).tableName;
      // The refusal as text: jest's toThrow misreads errors from the native SQLite driver.
      const refusal = (write: PromiseLike<unknown>) =>
        Promise.resolve(write).then(
          () => 'stored',
          (error: unknown) => String(error)
        );
      expect(await refusal(knex(table).insert({ name: 'Raw copy', access_code: '10086' }))).toMatch(
        /accessCode is already used by another robot or IVR flow/
      );
      expect(await query(IVR_FLOW).count({ where: { accessCode: '10086' } })).toBe(0);
      expect(
        await refusal(knex(table).where({ access_code: '95555' }).update({ access_code: '10086' }))
      ).toMatch(/already used/);
    });

    it('answers the loser of a race through the admin API at the field', async () => {
      const post = (kind: string) =>
        app
          .http()
          .post('/call-history/bots')
          .set(bearer(app.admin.token))
          .send({ kind, name: `Racer ${kind}`, accessCode: 'race-http' });
      const responses = await Promise.all([post('INTELLIGENT_ROBOT'), post('COMMON_IVR')]);
      expect(responses.map((response) => response.status).sort()).toEqual([201, 400]);
      const refused = responses.find((response) => response.status === 400);
      expect(refused?.body.error.details.errors[0].path).toEqual(['accessCode']);
    });
  });

  describe('GET /call-history/bots', () => {
    const list = async () =>
      (await app.http().get('/call-history/bots').set(bearer(app.admin.token)).expect(200)).body
        .data;
    const put = (body: object) =>
      app.http().put('/call-history/settings').set(bearer(app.admin.token)).send(body).expect(200);

    it('lists both kinds with the state a new call would get', async () => {
      await put({
        CHATRECORDFLAG: 'BOT_LEVEL',
        FLOWRECORDFLAG: 'ON',
        CCIVRRECORDFLAG: 'BOT_LEVEL',
      });
      const bots = await list();
      expect(bots).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'INTELLIGENT_ROBOT',
            name: 'Billing robot',
            accessCode: '10086',
            historicalCallRecord: true,
            flowCallRecording: false,
            effective: expect.objectContaining({
              call: true,
              flow: true,
              reason: 'FLOWRECORDFLAG is ON',
            }),
          }),
          expect.objectContaining({
            kind: 'COMMON_IVR',
            accessCode: '95555',
            effective: expect.objectContaining({
              call: false,
              flow: false,
              reason: 'IVR flow 95555 has historicalCallRecord off',
            }),
          }),
        ])
      );
    });

    it('follows a flag change at once', async () => {
      await put({ CHATRECORDFLAG: 'OFF' });
      const bots = await list();
      expect(bots.every((bot: { effective: { call: boolean } }) => !bot.effective.call)).toBe(true);
      expect(bots[0].effective.reason).toBe('CHATRECORDFLAG is OFF');
    });
  });
});
