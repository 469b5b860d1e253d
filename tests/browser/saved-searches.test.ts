/**
 * Sort, page size and saved searches on Call History in a real browser: sorts by duration,
 * changes the page size, saves the search, runs it again from the list and deletes it. Run
 * through tests/browser/run.sh; screenshots go to .github/screenshots/.
 */
import path from 'path';

import { DateTime } from 'luxon';
import type { BrowserContext, Page } from 'playwright-core';

import { bearer } from '../helpers/strapi';

import { SCREENSHOTS, ZONE, browserSuite, logIn, subNav, recentInstant } from './support';

const browserApp = browserSuite();

const CALLS = 60;
/** Call i lasts a distinct number of ten seconds: (i·37 mod 60 + 1) × 10 s. */
const durationOf = (i: number) => (((i * 37) % CALLS) + 1) * 10;
/** 37 · 47 ≡ 59 (mod 60): the longest call, 600 s. */
const LONGEST = 'CALL-SS-47';

const seedCalls = async () => {
  const calls = browserApp.app.strapi.db?.query('plugin::call-history.call-record');
  if (!calls) throw new Error('no database');
  for (let i = 0; i < CALLS; i += 1) {
    const start = DateTime.fromJSDate(recentInstant(15 + i * 2));
    await calls.create({
      data: {
        callId: `CALL-SS-${String(i).padStart(2, '0')}`,
        callingNumber: `86138000${String(1000 + i)}`,
        calledNumber: '4001',
        accessCode: '1001',
        botKind: 'INTELLIGENT_ROBOT',
        startTime: start.toJSDate(),
        endTime: start.plus({ seconds: durationOf(i) }).toJSDate(),
        endReason: 'USER_HANGUP',
      },
    });
  }
};

describe('sort, page size and saved searches in chromium', () => {
  let page: Page;
  let context: BrowserContext;

  /** Picks an option of one of the design system's single selects, by its label. */
  const choose = async (label: string, option: string) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const firstRowShows = (callId: string) =>
    // The first row of the results: the chart's text alternative is a table too.
    page
      .locator('tbody tr')
      .filter({ hasText: 'CALL-SS-' })
      .first()
      .filter({ hasText: callId })
      .waitFor();

  beforeAll(async () => {
    ({ page, context } = await browserApp.newPage());
    await browserApp.app
      .http()
      .put('/call-history/settings')
      .set(bearer(browserApp.app.admin.token))
      .send({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' })
      .expect(200);
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
    await page.getByText(`Showing 20 of ${CALLS} calls`).waitFor();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('sorts by duration and pages with the chosen page size', async () => {
    await firstRowShows('CALL-SS-00');
    await choose('Sort', 'Longest first');
    await page.waitForURL(/sort=durationSeconds%3Adesc/);
    await page.getByRole('row', { name: new RegExp(LONGEST) }).waitFor();
    await firstRowShows(LONGEST);

    await choose('Per page', '50');
    await page.getByText(`Showing 50 of ${CALLS} calls`).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(`Showing ${CALLS} of ${CALLS} calls`).waitFor();
    // The last page: the ten shortest calls, the shortest (10 s, CALL-SS-00) last.
    expect(await page.getByRole('row').last().innerText()).toContain('CALL-SS-00');
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByText(`Showing 50 of ${CALLS} calls`).waitFor();

    await choose('Sort', 'Oldest first');
    await page.getByText(`Showing 50 of ${CALLS} calls`).waitFor();
    await firstRowShows('CALL-SS-59');
    await choose('Sort', 'Longest first');
    await firstRowShows(LONGEST);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'call-history-sort.png') });
  });

  it('saves the search under a name, runs it again from the list, and deletes it', async () => {
    await page.getByRole('button', { name: 'Save search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this search' });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByText('Give the search a name.').waitFor();
    await dialog.getByLabel('Name').fill('Longest calls, 50 a page');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'saved-search-dialog.png') });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // The page shows the saved search it matches.
    await page
      .getByRole('combobox', { name: 'Saved searches' })
      .getByText('Longest calls, 50 a page')
      .waitFor();

    // Elsewhere: newest first, 20 a page; the list no longer names the page's search.
    await choose('Sort', 'Newest first');
    await choose('Per page', '20');
    await page.getByText(`Showing 20 of ${CALLS} calls`).waitFor();
    await page
      .getByRole('combobox', { name: 'Saved searches' })
      .getByText('Run a saved search')
      .waitFor();

    await page.getByRole('combobox', { name: 'Saved searches' }).click();
    await page.getByRole('option', { name: 'Longest calls, 50 a page' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'saved-searches.png') });
    await page.getByRole('option', { name: 'Longest calls, 50 a page' }).click();
    await page.getByText(`Showing 50 of ${CALLS} calls`).waitFor();
    await page.getByRole('combobox', { name: 'Sort' }).getByText('Longest first').waitFor();
    await firstRowShows(LONGEST);

    await page
      .getByRole('button', { name: 'Delete saved search Longest calls, 50 a page' })
      .click();
    const confirm = page.getByRole('dialog', { name: 'Delete this saved search?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page
      .getByRole('combobox', { name: 'Saved searches' })
      .getByText('None saved yet')
      .waitFor();
    const left = await browserApp.app.strapi.db
      ?.query('plugin::call-history.saved-search')
      .count({});
    expect(left).toBe(0);
  });

  it('raised no uncaught error in the pages', () => {
    expect(browserApp.pageErrors).toEqual([]);
  });
});
