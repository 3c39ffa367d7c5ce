import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rentArrearsCsv } from '../../bench/rent-arrears-file.ts';
import {
  accessibilityFindings,
  launchChromium,
  pageProblems,
  screenshot,
  signIn,
  textOf,
} from './support/browser.ts';
import { type LocalService, startLocalService } from './support/local-service.ts';

/**
 * Issue 11 (DESIGN I1): an upload that takes longer than the service's time budget is answered
 * `verwerken`; the page says so, shows how many rows are checked, asks again until the receipt is
 * complete, and then shows it — no dead end, no spinner without end. The service runs with a budget
 * of 0, so every upload continues from the queue, as a 30,000-row list on a busy day would. The
 * receipt it then reads back comes in pages of 1,000 rows (DESIGN C4): the page fetches every page
 * by itself (issue 15) into a table of 50 rows a page, and the rejected-rows download holds the
 * rejected rows of every page.
 */
const ROWS = 3_000;
/** Rows with an amount the service cannot read, on each of the three pages. */
const BAD_ROWS = [10, 1_500, 2_950];

/** The generated list with the amount of BAD_ROWS made unreadable (row 1 is the header). */
function fileWithRejectedRows(): Buffer {
  const lines = rentArrearsCsv(ROWS).toString('latin1').split('\r\n');
  for (const row of BAD_ROWS) {
    const cells = (lines[row - 1] as string).split(';');
    cells[12] = 'veel';
    lines[row - 1] = cells.join(';');
  }
  return Buffer.from(lines.join('\r\n'), 'latin1');
}
let service: LocalService;
let browser: Browser;
let page: Page;
let folder: string;

beforeAll(async () => {
  service = await startLocalService({ UPLOAD_TIME_BUDGET_MS: '0' });
  browser = await launchChromium();
  await service.admin('/_local/clock', { now: '2026-11-23T10:00:00+01:00' });
  folder = mkdtempSync(join(tmpdir(), 'buurtsignaal-upload-'));
});

afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await service?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('an upload past the time budget (issue 11)', () => {
  it('shows the rows checked so far, then the full receipt, without reloading', async () => {
    // Prepare
    const file = join(folder, 'huurachterstanden-december.csv');
    writeFileSync(file, fileWithRejectedRows());
    page = await signIn(browser, service.url, 'dev-bo-ex');
    await page.locator('#csv-file').setInputFiles(file);
    await page.getByLabel(/stappen van de sociale incasso/).check();

    // Act
    await page.getByRole('button', { name: 'Versturen' }).click();

    // Assess: first the progress, in words and as a bar the screen reader can name…
    const processing = page.getByRole('region', { name: 'Verwerken' });
    await processing.waitFor();
    expect(await textOf(processing.getByRole('status'))).toBe('Het bestand is ontvangen en wordt verwerkt.');
    await expect
      .poll(() => processing.getByRole('progressbar', { name: /van 3\.000 rijen gecontroleerd$/ }).count())
      .toBe(1);
    await screenshot(page, 'upload-processing');
    expect(await accessibilityFindings(page), 'upload-processing').toEqual([]);
    // …then, by itself, the receipt with every row.
    const receipt = page.getByRole('region', { name: 'Ontvangstbewijs', exact: true });
    await receipt.waitFor({ timeout: 60_000 });
    await expect
      // The summary's counts: Ontvangen, Geaccepteerd, Afgewezen, Dubbel, Bijgewerkt.
      .poll(() => textOf(receipt.locator('table.receipt-summary td').nth(1)))
      .toBe((ROWS - BAD_ROWS.length).toLocaleString('nl-NL'));
    await expect.poll(() => processing.count()).toBe(0);
    // The receipt's heading takes the focus: keyboard and screen-reader users are where it is.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('receipt-title');
    expect(pageProblems(page)).toEqual([]);
  }, 120_000);

  it('C4: every page of the receipt is fetched by itself; the table shows 50 rows a page; the download holds the rejected rows of every page', async () => {
    // Prepare: the receipt of the test before, read back (past the budget) in pages.
    const receipt = page.getByRole('region', { name: 'Ontvangstbewijs', exact: true });
    const rows = receipt.locator('table.receipt tbody tr');
    const count = receipt.locator('#receipt-count');

    // Assess: every row in, never more than a page of them in the table.
    await expect.poll(() => textOf(count)).toBe('3.000 rijen; u ziet 1 tot en met 50.');
    expect(await rows.count()).toBe(50);
    await expect.poll(() => receipt.getByText(/^Nog niet alle rijen zijn geladen/).count()).toBe(0);

    // Act: only the rejected rows, by keyboard.
    await receipt.getByRole('radio', { name: /^Alleen afgewezen/ }).focus();
    await page.keyboard.press('Space');

    // Assess: the three, from all three pages.
    await expect.poll(() => textOf(count)).toBe('3 afgewezen rijen.');
    expect(await receipt.locator('tr.rejected th').allInnerTexts()).toEqual(BAD_ROWS.map(String));
    expect(await accessibilityFindings(page), 'upload-receipt-pages').toEqual([]);

    // The download holds the rejected rows of every page, in file order.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      receipt.getByRole('button', { name: 'Afgewezen rijen downloaden (CSV)', exact: true }).click(),
    ]);
    const lines = readFileSync(await download.path())
      .subarray(3)
      .toString('utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(lines).toHaveLength(1 + BAD_ROWS.length);
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual(
      BAD_ROWS.map((row) => `HN-${String(row - 2).padStart(7, '0')}`),
    );
    expect(pageProblems(page)).toEqual([]);
  }, 120_000);

  it('C4: the earlier uploads list shows it processed; its page fetches every page too', async () => {
    // Act
    await page.getByRole('link', { name: 'Eerdere aanleveringen' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Verwerkt', exact: true }).count()).toBe(1);
    await page.locator('a[href^="#/uploads/"]').first().click();

    // Assess
    const count = page.locator('#receipt-count');
    await expect.poll(() => textOf(count)).toBe('3.000 rijen; u ziet 1 tot en met 50.');
    await expect.poll(() => page.getByText(/^Nog niet alle rijen zijn geladen/).count()).toBe(0);
    await page.getByRole('radio', { name: /^Alleen afgewezen/ }).check();
    await expect.poll(() => page.locator('tr.rejected th').allInnerTexts()).toEqual(BAD_ROWS.map(String));
    expect(pageProblems(page)).toEqual([]);
  }, 60_000);
});
