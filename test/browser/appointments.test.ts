import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../support/samples.ts';
import {
  accessibilityFindings,
  launchChromium,
  pageProblems,
  screenshot,
  signIn,
  textOf,
  visibleEnglish,
} from './support/browser.ts';
import { type LocalService, startLocalService } from './support/local-service.ts';

/**
 * The first conversation (issue 17, DESIGN A1–A3) in an English Chromium against `npm start`: an
 * appointment planned on the signal page with a Dutch date and time (Dutch messages when something is
 * missing), moved by cancelling and planning anew, seen in "Afspraken deze week" and as the inbox's
 * "Volgende afspraak", then held — a reached "Afspraak op locatie" contact — and counted on the
 * dashboard's "Eerste gesprek (A3)". The steps run in order: the clock moves forward between them.
 *
 * Bo-Ex's sample list, received Monday 23 November 2026 10:00; row 2, J. van Dijk (two minors), goes
 * to Buurtteam Jeugd & Gezin Overvecht (R4), due Monday 30 November (D2).
 */
const WORKER = 'dev-bt-jg-overvecht';
const COORDINATOR = 'dev-coordinator-bt-jg-overvecht';

let service: LocalService;
let browser: Browser;
const pages: Page[] = [];
let signalId = '';

async function as(token: string): Promise<Page> {
  const page = await signIn(browser, service.url, token);
  pages.push(page);
  return page;
}

/** Signing in lands on the inbox; wait for it (its audit entry), then open the signal. */
async function openSignal(page: Page): Promise<void> {
  await page
    .locator('#inbox-panel')
    .getByRole('table')
    .or(page.getByText('Geen signalen in dit tabblad.'))
    .waitFor();
  await page.goto(`${service.url}/#/signals/${encodeURIComponent(signalId)}`);
  await page.getByRole('region', { name: 'Afspraken', exact: true }).waitFor();
}

/** The cells of a table's body rows, as read. */
function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) =>
          (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
}

async function expectCleanPage(page: Page, name: string) {
  expect(await accessibilityFindings(page), name).toEqual([]);
  expect(await visibleEnglish(page), name).toEqual([]);
}

const appointmentsOf = (page: Page) => page.getByRole('region', { name: 'Afspraken', exact: true });
const planForm = (page: Page) =>
  page.locator('form').filter({ has: page.getByRole('button', { name: 'Plannen' }) });
const menuLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true });

/** The inbox row of J. van Dijk, its cells as read. */
async function inboxRow(page: Page): Promise<string[]> {
  return page.getByRole('row').filter({ hasText: 'J. van Dijk' }).locator('td').allInnerTexts();
}

beforeAll(async () => {
  // Without the BRP stand-in: the household as Bo-Ex gave it, as in signal-page.test.ts.
  service = await startLocalService({ BRP_STAND_IN: 'off' });
  browser = await launchChromium();
  await service.admin('/_local/clock', { now: '2026-11-23T10:00:00+01:00' });
  const response = await fetch(`${service.url}/intake/rent-arrears?attest=sociale-incasso`, {
    method: 'POST',
    headers: { authorization: 'Bearer dev-bo-ex', 'content-type': 'text/csv' },
    body: readFileSync(join(SAMPLES_DIR, 'rent-arrears-bo-ex.csv')),
  });
  expect(response.status).toBe(202);
  const receipt = (await response.json()) as { rows: { row: number; signalId?: string }[] };
  signalId = receipt.rows.find((row) => row.row === 2)?.signalId ?? '';
  expect(signalId).not.toBe('');
  await service.admin('/_local/drain');
  // Tuesday 24 November 2026, 11:00.
  await service.admin('/_local/clock', { now: '2026-11-24T11:00:00+01:00' });
});

// No script errors, failed requests or CSP violations, except the 422 a test provokes on purpose.
afterEach(() => {
  for (const page of pages) {
    expect(pageProblems(page).filter((problem) => !problem.includes('status of 422'))).toEqual([]);
  }
});

afterAll(async () => {
  for (const page of pages) await page.context().close();
  await browser?.close();
  await service?.stop();
});

describe('the first conversation on the signal page (issue 17)', () => {
  it('checks the form in Dutch: no date, no place, a date that does not exist', async () => {
    const page = await as(WORKER);
    await openSignal(page);
    const section = appointmentsOf(page);
    expect(await textOf(section)).toContain('Nog geen afspraken.');
    const form = planForm(page);
    // Nothing chosen beforehand: no place, not "op verzoek van de inwoner"; no browser bubbles.
    expect(await form.getByLabel('Plaats').inputValue()).toBe('');
    expect(await textOf(form.getByLabel('Plaats').locator('option').first())).toBe('Kies de plaats…');
    expect(await form.getByLabel('Op verzoek van de inwoner (later dan de termijn)').isChecked()).toBe(false);
    expect(await form.getAttribute('novalidate')).not.toBeNull();
    expect(await form.locator('[required]').count()).toBe(0);

    await form.getByRole('button', { name: 'Plannen' }).click();
    const summary = form.locator('.app-error-summary');
    await expect.poll(() => textOf(summary)).toContain('Vul de datum en de tijd van de afspraak in.');
    expect(await textOf(summary)).toContain('Kies de plaats van de afspraak.');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('app-error-summary'))).toBe(
      true,
    );
    expect(await textOf(page.locator('#appointment-at-error'))).toBe(
      'Vul de datum en de tijd van de afspraak in.',
    );
    expect(await textOf(page.locator('#appointment-place-error'))).toBe('Kies de plaats van de afspraak.');
    expect(await form.getByLabel('Datum', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'appointment-errors');
    await expectCleanPage(page, 'appointment-errors');

    await form.getByLabel('Datum', { exact: true }).fill('31-11-2026');
    await form.getByLabel('Tijd', { exact: true }).fill('14:00');
    await form.getByLabel('Plaats').selectOption('thuis');
    await form.getByRole('button', { name: 'Plannen' }).click();
    await expect
      .poll(() => textOf(page.locator('#appointment-at-error')))
      .toBe('31-11-2026 bestaat niet. Controleer dag en maand.');
    expect(await textOf(summary)).not.toContain('plaats');
    // Nothing was sent.
    expect(await textOf(section)).toContain('Nog geen afspraken.');
  });

  it('plans an appointment with a Dutch date and time, moves it by cancelling and planning anew', async () => {
    const page = await as(WORKER);
    await openSignal(page);
    const section = appointmentsOf(page);
    const form = planForm(page);
    await form.getByLabel('Datum', { exact: true }).fill('25-11-2026');
    await form.getByLabel('Tijd', { exact: true }).fill('10:00');
    await form.getByLabel('Plaats').selectOption({ label: 'Bij het buurtteam' });
    await form.getByRole('button', { name: 'Plannen' }).click();
    await expect.poll(() => textOf(section.getByRole('status'))).toBe('Afspraak gepland.');
    const table = section.getByRole('table');
    expect(await rowsOf(table)).toEqual([['25 nov 10:00', 'Bij het buurtteam', 'Nee', 'Gepland', '—']]);
    // One stands at a time: no form now, but how it went, and how to move it.
    expect(await planForm(page).count()).toBe(0);
    expect(await section.getByRole('button').allInnerTexts()).toEqual([
      'Gehouden',
      'Niet verschenen',
      'Geannuleerd',
    ]);
    expect(await textOf(section)).toContain('Verzetten: annuleer deze afspraak en plan een nieuwe.');

    // Held before its time: the API refuses, in its own Dutch words, without field names.
    await section.getByRole('button', { name: 'Gehouden' }).click();
    await expect
      .poll(() => textOf(section.getByRole('alert')))
      .toBe('De afspraak moet nog plaatsvinden: alleen annuleren kan nu.');

    // The resident asks for Thursday afternoon at home: cancel, then plan anew.
    await section.getByRole('button', { name: 'Geannuleerd' }).click();
    await expect.poll(() => textOf(section.getByRole('status'))).toBe('Afspraak geannuleerd.');
    await planForm(page).getByLabel('Datum', { exact: true }).fill('26-11-2026');
    await planForm(page).getByLabel('Tijd', { exact: true }).fill('14:00');
    await planForm(page).getByLabel('Plaats').selectOption('thuis');
    await planForm(page).getByLabel('Notitie bij de afspraak (niet verplicht)').fill('Met beide ouders.');
    await planForm(page).getByRole('button', { name: 'Plannen' }).click();
    await expect.poll(() => textOf(section.getByRole('status'))).toBe('Afspraak gepland.');
    expect(await rowsOf(table)).toEqual([
      ['25 nov 10:00', 'Bij het buurtteam', 'Nee', 'Geannuleerd', '—'],
      ['26 nov 14:00', 'Thuis', 'Nee', 'Gepland', 'Met beide ouders.'],
    ]);
    expect(await textOf(section.getByRole('heading', { level: 3 }))).toBe('Afspraak van 26 nov 14:00');
    await screenshot(page, 'appointment-planned');
    await expectCleanPage(page, 'appointment-planned');
  });
});

describe('where the planned appointment shows (issue 17)', () => {
  it('in "Afspraken deze week", a table per day, linking to the signal; Vorige week and back', async () => {
    const page = await as(WORKER);
    await menuLink(page, 'Afspraken deze week').click();
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Afspraken deze week');
    expect(await textOf(page.locator('.utrecht-paragraph--lead'))).toBe(
      'Buurtteam Jeugd & Gezin Overvecht, week 48: maandag 23 november tot en met zondag 29 november.',
    );
    const day = page.getByRole('table', { name: 'donderdag 26 november' });
    await expect
      .poll(() => rowsOf(day))
      .toEqual([
        [
          '14:00',
          'J. van Dijk',
          '3561AB 12',
          'Thuis',
          'Nee',
          'Schulden en betalingsachterstanden',
          'Huurachterstand',
        ],
      ]);
    expect(await page.getByRole('table').count()).toBe(1);
    await screenshot(page, 'appointments-week');
    await expectCleanPage(page, 'appointments-week');

    await page.getByRole('button', { name: 'Vorige week' }).click();
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Afspraken vorige week');
    await expect.poll(() => textOf(page.getByRole('main'))).toContain('Geen afspraken vorige week.');
    expect(await textOf(page.locator('.utrecht-paragraph--lead'))).toContain(
      'week 47: maandag 16 november tot en met zondag 22 november.',
    );
    await page.getByRole('button', { name: 'Deze week' }).click();
    await expect.poll(() => page.getByRole('table').count()).toBe(1);

    await page.getByRole('link', { name: 'J. van Dijk' }).click();
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('J. van Dijk');
    expect(page.url()).toContain(`#/signals/${signalId}`);
  });

  it('in the inbox as "Volgende afspraak"', async () => {
    const page = await as(WORKER);
    const headers = page.locator('#inbox-panel thead th');
    await expect.poll(() => headers.allInnerTexts()).toContain('Volgende afspraak');
    expect((await headers.allInnerTexts()).slice(0, 3)).toEqual(['Termijn', 'Volgende afspraak', 'Naam']);
    await expect.poll(async () => (await inboxRow(page))[1]).toBe('26 nov 14:00');
    await screenshot(page, 'appointments-inbox');
    await expectCleanPage(page, 'appointments-inbox');
  });
});

describe('the appointment held (issue 17)', () => {
  it('is a reached "Afspraak op locatie" contact at its time, and no longer the next appointment', async () => {
    // Thursday 26 November 2026, 16:00: the conversation at 14:00 took place.
    await service.admin('/_local/clock', { now: '2026-11-26T16:00:00+01:00' });
    const page = await as(WORKER);
    await openSignal(page);
    const section = appointmentsOf(page);
    await section.getByRole('button', { name: 'Gehouden' }).click();
    await expect.poll(() => textOf(section.getByRole('status'))).toBe('Afspraak vastgelegd als gehouden.');
    expect(await rowsOf(section.getByRole('table'))).toEqual([
      ['25 nov 10:00', 'Bij het buurtteam', 'Nee', 'Geannuleerd', '—'],
      ['26 nov 14:00', 'Thuis', 'Nee', 'Gehouden', 'Met beide ouders.'],
    ]);
    const contacts = page.getByRole('region', { name: 'Contactpogingen', exact: true }).getByRole('table');
    expect(await rowsOf(contacts)).toEqual([['26 nov 14:00', 'middag', 'Afspraak op locatie', 'Ja', '—']]);
    expect(await textOf(page.getByRole('region', { name: 'Termijn', exact: true }))).not.toContain(
      'werkdagen',
    );
    await screenshot(page, 'appointment-held');
    await expectCleanPage(page, 'appointment-held');

    await page.goto(`${service.url}/#/inbox`);
    await expect.poll(async () => (await inboxRow(page))[1]).toBe('—');
    expect((await inboxRow(page))[0]).toContain('contact gehad');
  });

  it('counts on the dashboard as "Gesprek gehouden binnen de termijn" (A3), beside the 70% of 2018', async () => {
    const page = await as(COORDINATOR);
    await menuLink(page, 'Dashboard').click();
    const team = 'Buurtteam Jeugd & Gezin Overvecht';
    const kpi = page.getByRole('table', { name: /^Eerste contact per team/ });
    await expect.poll(() => textOf(kpi)).toContain('Totaal');
    // The default period ends this Sunday (29 November); the signal is due Monday 30 November.
    await page.getByLabel('Van').fill('23-11-2026');
    await page.getByLabel('Tot en met').fill('06-12-2026');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: /^Eerste contact per team/ }).textContent())
      .toBe('Eerste contact per team, 23 nov t/m 6 dec');
    const due = (await kpi.getByRole('row').filter({ hasText: team }).getByRole('cell').allInnerTexts())[0];
    const a3 = page.getByRole('table', { name: `Eerste gesprek (A3): ${team}` });
    await expect.poll(() => a3.count()).toBe(1);
    const rows = await rowsOf(a3);
    expect(rows.map((row) => row[0])).toEqual([
      'Gesprek gehouden binnen de termijn',
      'Eerste contact binnen de termijn',
      'Later, op verzoek van de inwoner',
      'Te laat',
      'Nog niets (termijn loopt)',
      'Met termijn in de periode',
    ]);
    const percent = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(
      Math.round((100 / Number(due)) * 10) / 10,
    );
    expect(rows[0]).toEqual(['Gesprek gehouden binnen de termijn', '1', `${percent}%`]);
    expect(rows[5]).toEqual(['Met termijn in de periode', due, '100%']);
    // The five add up to the signals due.
    expect(rows.slice(0, 5).reduce((sum, row) => sum + Number(row[1]), 0)).toBe(Number(due));
    // Per week (A3 per team and week): the signal is due Monday 30 November, week 49; its chart's
    // text alternative has a row per week, the counts with their shares, and names the 70% line.
    const weeks = page.getByRole('table', {
      name: `${team}: eerste gesprek per week (lijn: 70%, Utrecht 2018)`,
    });
    const weekRows = await rowsOf(weeks);
    expect(weekRows.map((row) => row[0])).toEqual(['wk 48', 'wk 49']);
    expect(weekRows[0]).toEqual(['wk 48', '0', '0', '0', '0', '0', '0']);
    expect(weekRows[1]?.[1]).toBe(`1 (${percent}%)`);
    expect(weekRows[1]?.at(-1)).toBe(due);
    // The bar is for the eye only; the table is its text alternative.
    const bar = page.locator('.a3-bar').first();
    expect(await bar.getAttribute('aria-hidden')).toBe('true');
    expect(await textOf(bar)).toBe('70% (Utrecht 2018)');
    await screenshot(page, 'appointments-dashboard');
    await expectCleanPage(page, 'appointments-dashboard');

    // The worker's look at "Afspraken deze week" is on the signal's audit trail, in words (P3).
    await page.goto(`${service.url}/#/signals/${encodeURIComponent(signalId)}`);
    const audit = page.getByRole('region', { name: 'Auditspoor', exact: true });
    await expect.poll(() => textOf(audit)).toContain('Gezien in Afspraken deze week');
    expect(await textOf(audit)).toContain('Afspraak gepland');
  });
});
