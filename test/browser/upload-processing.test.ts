import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  seriousFindings,
  signIn,
} from './support/browser.ts';
import { type LocalService, startLocalService } from './support/local-service.ts';

/**
 * Issue 11 (DESIGN I1): an upload that takes longer than the service's time budget is answered
 * `verwerken`; the page says so, shows how many rows are checked, asks again until the receipt is
 * complete, and then shows it — no dead end, no spinner without end. The service runs with a budget
 * of 0, so every upload continues from the queue, as a 30,000-row list on a busy day would.
 */
const ROWS = 3_000;
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
    writeFileSync(file, rentArrearsCsv(ROWS));
    page = await signIn(browser, service.url, 'dev-bo-ex');
    await page.locator('#file').setInputFiles(file);
    await page.getByLabel(/stappen van de sociale incasso/).check();

    // Act
    await page.getByRole('button', { name: 'Versturen' }).click();

    // Assess: first the progress, in words and as a bar the screen reader can name…
    const processing = page.getByRole('status').filter({ hasText: 'wordt verwerkt' });
    await processing.waitFor();
    expect(await processing.textContent()).toMatch(/van 3\.000 rijen gecontroleerd/);
    await expect.poll(() => page.getByRole('progressbar', { name: /rijen gecontroleerd/ }).count()).toBe(1);
    await screenshot(page, 'upload-processing');
    expect(seriousFindings(await accessibilityFindings(page), 'upload-processing')).toEqual([]);
    // …then, by itself, the receipt with every row.
    const receipt = page.getByRole('region', { name: 'Ontvangstbewijs', exact: true });
    await receipt.waitFor({ timeout: 60_000 });
    await expect
      .poll(() => receipt.getByRole('listitem').filter({ hasText: 'Geaccepteerd' }).textContent())
      .toBe(`Geaccepteerd ${ROWS}`);
    await expect.poll(() => processing.count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);

    // The earlier uploads list shows it as processed.
    await page.getByRole('link', { name: 'Eerdere aanleveringen' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Verwerkt', exact: true }).count()).toBe(1);
  }, 120_000);
});
