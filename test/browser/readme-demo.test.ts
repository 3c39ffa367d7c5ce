import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../support/samples.ts';
import {
  accessibilityFindings,
  launchChromium,
  pageProblems,
  screenshot,
  signIn,
  visibleEnglish,
} from './support/browser.ts';
import { type LocalService, startLocalService } from './support/local-service.ts';

/**
 * The README's browser demo, "In the browser, role by role" (issue 15 acceptance 4), step by step as
 * a newcomer would follow it: one browser tab, signing out and in again for every role, in an English
 * Chromium. Each step checks what the README says of it; at the end every text the README puts in
 * italics must have been on a screen of the walk, so the README cannot drift from the app unnoticed.
 */

const README = resolve(import.meta.dirname, '../../README.md');
const SECTION = '## In the browser, role by role';
const SAMPLE_CSV = join(SAMPLES_DIR, 'rent-arrears-bo-ex.csv');
const ENERGY_BATCH = join(SAMPLES_DIR, 'energy-debts-batch.json');
const REPORT_ID = 'PL0900-2026-700001';

/** The README's demo section, and the texts it puts in italics (`_…_`), whitespace collapsed. */
function readmeDemo(): { text: string; quoted: string[] } {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(SECTION);
  const end = readme.indexOf('\n## ', start + SECTION.length);
  const text = readme.slice(start, end === -1 ? undefined : end);
  const quoted = [...text.matchAll(/(?<![\w`])_([^_`]+?)_(?!\w)/g)].map((match) =>
    (match[1] as string).replace(/\s+/g, ' ').trim(),
  );
  return { text, quoted };
}

let service: LocalService;
let browser: Browser;
let page: Page;
/** The text of every screen of the walk (options of the sign-in's list included). */
const screens: string[] = [];

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const textOf = async (locator: Locator) => collapse(await locator.textContent());
const heading = () => textOf(page.getByRole('heading', { level: 1 }));
const main = () => page.getByRole('main');
const menuLink = (name: string) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true });

/** The first column of the dashboard's table per team: the teams, then Totaal. */
const teamsOnDashboard = () =>
  page.getByRole('region', { name: 'Eerste contact per team' }).locator('tbody th');

/** The screen as it is now: kept for the README check; axe finds nothing on it, nor any English. */
async function seen(name: string) {
  screens.push(collapse(await page.evaluate(() => document.body.textContent)));
  expect(await accessibilityFindings(page), name).toEqual([]);
  expect(await visibleEnglish(page), name).toEqual([]);
}

/** Afmelden, then Aanmelden als the given demo principal, as the README's steps do. */
async function switchTo(token: string) {
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.getByLabel('Aanmelden als').waitFor();
  await seen(`sign-in before ${token}`);
  await page.getByLabel('Aanmelden als').selectOption(token);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
}

async function setClock(now: string) {
  await service.admin('/_local/clock', { now });
  await service.admin('/_local/drain');
}

beforeAll(async () => {
  service = await startLocalService();
  browser = await launchChromium();
});

// No script errors, failed requests or CSP violations during the walk.
afterEach(() => {
  if (page) expect(pageProblems(page)).toEqual([]);
});

afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await service?.stop();
});

describe("the README's browser demo, role by role (issue 15 acceptance 4)", () => {
  it('1. the clock frozen on Monday 23 November 10:00, Werk & Inkomen’s batch in by API', async () => {
    await setClock('2026-11-23T10:00:00+01:00');
    const response = await fetch(`${service.url}/intake/energy-debts`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-werk-en-inkomen', 'content-type': 'application/json' },
      body: readFileSync(ENERGY_BATCH),
    });
    expect(response.status).toBe(202);
    await service.admin('/_local/drain');

    page = await signIn(browser, service.url, 'dev-bo-ex');
    await expect
      .poll(() => textOf(page.locator('header')))
      .toContain('Testklok: maandag 23 november 2026, 10:00');
  });

  it('2. Bo-Ex: the format page, the sample list sent, the rejected rows filtered and downloaded', async () => {
    await expect.poll(heading).toBe('Huurachterstanden aanleveren');
    await seen('upload');
    await page.getByRole('link', { name: 'Bestandsformaat' }).click();
    await expect.poll(heading).toBe('Bestandsformaat');
    await seen('format');
    await menuLink('Aanleveren').click();
    await expect.poll(heading).toBe('Huurachterstanden aanleveren');

    await page.locator('#csv-file').setInputFiles(SAMPLE_CSV);
    await page.getByLabel(/stappen van de sociale incasso/).check();
    await page.getByRole('button', { name: 'Versturen' }).click();
    const receipt = page.getByRole('region', { name: 'Ontvangstbewijs', exact: true });
    await receipt.waitFor();
    await expect
      .poll(async () => (await receipt.locator('table.receipt-summary td').allTextContents()).join(' '))
      .toBe('8 4 4 0 0');
    await receipt.getByRole('radio', { name: /^Alleen afgewezen/ }).check();
    const rows = receipt.locator('table.receipt tbody tr');
    await expect
      .poll(async () => (await rows.locator('th').allInnerTexts()).map(Number))
      .toEqual([5, 6, 7, 9]);
    for (const reason of await rows.locator('td:nth-of-type(3)').allInnerTexts())
      expect(reason).toMatch(/: \S/);
    await seen('receipt');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      receipt.getByRole('button', { name: 'Afgewezen rijen downloaden (CSV)', exact: true }).click(),
    ]);
    const lines = readFileSync(await download.path())
      .subarray(3)
      .toString('utf8')
      .trim()
      .split('\r\n');
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual([
      'HN-100234',
      'HN-100235',
      'HN-100236',
      'HN-100238',
    ]);
    await service.admin('/_local/drain');
  });

  it('3. Werk & Inkomen: its batch among the earlier uploads, 3 rows, 1 rejected', async () => {
    await switchTo('dev-werk-en-inkomen');
    await expect.poll(heading).toBe('Eerdere aanleveringen');
    const batch = main().locator('tbody tr');
    await expect.poll(() => batch.count()).toBe(1);
    const cells = await batch.locator('td').allInnerTexts();
    expect(cells.slice(2)).toEqual(['3', '1', 'Verwerkt']);
    await seen('energy uploads');
  });

  it('4. the police: no reports yet, a care report through the form, to Veilig Thuis, done for them', async () => {
    await switchTo('dev-politie');
    await expect.poll(heading).toBe('Mijn meldingen');
    await expect.poll(() => textOf(main())).toContain('Er zijn nog geen zorgmeldingen.');
    await seen('police home, empty');

    await menuLink('Zorgmelding doen').click();
    await expect.poll(heading).toBe('Zorgmelding doen');
    // Sent half-filled: the form says in Dutch what is missing.
    await page.locator('#cr-report-id').fill(REPORT_ID);
    await page.getByRole('button', { name: 'Zorgmelding versturen' }).click();
    await expect
      .poll(() => textOf(page.locator('.app-error-summary')))
      .toContain('Vul de datum en tijd van de melding in.');
    await seen('care report, half-filled');

    await page.locator('#cr-reported-at-date').fill('23-11-2026');
    await page.locator('#cr-reported-at-time').fill('09:30');
    await page.locator('#cr-unit').fill('Basisteam Overvecht');
    await page.getByLabel('Huiselijk geweld').check();
    await page.locator('#cr-acute-nee').check();
    await page.locator('#cr-violence-ja').check();
    await page.locator('#cr-child-nee').check();
    await page.getByLabel('Niet gevraagd').check();
    await page.locator('#cr-initials').fill('A.');
    await page.locator('#cr-surname').fill('Jansen');
    await page.locator('#cr-postcode').fill('3527 AB');
    await page.locator('#cr-house-number').fill('22');
    await page.getByRole('button', { name: 'Zorgmelding versturen' }).click();
    const confirmation = page.getByRole('status').filter({ hasText: REPORT_ID });
    await expect.poll(() => textOf(confirmation)).toContain('direct doorgezet naar Veilig Thuis');
    await seen('care report sent');
    await service.admin('/_local/drain');

    await menuLink('Mijn meldingen').click();
    const report = page.getByRole('row').filter({ hasText: REPORT_ID });
    // Forwarded to Veilig Thuis: for the police the report is done (outcome-codes.json: afgerond).
    await expect
      .poll(async () => (await report.getByRole('cell').allInnerTexts())[3])
      .toBe('Afgerond De melding is afgehandeld, of doorgezet naar Veilig Thuis.');
    await seen('police home, one report');
  });

  it('5. Veilig Thuis: the forward at home, taken into handling', async () => {
    await switchTo('dev-veilig-thuis');
    await expect.poll(heading).toBe('Doorzettingen naar Veilig Thuis');
    const row = page.getByRole('region', { name: 'Open doorzettingen' }).getByRole('row').filter({
      hasText: 'Jansen',
    });
    await expect.poll(() => row.count()).toBe(1);
    expect(await textOf(row)).toContain('Huiselijk geweld');
    await seen('veilig thuis home');
    await row.getByRole('button', { name: 'In behandeling genomen' }).click();
    await page.getByRole('button', { name: 'Ja, in behandeling genomen' }).waitFor();
    await seen('veilig thuis, confirmation');
    await page.getByRole('button', { name: 'Ja, in behandeling genomen' }).click();
    const handled = page.getByRole('region', { name: 'Afgehandelde meldingen' });
    await expect.poll(() => handled.getByRole('row').filter({ hasText: 'Jansen' }).count()).toBe(1);
    await expect.poll(() => textOf(main())).toContain('Er zijn geen open doorzettingen.');
    await seen('veilig thuis, handled');
  });

  it('6. a week later, the J&G Overvecht coordinator: three escalations at level 1', async () => {
    await setClock('2026-12-01T09:00:00+01:00');
    await switchTo('dev-coordinator-bt-jg-overvecht');
    const escalations = page.getByRole('region', { name: 'Escalaties' });
    await expect.poll(() => escalations.getByRole('listitem').count()).toBe(3);
    for (const item of await escalations.getByRole('listitem').allInnerTexts())
      expect(item).toContain('Niveau 1');
    await expect
      .poll(() => textOf(page.locator('header')))
      .toContain('Testklok: dinsdag 1 december 2026, 09:00');
    await seen('coordinator inbox');
  });

  it('7. the J&G Overvecht worker: three overdue, M. Özdemir known from the BRP, J. van Dijk reached by phone and closed after a confirmation', async () => {
    await switchTo('dev-bt-jg-overvecht');
    const overdue = page.getByRole('tab', { name: /Over de termijn/ });
    await expect.poll(() => textOf(overdue)).toBe('Over de termijn 3');
    await overdue.click();
    const rows = main().locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    for (const row of await rows.allInnerTexts()) expect(row).toContain('1 werkdag te laat');
    await seen('inbox overdue');

    // Issue 16: Bo-Ex left row 3's household out; the BRP stand-in says two minors live there.
    await page.getByRole('link', { name: 'M. Özdemir' }).click();
    await expect.poll(heading).toBe('M. Özdemir');
    await expect.poll(() => textOf(main())).toContain('2 (volgens de BRP, op de ontvangstdatum)');
    expect(await textOf(main())).toContain('volgens de BRP wonen er 2 minderjarigen op het adres');
    await seen('signal known from the BRP');
    await page.goBack();
    await overdue.click();
    await expect.poll(() => rows.count()).toBe(3);

    await page.getByRole('link', { name: 'J. van Dijk' }).click();
    await expect.poll(heading).toBe('J. van Dijk');
    await expect.poll(() => textOf(main())).toContain('2 (volgens Bo-Ex)');
    expect(await textOf(page.getByRole('region', { name: 'Persoon en adres' }))).toMatch(
      /Bernadottelaan 12.*Utrecht/,
    );
    await seen('signal open');

    await page.locator('#contact-kind').selectOption({ label: 'Telefoon' });
    await page.getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => textOf(page.getByRole('status'))).toBe('Contactpoging vastgelegd.');
    await seen('contact recorded');

    const close = page.getByRole('region', { name: 'Afsluiten', exact: true });
    await close.getByLabel('Uitkomst (DDAS)').selectOption({ label: 'Vervolghulp en/of verwijzing' });
    await close.getByRole('button', { name: 'Afsluiten…' }).click();
    await expect
      .poll(() => textOf(close.locator('.utrecht-alert p')))
      .toBe(
        'U sluit dit signaal af met: Vervolghulp en/of verwijzing. Dit kan niet ongedaan worden gemaakt.',
      );
    await seen('close confirmation');
    await close.getByRole('button', { name: 'Bevestigen' }).click();
    const record = page.locator('.utrecht-alert').filter({ hasText: 'Dit signaal is afgesloten' });
    await expect
      .poll(() => record.locator('dd').allInnerTexts())
      .toEqual([
        'Vervolghulp en/of verwijzing',
        '1 dec 09:00',
        'Medewerker buurtteam · Buurtteam Jeugd & Gezin Overvecht',
      ]);
    await seen('signal closed');
    await service.admin('/_local/drain');
  });

  it('8. Bo-Ex’s feedback per row: Afgerond, Ontvangen, Niet opgepakt — never why or by whom', async () => {
    await switchTo('dev-bo-ex');
    await menuLink('Eerdere aanleveringen').click();
    await page.getByRole('row').filter({ hasText: 'rent-arrears-bo-ex.csv' }).getByRole('link').click();
    const feedbackOf = async (row: number) =>
      (
        await page
          .locator('table.receipt')
          .getByRole('row')
          .filter({ hasText: new RegExp(`^${row}`) })
          .locator('td')
          .allInnerTexts()
      )[3];
    await expect.poll(() => feedbackOf(2)).toBe('Afgerond');
    expect(await feedbackOf(3)).toBe('Ontvangen');
    expect(await feedbackOf(8)).toBe('Niet opgepakt');
    expect(await textOf(main())).not.toMatch(/Jeugd & Gezin|Overvecht|Telefoon|Vervolghulp|drempel/);
    await seen('upload feedback');
  });

  it('9. the J&G manager: every Jeugd & Gezin team on the dashboard, counts beside percentages', async () => {
    await switchTo('dev-manager-jg');
    await expect.poll(heading).toBe('Dashboard eerste contact');
    const teams = teamsOnDashboard();
    await expect.poll(async () => (await teams.allInnerTexts()).length).toBeGreaterThan(2);
    const names = await teams.allInnerTexts();
    expect(names.at(-1)).toBe('Totaal');
    for (const team of names.slice(0, -1)) expect(team).toContain('Jeugd & Gezin');
    expect(await textOf(main())).toMatch(/\d+% \(\d+ van \d+\)/);
    await seen('dashboard');
  });

  it('10. the municipality: the dashboard only; the inbox is not for its role', async () => {
    await switchTo('dev-gemeente');
    await expect.poll(heading).toBe('Dashboard eerste contact');
    expect(
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts(),
    ).toEqual(['Dashboard']);
    await seen('municipality dashboard');
    await page.goto(`${service.url}/#/inbox`);
    await expect.poll(() => textOf(main())).toContain('Deze pagina is niet voor uw rol');
    await seen('municipality refused the inbox');
  });

  it('11. the administrator: any team’s Werkvoorraad, every team’s dashboard', async () => {
    await switchTo('dev-admin');
    await menuLink('Werkvoorraad').click();
    const team = page.getByLabel('Team', { exact: true });
    await team.selectOption({ label: 'Buurtteam Jeugd & Gezin Overvecht' });
    await expect.poll(heading).toBe('Werkvoorraad Buurtteam Jeugd & Gezin Overvecht');
    await seen('admin inbox');
    await menuLink('Dashboard').click();
    await expect.poll(heading).toBe('Dashboard eerste contact');
    const teams = teamsOnDashboard();
    await expect.poll(async () => (await teams.allInnerTexts()).join(' ')).toMatch(/Sociaal/);
    expect((await teams.allInnerTexts()).join(' ')).toMatch(/Jeugd & Gezin/);
    await seen('admin dashboard');
  });

  it('12. cbs: no web app, nobody signed in', async () => {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByLabel('Aanmelden als').selectOption('dev-cbs');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => textOf(page.getByRole('alert'))).toContain('Geen toegang tot de webapp');
    expect(await page.getByRole('button', { name: 'Afmelden' }).count()).toBe(0);
    await seen('cbs refused');
    await screenshot(page, 'readme-demo-cbs');
  });

  it('every text the README shows in italics was on a screen of the walk', () => {
    const { quoted } = readmeDemo();
    expect(quoted.length).toBeGreaterThan(40);
    const missing = quoted.filter((text) => !screens.some((screen) => screen.includes(text)));
    expect(missing).toEqual([]);
  });
});
