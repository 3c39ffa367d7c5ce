import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
 * Issue 15 build 4, "every role has a home", in an English Chromium against `npm start`: the police
 * make a care report through the form (a Dutch validation round first, then an error of the API's
 * own on its field) and follow it in Mijn meldingen; the safety report lands with Veilig Thuis, who
 * take it into handling after a confirmation, so it leaves Open; the police read "Afgerond" for it
 * and "Opgepakt" for a second report once a Buurtteam tried to reach the resident; the cbs role is refused; the municipality still has the dashboard only. The steps build on each
 * other, in order.
 */

const POLICE = 'dev-politie';
const VEILIG_THUIS = 'dev-veilig-thuis';
/** Domestic violence: to Veilig Thuis at once (C2, R1). */
const REPORT_ID = 'PL0900-2026-700001';
/** No safety concern, consent given: to Buurtteam Sociaal Overvecht (the sample's …456). */
const SECOND_REPORT_ID = 'PL0900-2026-700002';
const CBS_REFUSAL = 'De rol cbs is een machinekoppeling voor CBS en heeft geen toegang tot de webapp.';

let service: LocalService;
let browser: Browser;
let police: Page;
const pages: Page[] = [];

async function as(token: string): Promise<Page> {
  const page = await signIn(browser, service.url, token);
  pages.push(page);
  return page;
}

const heading = (page: Page) => textOf(page.getByRole('heading', { level: 1 }));

/** Every axe finding (WCAG 2.1 A/AA and best practices), not only the serious ones: 0 is the bar. */
async function expectNoAccessibilityFindings(page: Page) {
  expect(await accessibilityFindings(page)).toEqual([]);
}

async function expectOnlyDutch(page: Page) {
  expect(await visibleEnglish(page)).toEqual([]);
}

/** A request to the API as one of the demo principals, for what another page's test covers. */
async function api(method: string, path: string, token: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return response.json();
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

beforeAll(async () => {
  service = await startLocalService();
  browser = await launchChromium();
  // Monday 23 November 2026, 10:00 in Utrecht; the clock stands still.
  await service.admin('/_local/clock', { now: '2026-11-23T10:00:00+01:00' });
});

/** The one refusal the test asks for: the API's 422 on a report from the future (Chromium logs it). */
const EXPECTED_REFUSAL = /^console: Failed to load resource: the server responded with a status of 422/;

// No script errors, failed requests or CSP violations on any page a test opened.
afterEach(() => {
  for (const page of pages) {
    const problems = pageProblems(page);
    const refusals = problems.filter((problem) => EXPECTED_REFUSAL.test(problem));
    expect(refusals.length).toBeLessThanOrEqual(page === police ? 1 : 0);
    expect(problems.filter((problem) => !EXPECTED_REFUSAL.test(problem))).toEqual([]);
  }
});

afterAll(async () => {
  for (const page of pages) await page.context().close();
  await browser?.close();
  await service?.stop();
});

describe('every role has a home (issue 15 build 4)', () => {
  it('the police land on Mijn meldingen and send a care report through the form, in Dutch', async () => {
    police = await as(POLICE);
    await expect.poll(() => heading(police)).toBe('Mijn meldingen');
    expect(police.url()).toMatch(/#\/meldingen$/);
    const menu = police.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Mijn meldingen', 'Zorgmelding doen']);
    await expect.poll(() => textOf(police.getByRole('main'))).toContain('Er zijn nog geen zorgmeldingen.');

    await menu.getByRole('link', { name: 'Zorgmelding doen' }).click();
    await expect.poll(() => heading(police)).toBe('Zorgmelding doen');
    expect(await police.locator('form').getAttribute('novalidate')).not.toBeNull();
    // Nothing answered for the user: no safety answer, no consent.
    expect(await police.locator('input[type="radio"]:checked').count()).toBe(0);
    await expectNoAccessibilityFindings(police);
    await expectOnlyDutch(police);

    // Round 1: sent empty. The form's own Dutch messages, in the summary (focused) and at the fields.
    await police.getByRole('button', { name: 'Zorgmelding versturen' }).click();
    const summary = police.locator('.app-error-summary');
    await expect.poll(() => textOf(summary)).toContain('Vul het registratienummer van de melding in.');
    const messages = await summary.getByRole('link').allInnerTexts();
    expect(messages).toEqual([
      'Vul het registratienummer van de melding in.',
      'Vul de datum en tijd van de melding in.',
      'Vul de eenheid in, bijvoorbeeld Basisteam Overvecht.',
      'Kies minstens één zorg waar de melding over gaat.',
      'Beantwoord de vraag: Is er sprake van acute onveiligheid?',
      'Beantwoord de vraag: Is er sprake van huiselijk geweld?',
      'Beantwoord de vraag: Is er sprake van onveiligheid van een kind?',
      'Kies of de inwoner toestemming geeft.',
      'Vul de achternaam van de inwoner in.',
      'Vul de postcode in.',
      'Vul het huisnummer in.',
    ]);
    expect(await police.evaluate(() => document.activeElement?.classList.contains('app-error-summary'))).toBe(
      true,
    );
    expect(await police.locator('#cr-surname').getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(police.locator('#cr-categories-error'))).toBe(
      'Kies minstens één zorg waar de melding over gaat.',
    );
    // A link in the summary leads to its field: the categories' first checkbox.
    await summary.getByRole('link', { name: 'Kies minstens één zorg waar de melding over gaat.' }).click();
    expect(await focusedId(police)).toBe('cr-categories-veiligheid-kind');
    await screenshot(police, 'care-report-form-errors');
    await expectNoAccessibilityFindings(police);
    await expectOnlyDutch(police);

    // Round 2: filled in, with an American date, a bad postcode, a minor who is an adult, too long a summary.
    await police.locator('#cr-report-id').fill(REPORT_ID);
    await police.locator('#cr-reported-at-date').fill('11/23/2026');
    await police.locator('#cr-reported-at-time').fill('9:30 AM');
    await police.locator('#cr-unit').fill('Basisteam Overvecht');
    await police.getByLabel('Huiselijk geweld').check();
    await police.getByLabel('Psychische problemen / verward gedrag').check();
    await police.locator('#cr-acute-nee').check();
    await police.locator('#cr-violence-ja').check();
    await police.locator('#cr-child-nee').check();
    await police.locator('#cr-consent-not-asked').check();
    await police.locator('#cr-initials').fill('A.');
    await police.locator('#cr-surname').fill('Jansen');
    await police.locator('#cr-birth-date').fill('03-02-1971');
    await police.locator('#cr-postcode').fill('3561 XY1');
    await police.locator('#cr-house-number').fill('22');
    await police.getByLabel('Ik weet hoe het huishouden is samengesteld').check();
    await police.locator('#cr-adults').fill('2');
    await police.getByRole('button', { name: 'Minderjarige toevoegen' }).click();
    await police.locator('#cr-minor-0').fill('01-06-2004');
    await police.locator('#cr-summary').fill('x'.repeat(2001));
    await expect.poll(() => textOf(police.locator('#cr-summary-description'))).toContain('1 teken te veel.');
    await police.getByRole('button', { name: 'Zorgmelding versturen' }).click();
    // The date is read as day-month, whatever the browser's language: 11/23 has no month 23.
    await expect
      .poll(() => summary.getByRole('link').allInnerTexts())
      .toEqual([
        '11/23/2026 bestaat niet. Controleer dag en maand.',
        'Vul een postcode in van vier cijfers en twee letters, bijvoorbeeld 3561 AB.',
        'De samenvatting mag niet langer zijn dan 2.000 tekens (nu 2.001).',
      ]);

    // Round 3: the date right, the time still American.
    await police.locator('#cr-reported-at-date').fill('23-11-2026');
    await police.locator('#cr-postcode').fill('3527 AB');
    await police.locator('#cr-summary').fill('Buren hoorden geschreeuw; mevrouw wil praten met iemand.');
    await expect
      .poll(() => textOf(police.locator('#cr-summary-description')))
      .toContain('Nog 1.944 van 2.000 tekens over.');
    await police.getByRole('button', { name: 'Zorgmelding versturen' }).click();
    await expect
      .poll(() => summary.getByRole('link').allInnerTexts())
      .toEqual(['Vul een tijd in als uu:mm, bijvoorbeeld 09:30.']);

    // Round 4: the minor, born in 2004, was 22 on the day of the report.
    await police.locator('#cr-reported-at-time').fill('11:30');
    await police.getByRole('button', { name: 'Zorgmelding versturen' }).click();
    await expect
      .poll(() => summary.getByRole('link').allInnerTexts())
      .toEqual([
        'Minderjarige 1 was op de datum van de melding 18 jaar of ouder: tel deze persoon bij de volwassenen.',
      ]);

    // Round 5: the API's own check (its clock stands at 10:00): a report from the future, on its field.
    await police.locator('#cr-minor-0').fill('01-06-2014');
    await police.getByRole('button', { name: 'Zorgmelding versturen' }).click();
    await expect
      .poll(() => textOf(police.locator('#cr-reported-at-error')))
      .toBe('Het tijdstip van de melding ligt in de toekomst.');
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Het tijdstip van de melding ligt in de toekomst.',
    ]);
    await summary.getByRole('link').click();
    expect(await focusedId(police)).toBe('cr-reported-at-date');
    await expectNoAccessibilityFindings(police);
    await expectOnlyDutch(police);

    // Corrected: sent. The confirmation names the report and what happens next (C2: Veilig Thuis).
    await police.locator('#cr-reported-at-time').fill('09:30');
    await police.getByRole('button', { name: 'Zorgmelding versturen' }).click();
    const confirmation = police.getByRole('status').filter({ hasText: REPORT_ID });
    await expect.poll(() => textOf(confirmation)).toContain(`Zorgmelding ${REPORT_ID} is ontvangen`);
    expect(await textOf(confirmation)).toContain('direct doorgezet naar Veilig Thuis');
    await expectNoAccessibilityFindings(police);
    await expectOnlyDutch(police);

    // A second report, without safety concerns and with consent: to a Buurtteam.
    await police.getByRole('button', { name: 'Nog een zorgmelding doen' }).click();
    await police.locator('#cr-report-id').fill(SECOND_REPORT_ID);
    await police.locator('#cr-reported-at-date').fill('23-11-2026');
    await police.locator('#cr-reported-at-time').fill('09:45');
    await police.locator('#cr-unit').fill('Basisteam Overvecht');
    await police.getByLabel('Psychische problemen / verward gedrag').check();
    await police.locator('#cr-acute-nee').check();
    await police.locator('#cr-violence-nee').check();
    await police.locator('#cr-child-nee').check();
    await police.locator('#cr-consent-given').check();
    await police.locator('#cr-surname').fill('de Vries');
    await police.locator('#cr-postcode').fill('3561AB');
    await police.locator('#cr-house-number').fill('4');
    await police.getByRole('button', { name: 'Zorgmelding versturen' }).click();
    await expect
      .poll(() => textOf(police.getByRole('status').filter({ hasText: SECOND_REPORT_ID })))
      .toContain('Een buurtteam neemt contact op met de inwoner.');
    await service.admin('/_local/drain');
  });

  it('the police see the report in Mijn meldingen with its feedback in words', async () => {
    await police
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn meldingen' })
      .click();
    await expect.poll(() => heading(police)).toBe('Mijn meldingen');
    // Forwarded to Veilig Thuis: for the police the report is done (outcome-codes.json: afgerond).
    const forwarded = police.getByRole('row').filter({ hasText: REPORT_ID });
    await expect.poll(() => textOf(forwarded)).toContain('Afgerond');
    const cells = await forwarded.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 3)).toEqual([
      REPORT_ID,
      expect.stringMatching(/^23 nov\.? 09:30$/),
      expect.stringMatching(/^23 nov\.? 10:00$/),
    ]);
    expect(cells[3]).toContain('De melding is afgehandeld');
    const second = police.getByRole('row').filter({ hasText: SECOND_REPORT_ID });
    expect((await second.getByRole('cell').allInnerTexts())[3]).toBe(
      'Ontvangen De melding is binnen en ligt bij een buurtteam of Veilig Thuis.',
    );
    await screenshot(police, 'police-home');
    await expectNoAccessibilityFindings(police);
    await expectOnlyDutch(police);
  });

  it('Veilig Thuis finds the forward at home and takes it into handling, after a confirmation', async () => {
    const page = await as(VEILIG_THUIS);
    await expect.poll(() => heading(page)).toBe('Doorzettingen naar Veilig Thuis');
    expect(page.url()).toMatch(/#\/doorzettingen$/);
    const open = page.getByRole('region', { name: 'Open doorzettingen' });
    const row = open.getByRole('row').filter({ hasText: 'Jansen' });
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[0]).toMatch(/^23 nov\.? 10:00$/);
    expect(cells[1]).toBe('Zorgmelding');
    // The postcode kept whole (a no-break space between its digits and letters).
    expect(cells[3]).toBe('3527\u00a0AB 22');
    expect(cells[4]).toContain('Huiselijk geweld.');
    expect(cells[4]).toContain('direct doorgezet naar Veilig Thuis volgens de Meldcode');
    await screenshot(page, 'veilig-thuis-home');
    await expectNoAccessibilityFindings(page);
    await expectOnlyDutch(page);

    // First thoughts: the confirmation, then Annuleren, and the focus back on the row's button.
    const take = row.getByRole('button', { name: 'In behandeling genomen' });
    await take.click();
    const question = page.getByText('Neemt Veilig Thuis deze zorgmelding in behandeling?');
    await question.waitFor();
    await expectNoAccessibilityFindings(page);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => question.count()).toBe(0);
    await expect.poll(() => focusedId(page)).toMatch(/^take-sig_/);
    expect(await row.count()).toBe(1);

    // Now for real: it leaves Open and shows under Afgehandeld.
    await take.click();
    await page.getByRole('button', { name: 'Ja, in behandeling genomen' }).click();
    await expect
      .poll(() => textOf(page.getByRole('status').filter({ hasText: 'In behandeling genomen' })))
      .toContain('is in behandeling genomen door Veilig Thuis');
    await expect.poll(() => textOf(page.getByRole('main'))).toContain('Er zijn geen open doorzettingen.');
    const handled = page.getByRole('region', { name: 'Afgehandelde meldingen' });
    await expect.poll(() => handled.getByRole('row').filter({ hasText: 'Jansen' }).count()).toBe(1);
    await expectNoAccessibilityFindings(page);
    await expectOnlyDutch(page);
  });

  it('once the Buurtteam has tried to reach the resident, the police read "Opgepakt"', async () => {
    // The worker's part happens on the signal page (another test); here through the API.
    const listed = (await api('GET', '/intake/care-reports', POLICE)) as {
      items: { reportId: string; signalId: string }[];
    };
    const signalId = listed.items.find((item) => item.reportId === SECOND_REPORT_ID)?.signalId;
    const { teamId } = (await api('GET', `/signals/${signalId}`, 'dev-admin')) as { teamId: string };
    expect(teamId).toBe('bt-sociaal-overvecht');
    await api('POST', `/signals/${signalId}/contact-attempts`, `dev-${teamId}`, {
      kind: 'telefoon',
      reached: false,
    });

    const menu = police.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Zorgmelding doen' }).click();
    await expect.poll(() => heading(police)).toBe('Zorgmelding doen');
    await menu.getByRole('link', { name: 'Mijn meldingen' }).click();
    const second = police.getByRole('row').filter({ hasText: SECOND_REPORT_ID });
    await expect
      .poll(async () => (await second.getByRole('cell').allInnerTexts())[3])
      .toBe('Opgepakt Er is contact gezocht met de inwoner.');
    const forwarded = police.getByRole('row').filter({ hasText: REPORT_ID });
    expect((await forwarded.getByRole('cell').allInnerTexts())[3]).toContain('Afgerond');
    await expectNoAccessibilityFindings(police);
    await expectOnlyDutch(police);
  });

  it('cbs is refused in words and gets no app', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(service.url);
    await page.getByLabel('Aanmelden als').selectOption('dev-cbs');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => textOf(page.getByRole('alert'))).toContain(CBS_REFUSAL);
    expect(await page.getByRole('button', { name: 'Afmelden' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('buurtsignaal.session'))).toBeNull();
    expect(await heading(page)).toBe('Aanmelden bij Buurtsignaal');
    await expectNoAccessibilityFindings(page);
    await expectOnlyDutch(page);
  });

  it('the municipality still has the dashboard only', async () => {
    const page = await as('dev-gemeente');
    await expect.poll(() => page.url()).toMatch(/#\/dashboard$/);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Dashboard']);
  });
});
