/**
 * Legal hold in a real browser: placing and releasing a hold from Call Details, and holding
 * every call of a search from Call History. Run through tests/browser/run.sh; screenshots go to
 * .github/screenshots/.
 */
import path from 'path';

import { DateTime } from 'luxon';
import type { BrowserContext, Page } from 'playwright-core';

import { bearer } from '../helpers/strapi';

import {
  SCREENSHOTS,
  ZONE,
  browserSuite,
  logIn,
  noNotifications,
  subNav,
  recentInstant,
} from './support';

const browserApp = browserSuite();

/** A call of today in the browser's zone, `minutesAgo` before now. */
const at = recentInstant;

/** Six calls of the last hours; four of them from numbers ending in 5678. */
const seedCalls = async () => {
  const calls = browserApp.app.strapi.db?.query('plugin::call-history.call-record');
  if (!calls) throw new Error('no database');
  const numbers = [
    '8613800005678',
    '8613900005678',
    '8613700001234',
    '8613600005678',
    '8613500004321',
    '8613400005678',
  ];
  for (const [index, callingNumber] of numbers.entries()) {
    await calls.create({
      data: {
        callId: `CALL-HOLD-000${index + 1}`,
        callingNumber,
        calledNumber: '4001',
        accessCode: index % 2 === 0 ? '1001' : '2001',
        botKind: index % 2 === 0 ? 'INTELLIGENT_ROBOT' : 'COMMON_IVR',
        startTime: at(30 + index * 20),
        endTime: at(28 + index * 20),
        endReason: index % 3 === 0 ? 'TRANSFER' : 'USER_HANGUP',
      },
    });
  }
};

const auditActions = async () =>
  (
    (
      await browserApp.app
        .http()
        .get('/call-history/audit')
        .set(bearer(browserApp.app.admin.token))
        .expect(200)
    ).body.data as Array<{ action: string; reason: string | null }>
  ).map((entry) => `${entry.action}: ${entry.reason}`);

describe('legal hold in chromium', () => {
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ page, context } = await browserApp.newPage());
    await browserApp.app
      .http()
      .put('/call-history/settings')
      .set(bearer(browserApp.app.admin.token))
      .send({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' })
      .expect(200);
    await browserApp.app
      .http()
      .post('/call-history/bots')
      .set(bearer(browserApp.app.admin.token))
      .send({ kind: 'INTELLIGENT_ROBOT', name: 'Sales bot', accessCode: '1001' })
      .expect(201);
    await seedCalls();
    await logIn(browserApp, page, browserApp.app.admin.email, browserApp.app.admin.password);
    await subNav(page, 'Historical Call').click();
    await page.getByText(`Days and times are in your time zone: ${ZONE}.`).waitFor();
    const today = DateTime.now().setZone(ZONE);
    await page.goto(
      `${browserApp.baseUrl}/admin/plugins/call-history/historical-call?from=${today
        .minus({ days: 1 })
        .toISODate()}&to=${today.toISODate()}`
    );
    await page.getByText('Showing 6 of 6 calls').waitFor();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('places a hold with a reason from Call Details, shows it, and releases it with a reason', async () => {
    await page
      .getByRole('row', { name: /CALL-HOLD-0001/ })
      .getByRole('button', { name: 'Details' })
      .click();
    const details = page.getByRole('dialog', { name: 'Call Details — CALL-HOLD-0001' });
    await details.getByText('Not under legal hold', { exact: false }).waitFor();
    await details.getByRole('button', { name: 'Place legal hold' }).click();

    const ask = page.getByRole('dialog', { name: 'Place a legal hold on CALL-HOLD-0001?' });
    await ask.getByRole('button', { name: 'Place legal hold' }).click();
    await ask.getByText('Give a reason: it is kept in the audit log.').waitFor();
    await ask
      .getByLabel('Reason')
      .fill('Customer complaint 2026-118: kept until the dispute closes');
    await ask.getByRole('button', { name: 'Place legal hold' }).click();
    await ask.waitFor({ state: 'detached' });

    await details.getByText('Customer complaint 2026-118: kept until the dispute closes').waitFor();
    await details.getByText(/^Under legal hold since /).waitFor();
    await details.getByRole('button', { name: 'Release hold' }).waitFor();
    await page
      .getByRole('row', { name: /CALL-HOLD-0001/ })
      .getByText('Held')
      .waitFor();
    await noNotifications(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'call-details-hold.png') });

    await details.getByRole('button', { name: 'Release hold' }).click();
    const release = page.getByRole('dialog', { name: 'Release the hold on CALL-HOLD-0001?' });
    await release.getByLabel('Reason').fill('Dispute closed');
    await release.getByRole('button', { name: 'Release hold' }).click();
    await release.waitFor({ state: 'detached' });
    await details.getByRole('button', { name: 'Place legal hold' }).waitFor();
    await details.getByRole('button', { name: 'Close', exact: true }).click();
    expect(
      await page
        .getByRole('row', { name: /CALL-HOLD-0001/ })
        .getByText('Held')
        .count()
    ).toBe(0);

    expect((await auditActions()).slice(0, 2)).toEqual([
      'calls.release: Dispute closed',
      'calls.hold: Customer complaint 2026-118: kept until the dispute closes',
    ]);
  });

  it('holds every call matching a search after confirming how many', async () => {
    await page.getByLabel('Calling number').fill('*5678');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('Showing 4 of 4 calls').waitFor();

    await page.getByRole('button', { name: 'Hold all matching' }).click();
    const ask = page.getByRole('dialog', { name: 'Place a legal hold on every matching call?' });
    await ask.getByText(/^4 calls match this search, and will be held\./).waitFor();
    await ask.getByLabel('Reason').fill('Regulator inquiry 2026-17');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'call-history-hold-confirm.png') });
    await ask.getByRole('button', { name: 'Hold all matching' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.getByText('4 calls held; 0 already held.').waitFor();

    const held = page.getByRole('row').filter({ hasText: 'Held' });
    await held.nth(3).waitFor();
    expect(await held.count()).toBe(4);
    await noNotifications(page);
    await page.mouse.move(0, 0);
    await page.getByRole('tooltip').waitFor({ state: 'hidden' });
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'call-history-hold.png'),
      fullPage: true,
    });

    expect((await auditActions())[0]).toBe('calls.hold: Regulator inquiry 2026-17');
    const stored = await browserApp.app.strapi.db
      ?.query('plugin::call-history.call-record')
      .count({ where: { heldAt: { $notNull: true } } });
    expect(stored).toBe(4);
  });

  it('raised no uncaught error in the pages', () => {
    expect(browserApp.pageErrors).toEqual([]);
  });
});
