import { PERMISSIONS } from '../../server/src/constants';
import { CALL_RECORD, INGEST_PATH, createApiToken, makeCall, setFlags } from '../helpers/ingest';
import {
  SHOWN_IN_CONTENT_MANAGER,
  bearer,
  createAdminUser,
  createRole,
  startTestApp,
  type TestApp,
} from '../helpers/strapi';

/**
 * Legal hold (docs/design.md#privacy): placed and released with a reason behind calls.hold,
 * audited without a number, shown by the search and Call Details, and written by nothing but
 * the hold service.
 */

const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
const cmPath = `/content-manager/collection-types/${CALL_RECORD}`;

type Row = Record<string, unknown>;

describe('legal hold', () => {
  let app: TestApp;
  let apiToken: string;
  let holder: string;
  let reader: string;
  const calls = () => app.strapi.db!.query(CALL_RECORD);
  const entityService = () =>
    app.strapi.entityService as unknown as {
      create(uid: string, params: object): Promise<unknown>;
      update(uid: string, id: number, params: object): Promise<unknown>;
    };
  const admin = () => bearer(app.admin.token);
  const store = async (callId: string, overrides: Row = {}) =>
    (await calls().create({ data: makeCall(callId, overrides) })) as { id: number };
  const stored = (callId: string) => calls().findOne({ where: { callId } }) as Promise<Row>;
  const post = (path: string, token: string, body: object) =>
    app.http().post(`/call-history${path}`).set(bearer(token)).send(body);
  const audit = async (action: string) =>
    (
      (await app.http().get('/call-history/audit').set(admin()).expect(200)).body.data as Row[]
    ).filter((entry) => entry.action === action);
  const search = async (body: object) =>
    (
      await post('/calls/search', app.admin.token, { ...PERIOD, pageSize: 100, ...body }).expect(
        200
      )
    ).body.results as Row[];

  beforeAll(async () => {
    app = await startTestApp(SHOWN_IN_CONTENT_MANAGER);
    await setFlags(app, { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
    apiToken = await createApiToken(app, 'legal-hold', 'full-access');
    await createRole(app, 'Hold keeper', [
      PERMISSIONS.callsRead,
      PERMISSIONS.callsDetails,
      PERMISSIONS.callsHold,
    ]);
    await createRole(app, 'Reader', [PERMISSIONS.callsRead, PERMISSIONS.callsDetails]);
    holder = await createAdminUser(app, 'keeper@call-history.test', ['Hold keeper']);
    reader = await createAdminUser(app, 'reader@call-history.test', ['Reader']);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('places and releases a hold on one call, each audited with who, which call and why', async () => {
    await store('one-1');
    await store('one-2', { startTime: '2026-03-01T09:00:00Z', endTime: '2026-03-01T09:01:00Z' });

    const held = await post('/calls/one-1/hold', holder, { reason: '  Dispute 42  ' }).expect(200);
    expect(held.body.data).toEqual({
      callId: 'one-1',
      held: true,
      heldAt: expect.any(String),
      holdReason: 'Dispute 42',
    });
    const heldAt = held.body.data.heldAt as string;
    expect(Math.abs(Date.parse(heldAt) - Date.now())).toBeLessThan(60_000);

    // A second hold keeps the first one's time and reason, and audits nothing.
    const again = await post('/calls/one-1/hold', holder, { reason: 'Another case' }).expect(200);
    expect(again.body.data).toEqual(held.body.data);

    const details = await app.http().get('/call-history/calls/one-1').set(admin()).expect(200);
    expect(details.body.data).toMatchObject({ held: true, heldAt, holdReason: 'Dispute 42' });
    const other = await app.http().get('/call-history/calls/one-2').set(admin()).expect(200);
    expect(other.body.data).toMatchObject({ held: false, heldAt: null, holdReason: null });

    const rows = await search({ callingNumber: '8613800138000' });
    const byId = Object.fromEntries(rows.map((row) => [row.callId, row]));
    expect(byId['one-1']).toMatchObject({ held: true });
    expect(byId['one-2']).toMatchObject({ held: false });
    for (const row of rows) {
      expect(row).not.toHaveProperty('heldAt');
      expect(row).not.toHaveProperty('holdReason');
    }

    const [holdEntry, ...otherHolds] = await audit('calls.hold');
    expect(otherHolds).toEqual([]);
    expect(holdEntry).toMatchObject({
      subject: { callId: 'one-1' },
      changes: { callIds: ['one-1'], held: 1, perAccessCode: { '10086': 1 } },
      reason: 'Dispute 42',
      user: { email: 'keeper@call-history.test' },
    });
    expect(Date.parse(String(holdEntry.at))).not.toBeNaN();

    const released = await post('/calls/one-1/release', holder, {
      reason: 'Dispute closed',
    }).expect(200);
    expect(released.body.data).toEqual({
      callId: 'one-1',
      held: false,
      heldAt: null,
      holdReason: null,
    });
    expect(await stored('one-1')).toMatchObject({ heldAt: null, holdReason: null });
    const [releaseEntry] = await audit('calls.release');
    expect(releaseEntry).toMatchObject({
      subject: { callId: 'one-1' },
      changes: {
        callIds: ['one-1'],
        heldAt: { from: heldAt, to: null },
        holdReason: { from: 'Dispute 42', to: null },
      },
      reason: 'Dispute closed',
      user: { email: 'keeper@call-history.test' },
    });
    for (const entry of [holdEntry, releaseEntry]) {
      expect(JSON.stringify(entry)).not.toMatch(/8613800138000|13800138000/);
    }

    const notHeld = await post('/calls/one-1/release', holder, { reason: 'again' }).expect(400);
    expect(notHeld.body.error.message).toMatch(/not held/);
    expect(await audit('calls.release')).toHaveLength(1);
    await post('/calls/no-such-call/hold', holder, { reason: 'x' }).expect(404);
  });

  it('refuses a hold or a release without a reason, naming reason', async () => {
    await store('no-reason');
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(1001) }]) {
      for (const path of ['/calls/no-reason/hold', '/calls/no-reason/release']) {
        const answer = await post(path, holder, body).expect(400);
        expect(answer.body.error.details.errors.map((e: { path: string[] }) => e.path)).toEqual([
          ['reason'],
        ]);
      }
    }
    const unknown = await post('/calls/no-reason/hold', holder, {
      reason: 'ok',
      heldAt: '2026-03-01T00:00:00Z',
    }).expect(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['heldAt']);

    const bulk = await post('/calls/hold', holder, { from: 'yesterday', to: PERIOD.to }).expect(
      400
    );
    expect(bulk.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toEqual([
      'from',
      'reason',
    ]);
    expect(await stored('no-reason')).toMatchObject({ heldAt: null });
  });

  it('refuses every hold route without calls.hold', async () => {
    await store('forbidden');
    await post('/calls/forbidden/hold', reader, { reason: 'x' }).expect(403);
    await post('/calls/forbidden/release', reader, { reason: 'x' }).expect(403);
    await post('/calls/hold', reader, { ...PERIOD, reason: 'x' }).expect(403);
    await app.http().post('/call-history/calls/forbidden/hold').send({ reason: 'x' }).expect(401);
    expect(await stored('forbidden')).toMatchObject({ heldAt: null });
  });

  it('holds exactly the calls a search matches, in batches, audited without a number', async () => {
    const day = (hour: number, minute = 0) =>
      `2026-03-05T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
    const bulk = (callId: string, overrides: Row) =>
      makeCall(callId, { startTime: day(8), endTime: day(8, 1), ...overrides });
    const ingest = async (data: object[]) => {
      const answer = await app
        .http()
        .post(INGEST_PATH)
        .set(bearer(apiToken))
        .send({ data })
        .expect(200);
      expect(answer.body.data.counts.stored).toBe(data.length);
    };
    // 2,100 matching calls (more than two batches), and neighbours that do not match.
    for (let start = 0; start < 2100; start += 1000) {
      await ingest(
        Array.from({ length: Math.min(1000, 2100 - start) }, (_, index) =>
          bulk(`bulk-${start + index}`, {
            callingNumber: `861390000${String(start + index).padStart(4, '0')}`,
            accessCode: index % 3 === 0 ? '95555' : '10086',
            botKind: index % 3 === 0 ? 'COMMON_IVR' : 'INTELLIGENT_ROBOT',
            startTime: day(8 + (index % 10), index % 60),
            endTime: day(9 + (index % 10), index % 60),
          })
        )
      );
    }
    await ingest([
      bulk('other-number', { callingNumber: '8613700000000' }),
      bulk('other-day', { startTime: '2026-03-06T08:00:00Z', endTime: '2026-03-06T08:01:00Z' }),
    ]);
    await post('/calls/bulk-7/hold', holder, { reason: 'Held first' }).expect(200);
    const firstHold = await stored('bulk-7');

    const filters = {
      from: '2026-03-05T00:00:00Z',
      to: '2026-03-06T00:00:00Z',
      callingNumber: '86139*',
      tz: 'Asia/Shanghai',
    };
    const answer = await post('/calls/hold', holder, {
      ...filters,
      reason: 'Regulator inquiry 17',
    }).expect(200);
    expect(answer.body.data).toEqual({ held: 2099, alreadyHeld: 1 });

    expect(
      await calls().count({ where: { callId: { $startsWith: 'bulk-' }, heldAt: { $null: true } } })
    ).toBe(0);
    expect(await stored('bulk-7')).toMatchObject({
      heldAt: firstHold.heldAt,
      holdReason: 'Held first',
    });
    expect(await stored('bulk-8')).toMatchObject({ holdReason: 'Regulator inquiry 17' });
    expect(await stored('other-number')).toMatchObject({ heldAt: null });
    expect(await stored('other-day')).toMatchObject({ heldAt: null });

    const [entry] = await audit('calls.hold');
    expect(entry).toMatchObject({
      subject: null,
      reason: 'Regulator inquiry 17',
      user: { email: 'keeper@call-history.test' },
      changes: {
        held: 2099,
        alreadyHeld: 1,
        perAccessCode: { '10086': 1397, '95555': 702 },
        filters: {
          from: '2026-03-05T00:00:00.000Z',
          to: '2026-03-06T00:00:00.000Z',
          tz: 'Asia/Shanghai',
          accessCode: null,
          callingNumber: { match: 'prefix', digits: '*****' },
        },
      },
    });
    expect(JSON.stringify(entry)).not.toMatch(/86139|8613900/);

    // Again: everything matching is held already, nothing is audited.
    const repeat = await post('/calls/hold', holder, { ...filters, reason: 'again' }).expect(200);
    expect(repeat.body.data).toEqual({ held: 0, alreadyHeld: 2100 });
    expect((await audit('calls.hold'))[0]).toMatchObject({ reason: 'Regulator inquiry 17' });

    const rows = await search({ ...filters, pageSize: 20 });
    expect(rows.map((row) => row.held)).toEqual(Array(20).fill(true));
  });

  it("keeps a hold reason out of the Content Manager's search", async () => {
    await store('cm-search');
    await post('/calls/cm-search/hold', holder, { reason: 'Zanzibar inquiry' }).expect(200);
    const listed = await app.http().get(`${cmPath}?_q=Zanzibar`).set(admin()).expect(200);
    expect(listed.body.results).toEqual([]);
    const byCallId = await app.http().get(`${cmPath}?_q=cm-search`).set(admin()).expect(200);
    expect(byCallId.body.results).toHaveLength(1);
  });

  describe.each([
    ['heldAt', '2026-03-01T10:00:00.000Z'],
    ['holdReason', 'Written around the hold service'],
  ])('%s, the hold service’s alone', (field, value) => {
    const named = { details: { errors: [{ path: [field] }] } };

    it('cannot be set through the Content Manager, the entity service or the Query Engine', async () => {
      const { id } = await store(`guard-set-${field}`);
      const before = await calls().findOne({ where: { id } });
      const cm = await app
        .http()
        .put(`${cmPath}/${id}`)
        .set(admin())
        .send({ [field]: value })
        .expect(400);
      expect(cm.body.error.details.errors[0].path).toEqual([field]);
      expect(cm.body.error.message).toMatch(/calls\.hold/);
      await expect(
        entityService().update(CALL_RECORD, id, { data: { [field]: value } })
      ).rejects.toMatchObject(named);
      await expect(
        calls().update({ where: { id }, data: { [field]: value } })
      ).rejects.toMatchObject(named);
      await expect(
        calls().updateMany({ where: { id }, data: { [field]: value } })
      ).rejects.toMatchObject(named);
      expect(await calls().findOne({ where: { id } })).toEqual(before);

      const created = await app
        .http()
        .post(cmPath)
        .set(admin())
        .send({ ...makeCall(`guard-cm-${field}`), [field]: value })
        .expect(400);
      expect(created.body.error.details.errors[0].path).toEqual([field]);
      await expect(
        entityService().create(CALL_RECORD, {
          data: { ...makeCall(`guard-es-${field}`), [field]: value },
        })
      ).rejects.toMatchObject(named);
      await expect(
        calls().create({ data: { ...makeCall(`guard-qe-${field}`), [field]: value } })
      ).rejects.toMatchObject(named);
      await expect(
        calls().createMany({ data: [{ ...makeCall(`guard-qm-${field}`), [field]: value }] })
      ).rejects.toMatchObject(named);
      expect(
        await calls().count({
          where: {
            callId: { $in: ['cm', 'es', 'qe', 'qm'].map((path) => `guard-${path}-${field}`) },
          },
        })
      ).toBe(0);
    });

    it('cannot be cleared around a release, and a form sent back unchanged keeps the hold', async () => {
      const { id } = await store(`guard-clear-${field}`);
      await post(`/calls/guard-clear-${field}/hold`, holder, { reason: 'Kept' }).expect(200);
      const held = await calls().findOne({ where: { id } });
      const cm = await app
        .http()
        .put(`${cmPath}/${id}`)
        .set(admin())
        .send({ [field]: null })
        .expect(400);
      expect(cm.body.error.details.errors[0].path).toEqual([field]);
      await expect(
        entityService().update(CALL_RECORD, id, { data: { [field]: null } })
      ).rejects.toMatchObject(named);
      await expect(calls().update({ where: { id }, data: { [field]: '' } })).rejects.toMatchObject(
        named
      );

      const read = await app.http().get(`${cmPath}/${id}`).set(admin()).expect(200);
      const form = { ...read.body, csat: 4 };
      delete form.createdBy;
      delete form.updatedBy;
      await app.http().put(`${cmPath}/${id}`).set(admin()).send(form).expect(200);
      expect(await calls().findOne({ where: { id } })).toMatchObject({
        heldAt: held.heldAt,
        holdReason: 'Kept',
        csat: 4,
      });
    });

    it('is refused by the batch ingest, which stores nothing of the call', async () => {
      const answer = await app
        .http()
        .post(INGEST_PATH)
        .set(bearer(apiToken))
        .send({ data: [makeCall(`ingest-${field}`, { [field]: value })] })
        .expect(200);
      expect(answer.body.data.results[0]).toMatchObject({ status: 'invalid', path: field });
      expect(await calls().count({ where: { callId: `ingest-${field}` } })).toBe(0);
    });
  });
});
