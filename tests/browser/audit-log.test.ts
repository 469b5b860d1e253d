/**
 * The Audit Log page in a real browser (tests/browser/run.sh builds the admin first): entries
 * written by real paths (a flag change, a robot) and by the audit service (a hold, a purge),
 * the kind filter, the CSV export. Screenshot: .github/screenshots/audit-log.png.
 */
import { readFileSync } from 'fs';
import path from 'path';

import type { BrowserContext, Page } from 'playwright-core';

import { bearer } from '../helpers/strapi';

import { SCREENSHOTS, browserSuite, logIn, noNotifications, subNav } from './support';

const browserApp = browserSuite();

describe('the Audit Log page in chromium', () => {
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ page, context } = await browserApp.newPage());
    const { app } = browserApp;
    await app
      .http()
      .put('/call-history/settings')
      .set(bearer(app.admin.token))
      .send({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'BOT_LEVEL' })
      .expect(200);
    await app
      .http()
      .post('/call-history/bots')
      .set(bearer(app.admin.token))
      .send({ kind: 'INTELLIGENT_ROBOT', name: 'Sales bot', accessCode: '1001' })
      .expect(201);
    // Entries of the other privacy actions, as their services write them.
    const audit = app.strapi.plugin('call-history').service('audit') as {
      record(entry: object, user?: object | null): Promise<void>;
    };
    const admin = { id: 1, email: app.admin.email };
    await audit.record(
      {
        action: 'calls.hold',
        subject: { callId: 'CALL-2026-0042' },
        changes: { held: { from: false, to: true } },
        reason: 'Complaint #7781 under review',
      },
      admin
    );
    await audit.record(
      { action: 'calls.purge', changes: { deleted: 1250, perAccessCode: { '1001': 1250 } } },
      null
    );
  });
  afterAll(async () => {
    await context?.close();
  });

  it('opens Audit Log from the sub-navigation and shows every entry', async () => {
    await logIn(browserApp, page, browserApp.app.admin.email, browserApp.app.admin.password);
    await subNav(page, 'Audit Log').click();
    await page.getByRole('heading', { name: 'Audit Log', level: 1 }).waitFor();
    const table = page.getByRole('grid');
    await table.getByText('Recording settings changed').waitFor();
    await table.getByText('Robot or IVR flow created').waitFor();
    await table.getByText('Legal hold placed').waitFor();
    await table.getByText('Expired calls purged').waitFor();
    await table.getByText('CHATRECORDFLAG: Off → On').waitFor();
    await table.getByText('Sales bot (1001)').waitFor();
    await table.getByText('Complaint #7781 under review').waitFor();
    await noNotifications(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'audit-log.png'), fullPage: true });
  });

  it('filters by kind', async () => {
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Robot or IVR flow created' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Apply' }).click();
    const table = page.getByRole('grid');
    await table.getByText('Recording settings changed').waitFor({ state: 'detached' });
    await table.getByText('Sales bot (1001)').waitFor();
    expect(await table.getByText('Legal hold placed').count()).toBe(0);
    expect(await table.getByRole('row').count()).toBe(2); // the header and the one entry
  });

  it('exports the filtered log as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('at,action,user,subject,changes,reason'); // trim() drops the BOM
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('bot.create');
  });

  it('raised no uncaught error in the page', () => {
    expect(browserApp.pageErrors).toEqual([]);
  });
});
