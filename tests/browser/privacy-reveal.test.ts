/**
 * Masking and the audited reveal in a real browser (docs/design.md#privacy): Call Details shows
 * masked numbers, Reveal asks for a reason and then shows the full numbers in place; the export
 * with full numbers asks for a reason too. Screenshots go to .github/screenshots/.
 */
import { readFileSync } from 'fs';
import path from 'path';

import type { Page } from 'playwright-core';

import type { AuditEntry } from '../../shared/contracts/audit';
import { createAdminUser } from '../helpers/strapi';

import { SCREENSHOTS, browserSuite, logIn as logInTo, recentInstant } from './support';

const browserApp = browserSuite();
const logIn = (page: Page, email: string, password: string) =>
  logInTo(browserApp, page, email, password);

const CALLING = '8613800005678';
const CALLING_MASKED = '861******5678';
const CALLED = '4001234567';
const CALLBACK = '+8613912345678';

const audit = (action: AuditEntry['action']): Promise<AuditEntry[]> =>
  browserApp.app.strapi
    .plugin('call-history')
    .service('audit')
    .list({ actions: [action] });

const openDetails = async (page: Page) => {
  await page.getByRole('heading', { name: 'Historical Call', level: 1 }).waitFor();
  await page
    .getByRole('row', { name: /CALL-REVEAL-0001/ })
    .getByRole('button', { name: 'Details' })
    .click();
  const modal = page.getByRole('dialog', { name: /Call Details/ });
  await modal.getByText('Call Details — CALL-REVEAL-0001').waitFor();
  return modal;
};

describe('masked numbers and the audited reveal in chromium', () => {
  beforeAll(async () => {
    await browserApp.app.strapi
      .plugin('call-history')
      .service('settings')
      .update({ CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' });
    const at = recentInstant;
    await browserApp.app.strapi.db?.query('plugin::call-history.call-record').create({
      data: {
        callId: 'CALL-REVEAL-0001',
        callingNumber: CALLING,
        calledNumber: CALLED,
        callbackNumber: CALLBACK,
        accessCode: '1001',
        botKind: 'INTELLIGENT_ROBOT',
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
        ],
      },
    });
  });

  it('shows masked numbers, then the full ones after a reveal with a reason', async () => {
    const { context, page } = await browserApp.newPage();
    try {
      await logIn(page, browserApp.app.admin.email, browserApp.app.admin.password);
      await page
        .getByRole('row', { name: /CALL-REVEAL-0001/ })
        .getByText(CALLING_MASKED, { exact: true })
        .waitFor();
      const modal = await openDetails(page);
      await modal.getByText(CALLING_MASKED, { exact: true }).waitFor();
      await modal.getByText('40****4567', { exact: true }).waitFor();
      await modal.getByText('+861******5678', { exact: true }).waitFor();
      expect(await page.getByText(CALLING).count()).toBe(0);

      await modal.getByRole('button', { name: 'Reveal' }).click();
      const dialog = page.getByRole('dialog', { name: 'Reveal the full numbers?' });
      await dialog.getByRole('button', { name: 'Reveal' }).click();
      await dialog.getByText('Say why you need the full numbers.').waitFor();
      await dialog.getByLabel(/Reason/).fill('Ticket 4711: the caller asked to be called back');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'call-details-reveal-reason.png') });
      await dialog.getByRole('button', { name: 'Reveal' }).click();

      await modal.getByText(CALLING, { exact: true }).waitFor();
      await modal.getByText(CALLED, { exact: true }).waitFor();
      await modal.getByText(CALLBACK, { exact: true }).waitFor();
      await modal.getByText('Full numbers (reveal audited)').waitFor();
      await dialog.waitFor({ state: 'detached' });
      // The list behind stays masked: only Call Details got the full numbers.
      await page
        .getByRole('row', { name: /CALL-REVEAL-0001/ })
        .getByText(CALLING_MASKED, { exact: true })
        .waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'call-details-reveal.png') });

      const [entry] = await audit('calls.reveal');
      expect(entry).toMatchObject({
        subject: { callId: 'CALL-REVEAL-0001' },
        reason: 'Ticket 4711: the caller asked to be called back',
        user: { email: browserApp.app.admin.email },
      });
      expect(JSON.stringify(entry)).not.toContain(CALLING);
      await modal.getByRole('button', { name: 'Close', exact: true }).click();
    } finally {
      await context.close();
    }
  });

  it('exports the CSV with full numbers after asking for a reason', async () => {
    const { context, page } = await browserApp.newPage();
    try {
      await logIn(page, browserApp.app.admin.email, browserApp.app.admin.password);
      await page.getByRole('row', { name: /CALL-REVEAL-0001/ }).waitFor();
      await page.getByRole('button', { name: 'Export with full numbers' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export with full numbers?' });
      await dialog.getByLabel(/Reason/).fill('Data-subject access request 12');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'export-full-numbers.png') });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Export' }).click(),
      ]);
      const text = readFileSync(await download.path(), 'utf8');
      expect(text).toContain(CALLING);
      await dialog.waitFor({ state: 'detached' });
      expect((await audit('calls.export.reveal'))[0]).toMatchObject({
        reason: 'Data-subject access request 12',
      });

      // The plain export stays masked.
      const [masked] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const maskedText = readFileSync(await masked.path(), 'utf8');
      expect(maskedText).toContain(CALLING_MASKED);
      expect(maskedText).not.toContain(CALLING);
    } finally {
      await context.close();
    }
  });

  it('shows an Agent masked numbers and no Reveal button', async () => {
    await createAdminUser(browserApp.app, 'agent@call-history.test', ['Agent']);
    const { context, page } = await browserApp.newPage();
    try {
      await logIn(page, 'agent@call-history.test', 'User-Pass-1234');
      const modal = await openDetails(page);
      await modal.getByText(CALLING_MASKED, { exact: true }).waitFor();
      expect(await modal.getByRole('button', { name: 'Reveal' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Export with full numbers' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
