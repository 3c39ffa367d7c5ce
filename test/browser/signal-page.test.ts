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
 * The signal page as a case record (issue 15 build 2, with its parts of builds 1, 5 and 6), in an
 * English Chromium against `npm start`: the facts that routed a signal, the contact form's Dutch
 * validation and date-time entry, closing a signal nobody contacted (only "niet opgepakt", after a
 * confirmation) and the closed record. Bo-Ex's sample list is sent through the API first.
 */
const JG_OVERVECHT = 'dev-bt-jg-overvecht';
const SOCIAAL_NOORDOOST = 'dev-bt-sociaal-noordoost';

let service: LocalService;
let browser: Browser;
const pages: Page[] = [];
/** The sample's rows by number → their signal ids. */
let signals: Record<number, string> = {};

async function as(token: string): Promise<Page> {
  const page = await signIn(browser, service.url, token);
  pages.push(page);
  return page;
}

async function openSignal(token: string, row: number): Promise<Page> {
  const page = await as(token);
  // Signing in lands on the inbox, which lists (and audits, P3) the team's signals. Wait for it, as a
  // user would: opened at once, the two requests race, and the audit trail's order with them.
  if (new URL(page.url()).hash.startsWith('#/inbox')) {
    await page
      .locator('#inbox-panel')
      .getByRole('table')
      .or(page.getByText('Geen signalen in dit tabblad.'))
      .waitFor();
  }
  await page.goto(`${service.url}/#/signals/${encodeURIComponent(signals[row] ?? '')}`);
  await page.getByRole('region', { name: 'Routering', exact: true }).waitFor();
  return page;
}

async function expectNoAccessibilityFindings(page: Page, name: string) {
  const findings = await accessibilityFindings(page);
  expect(findings, name).toEqual([]);
}

/** The cells of a table's body rows, as read. */
function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    );
}

beforeAll(async () => {
  // Without the BRP stand-in: these pages are shown on signals whose household composition stays
  // unknown (samenstelling-onbekend, R5), as on a deployment without a BRP connection. The BRP's
  // own screens are walked in readme-demo.test.ts.
  service = await startLocalService({ BRP_STAND_IN: 'off' });
  browser = await launchChromium();
  // Received Monday 23 November 2026, 10:00 in Utrecht: due five working days later, Monday 30 November (D1).
  await service.admin('/_local/clock', { now: '2026-11-23T10:00:00+01:00' });
  const response = await fetch(`${service.url}/intake/rent-arrears?attest=sociale-incasso`, {
    method: 'POST',
    headers: { authorization: 'Bearer dev-bo-ex', 'content-type': 'text/csv' },
    body: readFileSync(join(SAMPLES_DIR, 'rent-arrears-bo-ex.csv')),
  });
  expect(response.status).toBe(202);
  const receipt = (await response.json()) as { rows: { row: number; signalId?: string }[] };
  signals = Object.fromEntries(receipt.rows.map((row) => [row.row, row.signalId ?? '']));
  // A day later, Tuesday 24 November 11:00: a contact attempt may lie between receipt and now (D3).
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

describe('the signal page as a case record (issue 15)', () => {
  it('shows every fact that routed the signal: minors and their source, categories, address, rule, history', async () => {
    // Row 2: J. van Dijk, two minors according to Bo-Ex → Jeugd & Gezin Overvecht (R4).
    const page = await openSignal(JG_OVERVECHT, 2);
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('J. van Dijk');
    const facts = page.getByRole('region', { name: 'Signaal', exact: true });
    expect(await facts.locator('dt').allInnerTexts()).toEqual(
      expect.arrayContaining(['Minderjarigen in het huishouden', 'Hoofdprobleem', 'Andere problemen']),
    );
    expect(await textOf(facts)).toContain('Minderjarigen in het huishouden2 (volgens Bo-Ex)');
    expect(await textOf(facts)).toContain('HoofdprobleemSchulden en betalingsachterstanden');
    expect(await textOf(facts)).toContain('Andere problemenWoonproblemen');
    expect(await textOf(page.getByRole('region', { name: 'Persoon en adres', exact: true }))).toContain(
      'AdresBernadottelaan 12, 3561AB Utrecht',
    );
    // Days left as the promise counts them: working days (D1–D2), the date without this year.
    expect(await textOf(page.getByRole('region', { name: 'Termijn', exact: true }))).toContain(
      'Eerste contact uiterlijk30 nov — nog 4 werkdagen',
    );
    const routing = page.getByRole('region', { name: 'Routering', exact: true });
    expect(await textOf(routing)).toContain('RegelHoofdprobleem betreft minderjarige kinderen (R4)');
    expect(await textOf(routing)).toContain(
      'betreft minderjarige kinderen: Buurtteam Jeugd & Gezin Overvecht',
    );
    expect(await rowsOf(routing.getByRole('table'))).toEqual([
      [
        '23 nov 10:00',
        'Buurtteam Jeugd & Gezin Overvecht',
        'Hoofdprobleem betreft minderjarige kinderen (R4)',
        expect.stringContaining('minderjarige kinderen'),
      ],
    ]);
    expect(await textOf(page.getByRole('region', { name: 'Escalaties', exact: true }))).toContain(
      'Geen escalaties.',
    );
    await screenshot(page, 'signal-open');
    await expectNoAccessibilityFindings(page, 'signal-open');
  });

  it('explains the flags in words, not only as badges', async () => {
    // Row 3: M. Özdemir, no number of minors given → Sociaal Overvecht, samenstelling onbekend (R5).
    const page = await openSignal('dev-admin', 3);
    const facts = page.getByRole('region', { name: 'Signaal', exact: true });
    await expect
      .poll(() => textOf(facts))
      .toContain('Minderjarigen in het huishoudenOnbekend: niet opgegeven');
    expect(await textOf(facts)).toContain(
      'Samenstelling onbekend: Niet bekend of er kinderen onder de 18 wonen',
    );
    expect(await textOf(page.locator('.page-head'))).toBe('M. ÖzdemirOpenSamenstelling onbekend');
  });

  it('records a contact attempt with Dutch validation, a Dutch date and time, and an empty form after saving', async () => {
    const page = await openSignal(JG_OVERVECHT, 2);
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Vastleggen' }) });
    // Nothing chosen beforehand: no kind, no "bereikt" (a false "Ja" would stop the escalation).
    expect(await page.getByLabel('Soort contact').inputValue()).toBe('');
    expect(await page.getByRole('radio', { name: 'Ja' }).isChecked()).toBe(false);
    expect(await page.getByRole('radio', { name: 'Nee' }).isChecked()).toBe(false);
    expect(await page.locator('input[type="datetime-local"]').count()).toBe(0);

    // No browser bubble (noValidate, no `required`): the form's own Dutch messages and a summary.
    expect(await form.getAttribute('novalidate')).not.toBeNull();
    expect(await form.locator('[required]').count()).toBe(0);
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    const summary = form.locator('.app-error-summary');
    await expect.poll(() => textOf(summary)).toContain('Kies de soort contact.');
    expect(await textOf(summary)).toContain('Kies of u de inwoner hebt bereikt.');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('app-error-summary'))).toBe(
      true,
    );
    expect(await textOf(page.locator('#contact-kind-error'))).toBe('Kies de soort contact.');
    expect(await textOf(page.locator('#contact-reached-error'))).toBe('Kies of u de inwoner hebt bereikt.');

    // A date that does not exist, in Dutch at the date part.
    await page.getByLabel('Soort contact').selectOption('telefoon');
    await page.getByRole('radio', { name: 'Nee' }).check();
    await form.getByLabel('Datum', { exact: true }).fill('31-02-2026');
    await form.getByLabel('Tijd', { exact: true }).fill('9:15');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await expect
      .poll(() => textOf(page.locator('#contact-at-error')))
      .toBe('31-02-2026 bestaat niet. Controleer dag en maand.');
    expect(await form.getByLabel('Datum', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'signal-contact-errors');
    await expectNoAccessibilityFindings(page, 'signal-contact-errors');

    await form.getByLabel('Datum', { exact: true }).fill('24-11-2026');
    await page.getByLabel('Notitie (niet verplicht)').fill('Voicemail ingesproken.');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => textOf(page.getByRole('status'))).toBe('Contactpoging vastgelegd.');
    const contacts = page.getByRole('region', { name: 'Contactpogingen', exact: true }).getByRole('table');
    expect(await rowsOf(contacts)).toEqual([
      ['24 nov 09:15', 'ochtend', 'Telefoon', 'Nee', 'Voicemail ingesproken.'],
    ]);
    // The form is empty again, ready for the next attempt, without errors.
    expect(await page.getByLabel('Soort contact').inputValue()).toBe('');
    expect(await page.getByRole('radio', { name: 'Nee' }).isChecked()).toBe(false);
    expect(await form.getByLabel('Datum', { exact: true }).inputValue()).toBe('');
    expect(await form.getByLabel('Tijd', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Notitie (niet verplicht)').inputValue()).toBe('');
    expect(await summary.count()).toBe(0);
  });

  it('closes a signal nobody contacted only as "niet opgepakt", after a confirmation that spells it out', async () => {
    // Row 4: A.C. de Groot, no minors → Sociaal Noordoost; no contact attempt yet.
    const page = await openSignal(SOCIAAL_NOORDOOST, 4);
    const close = page.getByRole('region', { name: 'Afsluiten', exact: true });
    await expect
      .poll(() => textOf(close))
      .toContain(
        'Zonder contactpoging kunt u alleen afsluiten met een reden waarom het signaal niet is opgepakt.',
      );
    const reasons = close.getByRole('group', { name: 'Reden waarom het signaal niet is opgepakt' });
    expect(await reasons.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.id))).toEqual(
      [
        'close-outcome-niet-opgepakt-onterecht',
        'close-outcome-niet-opgepakt-herhaalde-melding',
        'close-outcome-niet-opgepakt-geen-toestemming',
        'close-outcome-niet-opgepakt-andere-reden',
      ],
    );
    expect(await close.getByRole('combobox').count()).toBe(0);

    await close.getByRole('button', { name: 'Afsluiten…' }).click();
    await expect.poll(() => textOf(page.locator('#close-outcome-error'))).toBe('Kies een uitkomst.');

    await close.getByRole('radio', { name: 'Niet opgepakt: andere reden' }).check();
    await close.getByRole('button', { name: 'Afsluiten…' }).click();
    const confirmation = close.locator('.utrecht-alert');
    await expect
      .poll(() => textOf(confirmation.locator('p')))
      .toBe('U sluit dit signaal af met: Niet opgepakt: andere reden. Dit kan niet ongedaan worden gemaakt.');
    expect(await confirmation.getByRole('button').allInnerTexts()).toEqual(['Bevestigen', 'Annuleren']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('close-confirmation');
    await screenshot(page, 'signal-close-confirmation');
    await expectNoAccessibilityFindings(page, 'signal-close-confirmation');

    // Annuleren goes back to the choice, which stays.
    await close.getByRole('button', { name: 'Annuleren' }).click();
    expect(await close.getByRole('radio', { name: 'Niet opgepakt: andere reden' }).isChecked()).toBe(true);

    // Should the API refuse anyway (another tab, a stale page), its 422 is shown at the field.
    const refusal = 'Zonder contactpoging kan dit signaal alleen worden afgesloten als niet opgepakt.';
    await page.route('**/close', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'contact-attempt-required',
            message: refusal,
            details: [{ field: 'outcome', code: 'contact-attempt-required', message: refusal }],
          },
        }),
      }),
    );
    await close.getByRole('button', { name: 'Afsluiten…' }).click();
    await close.getByRole('button', { name: 'Bevestigen' }).click();
    await expect.poll(() => textOf(page.locator('#close-outcome-error'))).toBe(refusal);
    await page.unroute('**/close');

    await close.getByRole('button', { name: 'Afsluiten…' }).click();
    await close.getByRole('button', { name: 'Bevestigen' }).click();
    await expect.poll(() => textOf(page.getByRole('status'))).toBe('Signaal afgesloten.');

    // The closed record, on top: the outcome in words, when, and who.
    const record = page.locator('.utrecht-alert').filter({ hasText: 'Dit signaal is afgesloten' });
    await expect
      .poll(() => record.locator('dt').allInnerTexts())
      .toEqual(['Uitkomst', 'Afgesloten op', 'Afgesloten door']);
    expect(await record.locator('dd').allInnerTexts()).toEqual([
      'Niet opgepakt: andere reden',
      '24 nov 11:00',
      'Medewerker buurtteam · Buurtteam Sociaal Noordoost',
    ]);
    expect(await textOf(page.locator('.page-head'))).toBe('A.C. de GrootAfgesloten');
    expect(await page.getByRole('region', { name: 'Afsluiten', exact: true }).count()).toBe(0);
    await screenshot(page, 'signal-closed');
    await expectNoAccessibilityFindings(page, 'signal-closed');
  });

  it('is Dutch in an English browser: lang="nl", no English on the page', async () => {
    const page = await openSignal(JG_OVERVECHT, 2);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await visibleEnglish(page)).toEqual([]);
  });
});

describe('escalations and the audit trail on the signal page (issue 15)', () => {
  it('lists each escalation with its level in words, date, recipient, open or resolved; the audit trail per day with who in words', async () => {
    // Tuesday 1 December: the deadline of 30 November has passed; setting the clock runs the sweep.
    await service.admin('/_local/clock', { now: '2026-12-01T09:00:00+01:00' });
    await service.admin('/_local/drain');
    // Row 3: M. Özdemir, with Sociaal Overvecht, nobody contacted yet.
    const page = await openSignal('dev-coordinator-bt-sociaal-overvecht', 3);
    const escalations = page.getByRole('region', { name: 'Escalaties', exact: true }).getByRole('table');
    await expect
      .poll(() => rowsOf(escalations))
      .toEqual([
        [
          'Niveau 1: termijn verstreken',
          expect.stringMatching(/^(30 nov|1 dec) \d\d:\d\d$/),
          'Coördinator van Buurtteam Sociaal Overvecht',
          'Open',
        ],
      ]);

    await page.getByLabel('Soort contact').selectOption('huisbezoek');
    await page.getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => textOf(page.getByRole('status'))).toBe('Contactpoging vastgelegd.');
    await expect
      .poll(async () => (await rowsOf(escalations))[0]?.[3])
      .toBe('Opgelost op 1 dec 09:00, door het eerste contact');

    // Two more looks at the page: consecutive views of one person fold into one line.
    await page.reload();
    await page.getByRole('region', { name: 'Routering', exact: true }).waitFor();
    await page.reload();
    const audit = page.getByRole('region', { name: 'Auditspoor', exact: true });
    const days = audit.locator('caption');
    await expect.poll(() => days.allInnerTexts()).toEqual(['1 dec', '24 nov']);
    const coordinator = 'Coördinator · Buurtteam Sociaal Overvecht';
    expect(await rowsOf(audit.getByRole('table').first())).toEqual([
      ['09:00', 'Signaal geopend (2 keer)', coordinator],
      ['09:00', 'Contactpoging vastgelegd', coordinator],
      ['09:00', 'Signaal geopend', coordinator],
      ['09:00', 'Gezien in de werkvoorraad', coordinator],
    ]);
    expect(await rowsOf(audit.getByRole('table').nth(1))).toContainEqual([
      expect.stringMatching(/^\d\d:\d\d$/),
      'Signaal geopend',
      'Beheerder',
    ]);
    await screenshot(page, 'signal-escalation-audit');
    await expectNoAccessibilityFindings(page, 'signal-escalation-audit');
  });
});
