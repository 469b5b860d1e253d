/**
 * The pages agents use all day, as an agent meets them: keyboard only, checked by axe-core for
 * serious and critical accessibility violations (every plugin page, Call Details, the
 * confirmations), and in the dark theme and in Simplified Chinese, with screenshots of each.
 * Run through tests/browser/run.sh.
 */
import path from 'path';

import { AxeBuilder } from '@axe-core/playwright';
import { DateTime } from 'luxon';
import type { Locator, Page } from 'playwright-core';

import { bearer } from '../helpers/strapi';

import {
  SCREENSHOTS,
  ZONE,
  browserSuite,
  logIn as logInTo,
  noNotifications,
  subNav,
  recentInstant,
} from './support';

const browserApp = browserSuite();
// Axe, full-page screenshots and a keyboard walk: slow on a busy 2-core machine.
jest.setTimeout(300_000);
const logIn = (page: Page, menuLink?: string) =>
  logInTo(browserApp, page, browserApp.app.admin.email, browserApp.app.admin.password, menuLink);

const ZH = "window.localStorage.setItem('strapi-admin-language', 'zh-Hans');";

/** 24 calls over the last two days (two pages of 20), three of them with a flow trace. */
const seedCalls = async () => {
  const calls = browserApp.app.strapi.db?.query('plugin::call-history.call-record');
  if (!calls) throw new Error('no database');
  for (let i = 0; i < 24; i += 1) {
    const start = recentInstant(30 + i * 95);
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    await calls.create({
      data: {
        callId: `CALL-AGENT-${String(100 + i)}`,
        callingNumber: `86137${String(10000000 + i * 7919).slice(0, 8)}`,
        calledNumber: '4001',
        accessCode: i % 3 === 0 ? '2001' : '1001',
        startTime: start,
        endTime: at(40 + i),
        endReason: i % 4 === 0 ? 'TRANSFER' : 'USER_HANGUP',
        queueName: 'north-1',
        customerTier: 'GOLD',
        flowTrace:
          i < 3
            ? [
                { seq: 1, at: at(0), nodeId: 'start', nodeName: 'Welcome', nodeType: 'PLAY' },
                {
                  seq: 2,
                  at: at(5),
                  nodeId: 'ask',
                  nodeName: 'Ask intent',
                  nodeType: 'ASK',
                  userInput: 'I want to buy a phone',
                  botReply: 'Which model?',
                  resultCode: 'OK',
                },
              ]
            : null,
      },
    });
  }
};

/**
 * The serious and critical violations axe finds on the page. Strapi's own admin chrome (the
 * main menu and the page's skip link, outside the plugin's markup) is out of the plugin's hands:
 * `exclude` names those nodes by precise selectors.
 */
const violations = async (page: Page, include?: string) => {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const { violations: found } = await builder.analyze();
  return found
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
};

/** Presses Tab until `target` has the focus: how a keyboard user reaches it. */
const tabTo = async (page: Page, target: Locator, limit = 80) => {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
};

/**
 * Moves the focus to `target`, a button inside the results table, with the keyboard: Tab into
 * the table, then the arrow keys, as the design system's table is a grid with one tab stop
 * (its cells are reached with the arrows).
 */
const arrowTo = async (page: Page, table: Locator, target: Locator) => {
  for (let i = 0; i < 200; i += 1) {
    if (await table.evaluate((element) => element.contains(element.ownerDocument.activeElement))) {
      break;
    }
    await page.keyboard.press('Tab');
  }
  for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 30; i += 1) {
    if (await target.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrows never reached ${target.toString()}`);
};

const historicalCall = (from: string, to: string) =>
  `${browserApp.baseUrl}/admin/plugins/call-history/historical-call?from=${from}&to=${to}`;

const period = () => {
  const today = DateTime.now().setZone(ZONE);
  return { from: today.minus({ days: 2 }).toISODate() ?? '', to: today.toISODate() ?? '' };
};

beforeAll(async () => {
  await browserApp.app.strapi
    .plugin('call-history')
    .service('settings')
    .update({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
  for (const [kind, name, accessCode] of [
    ['INTELLIGENT_ROBOT', 'Sales bot', '1001'],
    ['COMMON_IVR', 'Main IVR', '2001'],
  ]) {
    await browserApp.app
      .http()
      .post('/call-history/bots')
      .set(bearer(browserApp.app.admin.token))
      .send({ kind, name, accessCode })
      .expect(201);
  }
  await seedCalls();
});

describe('Call History with the keyboard only', () => {
  it('searches with Enter, pages, opens and closes Call Details, without the mouse', async () => {
    const { context, page } = await browserApp.newPage();
    try {
      await logIn(page);
      const { from, to } = period();
      await page.goto(historicalCall(from, to));
      await page.getByText('Showing 20 of 24 calls').waitFor();

      const number = page.getByRole('textbox', { name: 'Calling number' });
      await tabTo(page, number);
      await page.keyboard.type('86137*');
      await page.keyboard.press('Enter');
      await page.waitForURL(/callingNumber=86137/);
      await page.getByText('Showing 20 of 24 calls').waitFor();

      const next = page.getByRole('button', { name: 'Next' });
      await tabTo(page, next);
      await page.keyboard.press('Enter');
      await page.getByText('Showing 24 of 24 calls').waitFor();

      // Each row's button is named by its call, so a screen reader tells them apart.
      const details = page.getByRole('button', { name: 'Details of call CALL-AGENT-120' });
      await arrowTo(page, page.locator('table').filter({ has: details }), details);
      await page.keyboard.press('Enter');
      const modal = page.getByRole('dialog');
      await modal.getByText('Call Details — CALL-AGENT-120').waitFor();
      await modal.getByText('Customer tier').waitFor();
      await modal.getByText('Queue', { exact: true }).waitFor();
      await page.keyboard.press('Escape');
      await modal.waitFor({ state: 'detached' });
      expect(page.url()).not.toContain('call=');
    } finally {
      await context.close();
    }
  });

  it('offers each access code with its robot or IVR flow name, and picks the code', async () => {
    const { context, page } = await browserApp.newPage();
    try {
      await logIn(page);
      const { from, to } = period();
      await page.goto(historicalCall(from, to));
      const combobox = page.getByRole('combobox', { name: 'Robot access code' });
      await tabTo(page, combobox);
      await page.keyboard.press('ArrowDown');
      await page.getByRole('option', { name: '1001 — Sales bot' }).waitFor();
      await page.getByRole('option', { name: '2001 — Main IVR' }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      expect(await combobox.inputValue()).toMatch(/^(1001|2001)$/);
    } finally {
      await context.close();
    }
  });
});

describe('accessibility (axe-core): no serious or critical violation', () => {
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await browserApp.newPage();
    page = opened.page;
    close = () => opened.context.close();
    await logIn(page);
  });
  afterAll(async () => close?.());

  it('on Historical Call, Call Details and the reveal reason dialog', async () => {
    const { from, to } = period();
    await page.goto(historicalCall(from, to));
    await page.getByText('Showing 20 of 24 calls').waitFor();
    await page.getByRole('table', { name: 'Calls per day' }).waitFor({ state: 'attached' });
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Details of call CALL-AGENT-100' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByText('Call Details — CALL-AGENT-100').waitFor();
    expect(await violations(page)).toEqual([]);

    await modal.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('dialog', { name: 'Reveal the full numbers?' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page
      .getByRole('dialog', { name: 'Reveal the full numbers?' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await modal.getByRole('button', { name: 'Close', exact: true }).click();
    await modal.waitFor({ state: 'detached' });
  });

  it('on the hold confirmation and the export-with-full-numbers dialog', async () => {
    await page.getByRole('button', { name: 'Hold all matching' }).click();
    await page
      .getByRole('dialog')
      .getByText(/will be held/)
      .waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Export with full numbers' }).click();
    await page.getByRole('dialog').getByText('Export with full numbers?').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('on Intelligent Robots, IVR Flows and their form and delete confirmation', async () => {
    await subNav(page, 'Intelligent Robots').click();
    await page.getByRole('row', { name: /Sales bot/ }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page
      .getByRole('row', { name: /Sales bot/ })
      .getByRole('button', { name: /Edit/ })
      .click();
    await page.getByRole('dialog').getByText('Edit robot').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page
      .getByRole('row', { name: /Sales bot/ })
      .getByRole('button', { name: /Delete/ })
      .click();
    await page.getByRole('dialog').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await subNav(page, 'IVR Flows').click();
    await page.getByRole('row', { name: /Main IVR/ }).waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('on System Settings and its confirmation, the Audit Log and Data Erasure', async () => {
    await subNav(page, 'System Settings').click();
    await page
      .getByRole('radiogroup', { name: 'Historical call records (CHATRECORDFLAG)' })
      .getByRole('radio', { name: 'Off', exact: true })
      .check();
    // The history has loaded: it no longer says it is loading.
    await page.getByText('Loading the change history…').waitFor({ state: 'detached' });
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('dialog').getByText('CHATRECORDFLAG: On → Off').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await subNav(page, 'Audit Log').click();
    await page.getByRole('heading', { name: 'Audit Log', level: 1 }).waitFor();
    await page.getByText('Page 1').waitFor();
    expect(await violations(page)).toEqual([]);

    await subNav(page, 'Data Erasure').click();
    await page.getByLabel('Calling number').fill('8613710000000');
    await page.getByRole('button', { name: 'Count calls' }).click();
    await page.getByTestId('erasure-matching').getByText('1').waitFor();
    await page.getByLabel('Reason').fill('Data-subject request #2026-200');
    await page.getByRole('button', { name: /^Erase \d+ call/ }).click();
    await page.getByRole('dialog').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('the dark theme and Simplified Chinese', () => {
  /** Call History and Call Details, screenshotted as `<name>.png` and `<name>-details.png`. */
  const screenshots = async (page: Page, name: string, detailsLabel: RegExp) => {
    const { from, to } = period();
    await page.goto(historicalCall(from, to));
    await page.locator('.recharts-surface path.recharts-rectangle').first().waitFor();
    await page.getByRole('row', { name: /CALL-AGENT-100/ }).waitFor();
    await noNotifications(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: detailsLabel }).first().click();
    await page.getByRole('dialog').getByText('Welcome').waitFor();
    await page.setViewportSize({ width: 1600, height: 1100 });
    await page.screenshot({
      path: path.join(SCREENSHOTS, `${name.replace('history', 'details')}.png`),
    });
    expect(await violations(page)).toEqual([]);
  };

  it('reads in the dark theme: the chart takes the theme colours', async () => {
    const { context, page } = await browserApp.newPage({ colorScheme: 'dark' });
    try {
      await logIn(page);
      await screenshots(page, 'call-history-dark', /Details of call CALL-AGENT-100$/);
      // The bars are the theme's primary colour, not the light theme's hard-coded one.
      await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
      const fill = await page
        .locator('.recharts-surface path.recharts-rectangle')
        .first()
        .getAttribute('fill');
      expect(fill).not.toBe('#4945ff');
    } finally {
      await context.close();
    }
  });

  it('reads in Simplified Chinese, days and times in the Chinese format', async () => {
    const { context, page } = await browserApp.newPage({ locale: 'zh-CN' });
    try {
      await page.addInitScript({ content: ZH });
      await logIn(page, '配置中心');
      await screenshots(page, 'call-history-zh', /通话 CALL-AGENT-100 的详情/);
      // One format on every surface: the picker's yyyy/MM/dd, and the same day in the table.
      const today = DateTime.now().setZone(ZONE).toFormat('yyyy/MM/dd');
      await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();
      expect(await page.getByRole('combobox', { name: '结束日期' }).inputValue()).toBe(today);
    } finally {
      await context.close();
    }
  });

  it('reads in Simplified Chinese in the dark theme', async () => {
    const { context, page } = await browserApp.newPage({ locale: 'zh-CN', colorScheme: 'dark' });
    try {
      await page.addInitScript({ content: ZH });
      await logIn(page, '配置中心');
      await screenshots(page, 'call-history-zh-dark', /通话 CALL-AGENT-100 的详情/);
    } finally {
      await context.close();
    }
  });

  it('raised no uncaught error in the pages', () => {
    expect(browserApp.pageErrors).toEqual([]);
  });
});
