import { PERMISSIONS, UID } from '../../server/src/constants';
import { CALL_RECORD, makeCall, setFlags } from '../helpers/ingest';
import { bearer, createAdminUser, createRole, startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Saved searches (docs/design.md#saved-searches): each admin's own, behind calls.read, validated
 * as the search is, and deleted by an erasure of a number their filter finds.
 */

const PERIOD = { from: '2026-03-01T00:00:00+08:00', to: '2026-03-08T00:00:00+08:00' };
const ROUTE = '/call-history/saved-searches';

interface Saved {
  id: number;
  name: string;
  search: Record<string, unknown>;
  createdAt: string;
}

describe('saved searches', () => {
  let app: TestApp;
  let agent: string;
  let otherAgent: string;

  const save = (body: Record<string, unknown>, token = agent) =>
    app.http().post(ROUTE).set(bearer(token)).send(body);
  const list = async (token = agent) =>
    (await app.http().get(ROUTE).set(bearer(token)).expect(200)).body.data as Saved[];
  const remove = (id: number | string, token = agent) =>
    app.http().delete(`${ROUTE}/${id}`).set(bearer(token));
  const pathsOf = (response: {
    body: { error: { details: { errors: Array<{ path: string[] }> } } };
  }) => response.body.error.details.errors.map((error) => error.path[0]);

  beforeAll(async () => {
    app = await startTestApp();
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
    agent = await createAdminUser(app, 'agent-a@call-history.test', ['Agent']);
    otherAgent = await createAdminUser(app, 'agent-b@call-history.test', ['Agent']);
    for (const [callId, callingNumber, minutes] of [
      ['saved-1', '8613812345678', 1],
      ['saved-2', '8613812345678', 9],
      ['saved-3', '8613900000000', 5],
    ] as const) {
      await app.strapi.db!.query(CALL_RECORD).create({
        data: makeCall(callId, {
          callingNumber,
          startTime: '2026-03-02T08:00:00Z',
          endTime: `2026-03-02T08:${String(minutes).padStart(2, '0')}:00Z`,
        }),
      });
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('saves a search, lists it to its owner only, and runs it as it was saved', async () => {
    const created = await save({
      ...PERIOD,
      name: '  Longest calls of 138  ',
      callingNumber: ' 86138* ',
      tz: 'Asia/Shanghai',
      sort: 'durationSeconds:desc',
      pageSize: '50',
    }).expect(201);
    const saved = created.body.data as Saved;
    expect(saved).toEqual({
      id: expect.any(Number),
      name: 'Longest calls of 138',
      search: {
        ...PERIOD,
        callingNumber: '86138*',
        tz: 'Asia/Shanghai',
        sort: 'durationSeconds:desc',
        pageSize: 50,
      },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(await list()).toEqual([saved]);
    expect(await list(otherAgent)).toEqual([]);

    // Run again: the saved body is a search body as it is.
    const page = await app
      .http()
      .post('/call-history/calls/search')
      .set(bearer(agent))
      .send(saved.search)
      .expect(200);
    expect(page.body.results.map((call: { callId: string }) => call.callId)).toEqual([
      'saved-2',
      'saved-1',
    ]);
    expect(page.body.pagination).toMatchObject({ sort: 'durationSeconds:desc', pageSize: 50 });
  });

  it('fills in the defaults: UTC, newest first, 20 a page', async () => {
    const saved = (await save({ ...PERIOD, name: 'Defaults' }).expect(201)).body.data as Saved;
    expect(saved.search).toEqual({ ...PERIOD, tz: 'UTC', sort: 'startTime:desc', pageSize: 20 });
    expect((await list()).map((entry) => entry.name)).toEqual(['Defaults', 'Longest calls of 138']);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no name', { ...PERIOD }, ['name']],
    ['a blank name', { ...PERIOD, name: '   ' }, ['name']],
    ['a name of 101 characters', { ...PERIOD, name: 'x'.repeat(101) }, ['name']],
    ['a name that is not text', { ...PERIOD, name: 42 }, ['name']],
    ['no period', { name: 'No period' }, ['from', 'to']],
    ['a reversed period', { name: 'Reversed', from: PERIOD.to, to: PERIOD.from }, ['to']],
    [
      'a wildcard on both ends',
      { ...PERIOD, name: 'Both', callingNumber: '*56*' },
      ['callingNumber'],
    ],
    ['a page size of 10', { ...PERIOD, name: 'Ten', pageSize: 10 }, ['pageSize']],
    ['an unknown sort', { ...PERIOD, name: 'Sort', sort: 'id:asc' }, ['sort']],
    ['a cursor', { ...PERIOD, name: 'Cursor', cursor: 'abc.def' }, ['cursor']],
    ['an unknown field', { ...PERIOD, name: 'Shared', sharedWith: [2] }, ['sharedWith']],
    [
      'everything wrong',
      { name: '', pageSize: 7, sort: 'x' },
      ['name', 'from', 'to', 'sort', 'pageSize'],
    ],
  ])('refuses %s, naming the field', async (_label, body, paths) => {
    const response = await save(body).expect(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(pathsOf(response)).toEqual(paths);
  });

  it('refuses a name the admin already uses, not one another admin uses', async () => {
    const again = await save({ ...PERIOD, name: 'Defaults' }).expect(400);
    expect(pathsOf(again)).toEqual(['name']);
    await save({ ...PERIOD, name: 'Defaults' }, otherAgent).expect(201);
  });

  it("deletes the admin's own, and answers 404 for another admin's", async () => {
    const [theirs] = await list(otherAgent);
    await remove(theirs.id).expect(404);
    expect(await list(otherAgent)).toHaveLength(1);
    await remove('not-an-id').expect(404);
    const deleted = await remove(theirs.id, otherAgent).expect(200);
    expect(deleted.body.data).toEqual({ id: theirs.id });
    expect(await list(otherAgent)).toEqual([]);
    await remove(theirs.id, otherAgent).expect(404);
  });

  it('is behind calls.read', async () => {
    await createRole(app, 'Settings only', [PERMISSIONS.settingsRead]);
    const reader = await createAdminUser(app, 'settings@call-history.test', ['Settings only']);
    await app.http().get(ROUTE).set(bearer(reader)).expect(403);
    await save({ ...PERIOD, name: 'Nope' }, reader).expect(403);
    await remove(1, reader).expect(403);
    await app.http().get(ROUTE).expect(401);
  });

  it('is hidden from the Content Manager and the Content-Type Builder', async () => {
    const types = await app
      .http()
      .get('/content-manager/content-types')
      .set(bearer(app.admin.token))
      .expect(200);
    const shown = (types.body.data as Array<{ uid: string; isDisplayed: boolean }>).find(
      (type) => type.uid === UID.savedSearch
    );
    expect(shown?.isDisplayed ?? false).toBe(false);
    const builder = await app
      .http()
      .get('/content-type-builder/content-types')
      .set(bearer(app.admin.token))
      .expect(200);
    const listed = (builder.body.data as Array<{ uid: string; schema: { visible: boolean } }>).find(
      (type) => type.uid === UID.savedSearch
    );
    expect(listed?.schema.visible ?? false).toBe(false);
  });

  it('deletes, with an erasure of a number, every saved search whose filter finds it', async () => {
    const number = '8613812345678';
    const names = {
      exact: number,
      prefix: '86138*',
      suffix: '*5678',
      // The erasure matches the number with and without its +: so do the searches it deletes.
      plusExact: `+${number}`,
      plusPrefix: '+86138*',
      otherNumber: '8613900000000',
      otherSuffix: '*0000',
    };
    for (const [name, callingNumber] of Object.entries(names)) {
      await save({ ...PERIOD, name: `erase ${name}`, callingNumber }, otherAgent).expect(201);
    }
    await save({ ...PERIOD, name: 'erase no number' }, otherAgent).expect(201);
    const before = (await list()).length;

    const erased = await app
      .http()
      .post('/call-history/calls/erase')
      .set(bearer(app.admin.token))
      .send({ callingNumber: number, reason: 'Data subject request 12' })
      .expect(200);
    expect(erased.body.data).toEqual({ erased: 2, held: 0 });

    expect((await list(otherAgent)).map((saved) => saved.name).sort()).toEqual(
      ['erase no number', 'erase otherNumber', 'erase otherSuffix'].sort()
    );
    // The first agent's "86138*" search finds the number too.
    expect((await list()).map((saved) => saved.name)).toEqual(['Defaults']);
    expect(before).toBe(2);

    const rows = (await app.strapi.db!.query(UID.savedSearch).findMany({})) as object[];
    expect(JSON.stringify(rows)).not.toContain('12345678');

    const [entry] = (await app.strapi.db!.query(UID.auditEntry).findMany({
      where: { action: 'calls.erase' },
    })) as Array<{ changes: Record<string, unknown> }>;
    expect(entry.changes).toMatchObject({ erased: 2, savedSearches: 6 });
    expect(JSON.stringify(entry)).not.toContain(number);
  });

  it('goes with its owner when the admin user is deleted', async () => {
    const leaving = await createAdminUser(app, 'leaving@call-history.test', ['Agent']);
    await save({ ...PERIOD, name: 'Mine', callingNumber: '86138*' }, leaving).expect(201);
    const owned = () =>
      app.strapi.db!.query(UID.savedSearch).count({ where: { name: 'Mine' } }) as Promise<number>;
    expect(await owned()).toBe(1);
    const others = (await list()).length;
    const [user] = (await app.strapi.db!.query('admin::user').findMany({
      select: ['id'],
      where: { email: 'leaving@call-history.test' },
    })) as Array<{ id: number }>;

    await app.http().delete(`/admin/users/${user!.id}`).set(bearer(app.admin.token)).expect(200);

    expect(await owned()).toBe(0);
    expect(await list()).toHaveLength(others);
  });
});
