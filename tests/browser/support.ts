/**
 * What every browser test file shares: one real Strapi (the host app, fresh SQLite database,
 * production admin build) and one headless chromium per file, pages in the browser time zone
 * of the screenshots, and the steps every test takes (log in, open a sub-page).
 */
import type { AddressInfo } from 'net';
import path from 'path';

import { DateTime } from 'luxon';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { startTestApp, type TestApp } from '../helpers/strapi';

export const SCREENSHOTS = path.resolve(__dirname, '..', '..', '.github', 'screenshots');
export const ZONE = 'Asia/Shanghai';

/** How far into the browser's day the calls the tests seed may reach back. */
const SEEDED_HOURS = 4;

/**
 * An instant `minutesAgo` before now, for the calls a test seeds "recently": the page opens on
 * today in the browser's zone, so just after midnight there (16:00 UTC) "30 minutes ago" is
 * yesterday and the call is not listed. Then the instants are counted back from a few hours
 * into today instead, slightly in the future, which no read refuses.
 */
export const recentInstant = (minutesAgo: number): Date => {
  const now = DateTime.utc();
  const dayStart = now.setZone(ZONE).startOf('day').plus({ hours: SEEDED_HOURS });
  const anchor = dayStart > now ? dayStart : now;
  return anchor.minus({ minutes: minutesAgo }).toJSDate();
};
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserApp {
  app: TestApp;
  baseUrl: string;
  /** Uncaught errors of every page opened by `newPage`: a test expects none. */
  pageErrors: string[];
  newPage(options?: { locale?: string; colorScheme?: 'light' | 'dark' }): Promise<{
    context: BrowserContext;
    page: Page;
  }>;
}

/**
 * Registers the file's beforeAll/afterAll and returns the handle they fill; read its fields
 * inside tests or hooks, never at the top level.
 */
export const browserSuite = (env: Record<string, string> = {}): BrowserApp => {
  let browser: Browser;
  const handle = { pageErrors: [] as string[] } as BrowserApp;
  handle.newPage = async ({ locale = 'en-US', colorScheme = 'light' } = {}) => {
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      timezoneId: ZONE,
      locale,
      colorScheme,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => handle.pageErrors.push(error.message));
    return { context, page };
  };
  beforeAll(async () => {
    // One login per test: more than Strapi's 5 logins per email in 5 minutes.
    handle.app = await startTestApp({ ADMIN_LOGIN_RATE_LIMIT: 'false', ...env });
    // startTestApp's server listens already.
    const { port } = handle.app.strapi.server.httpServer.address() as AddressInfo;
    handle.baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await handle.app?.stop();
  });
  return handle;
};

export const logIn = async (
  { baseUrl }: BrowserApp,
  page: Page,
  email: string,
  password: string,
  menuLink = 'Configuration Center'
) => {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  // Navigate by the menu, as a user does (a direct goto right after login may bounce).
  await page.getByRole('link', { name: menuLink }).click();
};

/** Notifications stay a few seconds: screenshots wait until they are gone. */
export const noNotifications = async (page: Page) => {
  const notification = page.getByText('Success:');
  while ((await notification.count()) > 0) {
    await notification.first().waitFor({ state: 'detached' });
  }
};

export const subNav = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: /Configuration Center navigation|配置中心导航/ })
    .getByRole('link', { name });
