import createStrapi from '@strapi/strapi';
import type { Strapi } from '@strapi/types';
import { parse } from 'csv-parse/sync';
import request from 'supertest';

import { UID } from '../../server/src/constants';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { APP_DIR, bearer } from '../helpers/strapi';

/**
 * A developer extends call-record (DESIGN §2): search, details and export carry the new
 * attributes generically, and leave the private ones out. The attributes are added between
 * Strapi's register and bootstrap, where an `src/extensions` file would add them.
 */
describe('call-record extended by a developer', () => {
  let database: TestDatabase;
  let strapi: Strapi;
  let token: string;
  const http = () => request(strapi.server.httpServer);
  const period = { from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z' };

  beforeAll(async () => {
    database = await createTestDatabase();
    Object.assign(process.env, database.env);
    const instance = createStrapi({ appDir: APP_DIR, distDir: APP_DIR });
    await instance.register();
    const model = instance.contentTypes[UID.callRecord] as { attributes: Record<string, object> };
    model.attributes.region = { type: 'string' };
    model.attributes.satisfaction = { type: 'integer' };
    model.attributes.tags = { type: 'json' };
    model.attributes.internalNote = { type: 'string', private: true };
    await instance.bootstrap();
    strapi = instance as unknown as Strapi;
    await strapi.server.mount();
    const registered = await http()
      .post('/admin/register-admin')
      .send({
        email: 'ext@call-history.test',
        password: 'Ext-Pass-1234',
        firstname: 'E',
        lastname: 'X',
      })
      .expect(200);
    token = registered.body.data.token;
    await strapi.plugin('call-history').service('settings').update({ CHATRECORDFLAG: 'ON' });
    await strapi.db!.query(UID.callRecord).create({
      data: {
        callId: 'ext-1',
        callingNumber: '13800000001',
        accessCode: '5555',
        botKind: 'COMMON_IVR',
        startTime: '2026-05-01T08:00:00.000Z',
        endTime: '2026-05-01T08:02:00.000Z',
        region: 'north, "coast"',
        satisfaction: 4,
        tags: { vip: true },
        internalNote: 'not for agents',
      },
    });
  });
  afterAll(async () => {
    await strapi?.destroy();
    await database?.drop();
  });

  const extras = { region: 'north, "coast"', satisfaction: 4, tags: { vip: true } };

  it('returns the extra attributes in search and details, never the private ones', async () => {
    const search = await http()
      .get('/call-history/calls')
      .query(period)
      .set(bearer(token))
      .expect(200);
    expect(search.body.results[0]).toMatchObject(extras);
    expect(search.body.results[0]).not.toHaveProperty('internalNote');
    const details = await http().get('/call-history/calls/ext-1').set(bearer(token)).expect(200);
    expect(details.body.data).toMatchObject(extras);
    expect(details.body.data).not.toHaveProperty('internalNote');
    expect(details.body.data).not.toHaveProperty('callingNumberReversed');
  });

  it('exports them as extra CSV columns', async () => {
    const response = await http()
      .get('/call-history/calls/export')
      .query(period)
      .set(bearer(token))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    const [record] = parse(response.body as string, { columns: true }) as Array<
      Record<string, string>
    >;
    expect(record).toMatchObject({
      callId: 'ext-1',
      region: 'north, "coast"',
      satisfaction: '4',
      tags: '{"vip":true}',
    });
    expect(Object.keys(record)).not.toContain('internalNote');
  });
});
