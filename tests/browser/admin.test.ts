/**
 * The admin pages in a real browser: Debian's chromium driven by playwright-core against the
 * host app's production admin build, served by a real Strapi on a fresh SQLite database.
 * Run through tests/browser/run.sh (it builds the admin first). Screenshots go to
 * .github/screenshots/.
 */
import { readFileSync } from 'fs';
import path from 'path';

import { DateTime } from 'luxon';
import type { BrowserContext, Page } from 'playwright-core';

import { bearer, createAdminUser } from '../helpers/strapi';

import {
  SCREENSHOTS,
  ZONE,
  logIn as logInTo,
  noNotifications,
  subNav,
  browserSuite,
  recentInstant,
} from './support';

const browserApp = browserSuite();
const logIn = (page: Page, email: string, password: string, menuLink?: string) =>
  logInTo(browserApp, page, email, password, menuLink);
const newPage = () => browserApp.newPage();

/** A call of today in the browser's zone, `minutesAgo` before now. */
const at = recentInstant;

const seedCalls = async () => {
  const calls = browserApp.app.strapi.db?.query('plugin::call-history.call-record');
  if (!calls) throw new Error('no database');
  const robotCall = {
    callId: 'CALL-BROWSER-0001',
    callingNumber: '8613800005678',
    calledNumber: '4001',
    accessCode: '1001',
    startTime: at(30),
    endTime: at(28),
    endReason: 'USER_HANGUP',
    flowTrace: [
      {
        seq: 1,
        at: at(30),
        nodeId: 'start',
        nodeName: 'Welcome',
        nodeType: 'PLAY',
        botReply: 'Hello, this is the sales line.',
      },
      {
        seq: 2,
        at: at(29.5),
        nodeId: 'ask',
        nodeName: 'Ask intent',
        nodeType: 'ASK',
        userInput: 'I want to buy a phone',
        botReply: 'Which model?',
        resultCode: 'OK',
      },
      {
        seq: 3,
        at: at(28.5),
        nodeId: 'crm',
        nodeName: 'CRM lookup',
        nodeType: 'API',
        resultCode: 'OK',
      },
      {
        seq: 4,
        at: at(27.9),
        nodeId: 'sys',
        nodeName: 'Session cleanup',
        nodeType: 'sys_err',
        resultCode: 'SESSION_GONE',
      },
    ],
  };
  await calls.create({ data: robotCall });
  await calls.create({
    data: {
      callId: 'CALL-BROWSER-0002',
      callingNumber: '8613900005678',
      accessCode: '2001',
      startTime: at(20),
      endTime: at(19),
      endReason: 'TRANSFER',
      flowTrace: [{ seq: 1, at: at(20), nodeId: 'menu', nodeName: 'Main menu', nodeType: 'MENU' }],
    },
  });
  // Background traffic over three days, for the chart and the per-access-code counts.
  for (let i = 0; i < 24; i += 1) {
    const start = recentInstant((2 + i * 2.5) * 60);
    await calls.create({
      data: {
        callId: `CALL-BROWSER-${String(100 + i)}`,
        callingNumber: `86137${String(10000000 + i * 7919).slice(0, 8)}`,
        accessCode: i % 3 === 0 ? '2001' : '1001',
        startTime: start,
        endTime: new Date(start.getTime() + (40 + i) * 1000),
        endReason: i % 4 === 0 ? 'TRANSFER' : 'USER_HANGUP',
      },
    });
  }
};

describe('the admin pages in chromium', () => {
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ page, context } = await newPage());
    // The robot through the admin API; the IVR flow through its form below.
    await browserApp.app
      .http()
      .post('/call-history/bots')
      .set(bearer(browserApp.app.admin.token))
      .send({
        kind: 'INTELLIGENT_ROBOT',
        name: 'Sales bot',
        accessCode: '1001',
        description: 'Pre-sales questions',
      })
      .expect(201);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('logs in and opens the Configuration Center on Historical Call', async () => {
    await logIn(page, browserApp.app.admin.email, browserApp.app.admin.password);
    await page.getByRole('heading', { name: 'Historical Call', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Call History' }).waitFor();
    for (const name of ['Intelligent Robots', 'IVR Flows', 'System Settings', 'Historical Call']) {
      await subNav(page, name).waitFor();
    }
  });

  it('sets the three flags with a confirmation and a notification; the history shows it', async () => {
    await subNav(page, 'System Settings').click();
    const group = (name: string) => page.getByRole('radiogroup', { name });
    await group('Historical call records (CHATRECORDFLAG)')
      .getByRole('radio', { name: 'On', exact: true })
      .check();
    await group('Robot flow details (FLOWRECORDFLAG)')
      .getByRole('radio', { name: 'On', exact: true })
      .check();
    await group('IVR flow details (CCIVRRECORDFLAG)')
      .getByRole('radio', { name: 'Bot-level control' })
      .check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('CHATRECORDFLAG: Off → On').waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Recording settings saved: new calls follow them from now on.').waitFor();
    await page.getByText('CCIVRRECORDFLAG: Off → Bot-level control').waitFor();
    const stored = await browserApp.app.strapi.plugin('call-history').service('settings').get();
    expect(stored).toEqual({
      CHATRECORDFLAG: 'ON',
      FLOWRECORDFLAG: 'ON',
      CCIVRRECORDFLAG: 'BOT_LEVEL',
      // Saving the flags leaves the retention period as it was: keep forever.
      retentionDays: null,
    });
    await noNotifications(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'system-settings.png'), fullPage: true });
  });

  it('creates an IVR flow with its switch off and shows a duplicate access code at the field', async () => {
    await subNav(page, 'IVR Flows').click();
    await page.getByText('No IVR flow yet.').waitFor();
    await page.getByRole('button', { name: 'New IVR flow' }).first().click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Name').fill('Main IVR');
    await modal.getByLabel('Access code').fill('1001');
    await modal.getByRole('checkbox', { name: 'Flow call recording' }).uncheck();
    await modal.getByRole('button', { name: 'Save' }).click();
    // The server's refusal in the user's words, with what to do.
    await modal
      .getByText('This access code is already used by the robot "Sales bot": choose another code.')
      .waitFor();
    await modal.getByLabel('Access code').fill('2001');
    await modal.getByRole('button', { name: 'Save' }).click();
    await modal.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Main IVR/ });
    await row.getByText('Recording: on — by tenant flag').waitFor();
    await row.getByText("Flow details: off — by this IVR flow's switch").waitFor();
    await subNav(page, 'Intelligent Robots').click();
    await page
      .getByRole('row', { name: /Sales bot/ })
      .getByText('Flow details: on — by tenant flag')
      .waitFor();
    await noNotifications(page);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'intelligent-robots.png'),
      fullPage: true,
    });
  });

  it('searches by period and last digits, with the chart, in the browser time zone', async () => {
    await seedCalls();
    await subNav(page, 'Historical Call').click();
    await page.getByText(`Days and times are in your time zone: ${ZONE}.`).waitFor();
    // A two-day period through the URL (filters live there), then the suffix through the form.
    const today = DateTime.now().setZone(ZONE);
    const from = today.minus({ days: 3 }).toISODate();
    await page.goto(
      `${browserApp.baseUrl}/admin/plugins/call-history/historical-call?from=${from}&to=${today.toISODate()}`
    );
    await page.getByText('Showing 20 of 26 calls').waitFor();
    // The date pickers show the days of the URL, in the browser's zone.
    expect(await page.getByRole('combobox', { name: 'From (first day)' }).inputValue()).toBe(
      today.minus({ days: 3 }).toFormat('MM/dd/yyyy')
    );
    expect(await page.getByRole('combobox', { name: 'To (last day)' }).inputValue()).toBe(
      today.toFormat('MM/dd/yyyy')
    );
    await page.getByLabel('Calling number').fill('*5678');
    // The page's own address keeps the filters; its requests to the server carry them in bodies.
    const apiRequests: Array<{ method: string; url: string; body: string | null }> = [];
    const onRequest = (request: { method(): string; url(): string; postData(): string | null }) => {
      if (request.url().includes('/call-history/')) {
        apiRequests.push({
          method: request.method(),
          url: request.url(),
          body: request.postData(),
        });
      }
    };
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('Showing 2 of 2 calls').waitFor();
    page.off('request', onRequest);
    expect(page.url()).toContain('callingNumber=*5678');
    expect(apiRequests.filter((request) => request.url.includes('5678'))).toEqual([]);
    // A new search asks for its first page and its statistics in one request.
    const searches = apiRequests.filter((request) => request.url.endsWith('/calls/page'));
    expect(searches).toHaveLength(1);
    expect(apiRequests.filter((request) => /\/calls\/(search|stats)$/.test(request.url))).toEqual(
      []
    );
    expect(searches[0].method).toBe('POST');
    expect(JSON.parse(searches[0].body ?? '{}')).toMatchObject({ callingNumber: '*5678' });
    const robotRow = page.getByRole('row', { name: /CALL-BROWSER-0001/ });
    await robotRow.getByText('Sales bot').waitFor();
    await robotRow.getByText('Recorded').waitFor();
    await page
      .getByRole('row', { name: /CALL-BROWSER-0002/ })
      .getByText('Not recorded')
      .waitFor();
    await page.locator('.recharts-surface path.recharts-rectangle').first().waitFor();
    // The chart's text alternative: the same counts in a table only screen readers see.
    await page.getByRole('table', { name: 'Calls per day' }).waitFor({ state: 'attached' });
    // Off the refresh button, or its tooltip covers the filters in the screenshot.
    await page.mouse.move(0, 0);
    await page.getByRole('tooltip').waitFor({ state: 'hidden' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'call-history.png'), fullPage: true });
  });

  it('opens Call Details with the benign after-hang-up sys_err marked', async () => {
    await page
      .getByRole('row', { name: /CALL-BROWSER-0001/ })
      .getByRole('button', { name: 'Details' })
      .click();
    const modal = page.getByRole('dialog');
    await modal.getByText('Call Details — CALL-BROWSER-0001').waitFor();
    const steps = modal.getByRole('list', { name: 'Flow trace' }).getByRole('listitem');
    await expectCount(steps, 4);
    await steps.nth(3).getByText('after hang-up — no business impact').waitFor();
    expect(
      await steps
        .nth(2)
        .getByText(/after hang-up/)
        .count()
    ).toBe(0);
    await modal.getByText('User: I want to buy a phone').waitFor();
    expect(page.url()).toContain('call=CALL-BROWSER-0001');
    // A taller window so the whole trace, down to the after-hang-up step, is in the picture.
    await page.setViewportSize({ width: 1600, height: 1300 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'call-details.png') });
    await page.setViewportSize({ width: 1600, height: 1000 });
    await modal.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('says which switch kept the IVR call details out', async () => {
    await page
      .getByRole('row', { name: /CALL-BROWSER-0002/ })
      .getByRole('button', { name: 'Details' })
      .click();
    await page
      .getByRole('dialog')
      .getByText(
        'Flow details were not recorded: CCIVRRECORDFLAG was set to Bot-level control, and the IVR flow "Main IVR" (2001) had its flow call recording switch off.'
      )
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('exports the search as CSV through a single-use opaque link, streamed by the browser', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.url()).toMatch(/\/call-history\/calls\/export\/download\?ticket=[\w-]{43}$/);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    // The byte order mark that tells Excel the file is UTF-8.
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).join('\n')).toContain('CALL-BROWSER-0001');
    expect(lines.slice(1).join('\n')).toContain('CALL-BROWSER-0002');
  });
});

describe('an Agent in chromium', () => {
  it('sees System Settings read-only and no export button', async () => {
    await createAdminUser(browserApp.app, 'agent@call-history.test', ['Agent']);
    const { context, page } = await newPage();
    try {
      await logIn(page, 'agent@call-history.test', 'User-Pass-1234');
      await page.getByRole('heading', { name: 'Historical Call', level: 1 }).waitFor();
      await page.getByText(/Showing \d+ of \d+ calls/).waitFor();
      expect(await page.getByRole('button', { name: 'Export CSV' }).count()).toBe(0);
      await subNav(page, 'System Settings').click();
      await page.getByText('Read-only').waitFor();
      await page.getByText('CHATRECORDFLAG: Off → On').waitFor();
      const radios = page.getByRole('radio');
      await expectCount(radios, 9);
      for (let i = 0; i < 9; i += 1) expect(await radios.nth(i).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('sees the pages in Simplified Chinese when that is the interface language', async () => {
    const { context, page } = await newPage();
    try {
      await page.addInitScript({
        content: "window.localStorage.setItem('strapi-admin-language', 'zh-Hans');",
      });
      await logIn(page, 'agent@call-history.test', 'User-Pass-1234', '配置中心');
      await page.getByRole('heading', { name: '历史通话', level: 1 }).waitFor();
      await page.getByRole('tab', { name: '通话历史' }).waitFor();
      await page.getByText(`日期和时间以您的时区显示：${ZONE}。`).waitFor();
      await subNav(page, '系统设置').waitFor();
    } finally {
      await context.close();
    }
  });

  it("shows a user without the plugin's actions no menu link and Strapi's no-permission page", async () => {
    await createAdminUser(browserApp.app, 'author@call-history.test', ['Author']);
    const { context, page } = await newPage();
    try {
      await page.goto(`${browserApp.baseUrl}/admin/auth/login`);
      await page.locator('input[name="email"]').fill('author@call-history.test');
      await page.locator('input[name="password"]').fill('User-Pass-1234');
      await page.locator('button[type="submit"]').click();
      await page.getByRole('link', { name: 'Content Manager' }).waitFor();
      expect(await page.getByRole('link', { name: 'Configuration Center' }).count()).toBe(0);
      await page.goto(`${browserApp.baseUrl}/admin/plugins/call-history/system-settings`);
      await page.getByText("You don't have the permissions to access that content").waitFor();
      expect(await page.getByRole('radio').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('raised no uncaught error in the pages', () => {
    expect(browserApp.pageErrors).toEqual([]);
  });
});

/** Waits until the locator matches exactly `count` elements. */
async function expectCount(locator: ReturnType<Page['locator']>, count: number) {
  await locator.nth(count - 1).waitFor();
  expect(await locator.count()).toBe(count);
}
