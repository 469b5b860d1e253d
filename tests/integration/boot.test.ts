import { startTestApp, type TestApp } from '../helpers/strapi';

describe('the plugin in a real Strapi', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('loads its content types', () => {
    expect(Object.keys(app.strapi.contentTypes)).toEqual(
      expect.arrayContaining([
        'plugin::call-history.setting',
        'plugin::call-history.chatbot',
        'plugin::call-history.ivr-flow',
        'plugin::call-history.call-record',
      ])
    );
  });
});
