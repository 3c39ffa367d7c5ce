import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../support/samples.ts';
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
 * Issue 5's acceptance, as the people who use the app would do it, in Debian's Chromium against
 * `npm start`: Bo-Ex uploads its list, time passes, the J&G Overvecht coordinator is told, the worker
 * makes the call, the manager sees the KPI. The steps run in order and build on each other.
 */
const SAMPLE_CSV = join(SAMPLES_DIR, 'rent-arrears-bo-ex.csv');
const WORKER = 'dev-bt-jg-overvecht';
const COORDINATOR = 'dev-coordinator-bt-jg-overvecht';
/** Row 2 of the sample: two minors, so Jeugd & Gezin Overvecht (R1, R3); first contact due 30-11. */
const ROUTED_PERSON = 'J. van Dijk';

let service: LocalService;
let browser: Browser;
const pages: Page[] = [];

async function as(token: string): Promise<Page> {
  const page = await signIn(browser, service.url, token);
  pages.push(page);
  return page;
}

async function expectNoAccessibilityFindings(page: Page, name: string) {
  expect(await accessibilityFindings(page), name).toEqual([]);
}

beforeAll(async () => {
  // Without the BRP stand-in: these pages are shown on signals whose household composition stays
  // unknown (samenstelling-onbekend, R5), as on a deployment without a BRP connection. The BRP's
  // own screens are walked in readme-demo.test.ts.
  service = await startLocalService({ BRP_STAND_IN: 'off' });
  browser = await launchChromium();
  // Monday 23 November 2026, 10:00 in Utrecht: five working days later is Monday 30 November (D1).
  await service.admin('/_local/clock', { now: '2026-11-23T10:00:00+01:00' });
});

// No script errors, failed requests or CSP violations on any page a test opened.
afterEach(() => {
  for (const page of pages) expect(pageProblems(page)).toEqual([]);
});

afterAll(async () => {
  for (const page of pages) await page.context().close();
  await browser?.close();
  await service?.stop();
});

describe('web app (issue 5)', () => {
  it('a corporation uploads the sample CSV and sees the 4 rejected rows with their reasons (I1, C1, C4)', async () => {
    const page = await as('dev-bo-ex');
    await expect
      .poll(() => textOf(page.getByRole('heading', { level: 1 })))
      .toBe('Huurachterstanden aanleveren');

    await page.locator('#csv-file').setInputFiles(SAMPLE_CSV);
    await page.getByText('Gekozen: rent-arrears-bo-ex.csv').waitFor();
    await page.getByLabel(/stappen van de sociale incasso/).check();
    await page.getByRole('button', { name: 'Versturen' }).click();

    const receipt = page.getByRole('region', { name: 'Ontvangstbewijs', exact: true });
    await receipt.waitFor();
    const rejected = receipt.locator('tr.rejected');
    await expect.poll(() => rejected.count()).toBe(4);
    const reasons = Object.fromEntries(
      await Promise.all(
        (await rejected.all()).map(async (row) => {
          const number = await row.locator('th').textContent();
          const [, , reason] = await row.locator('td').allInnerTexts();
          return [Number(number), reason] as const;
        }),
      ),
    );
    expect(Object.keys(reasons).map(Number)).toEqual([5, 6, 7, 9]);
    expect(reasons[5]).toMatch(/^geboortedatum: \S/);
    expect(reasons[6]).toMatch(/^postcode: \S/);
    expect(reasons[7]).toMatch(/^bezwaar: \S/);
    expect(reasons[9]).toMatch(/^bsn: \S/);
    await expect
      // The summary's counts: Ontvangen, Geaccepteerd, Afgewezen, Dubbel, Bijgewerkt.
      .poll(async () => (await receipt.locator('table.receipt-summary td').allTextContents()).join(' '))
      .toBe('8 4 4 0 0');

    // The rejected rows to fix and send again: the partner's own lines plus what is wrong.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      receipt.getByRole('button', { name: 'Afgewezen rijen downloaden (CSV)', exact: true }).click(),
    ]);
    const bytes = readFileSync(await download.path());
    // A UTF-8 byte order mark, so spreadsheet programs show é and Ö; CRLF like the partner's file.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^Huurdernummer;.*;fouten$/);
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual([
      'HN-100234',
      'HN-100235',
      'HN-100236',
      'HN-100238',
    ]);

    await screenshot(page, 'upload-receipt');
    await expectNoAccessibilityFindings(page, 'upload-receipt');
    await service.admin('/_local/drain');
  });

  it('a coordinator sees an escalation once the test clock passes the deadline (D2, D4)', async () => {
    const page = await as(COORDINATOR);
    const escalations = page.getByRole('region', { name: 'Escalaties' });
    await expect.poll(() => escalations.getByText('Geen escalaties.').isVisible()).toBe(true);

    // Tuesday 1 December: the end of 30 November has passed; setting the clock runs the sweep.
    await service.admin('/_local/clock', { now: '2026-12-01T09:00:00+01:00' });
    await service.admin('/_local/drain');
    await page.reload();

    await expect.poll(() => escalations.getByRole('listitem').count()).toBe(1);
    await expect.poll(() => textOf(escalations.getByRole('listitem'))).toContain('Niveau 1');
    await expect.poll(() => textOf(escalations.getByRole('listitem'))).toContain('naar coördinator');

    // The coordinator follows the escalation to the signal and sees who has looked at it (P3).
    await escalations.getByRole('link').click();
    const audit = page.getByRole('region', { name: 'Auditspoor' });
    // Who in words (issue 15): the role and team, never the token id.
    await expect
      .poll(() => textOf(audit))
      .toContain('Signaal geopendCoördinator · Buurtteam Jeugd & Gezin Overvecht');
    expect(await textOf(audit)).not.toContain(COORDINATOR);
    await expectNoAccessibilityFindings(page, 'signal-page-coordinator');
  });

  it('a J&G Overvecht worker finds the signal, registers a reached phone call and it leaves the overdue tab (D3)', async () => {
    const page = await as(WORKER);
    await expect
      .poll(() => textOf(page.getByRole('heading', { level: 1 })))
      .toBe('Werkvoorraad Buurtteam Jeugd & Gezin Overvecht');
    const overdueTab = page.getByRole('tab', { name: /Over de termijn/ });
    await expect.poll(() => textOf(overdueTab)).toBe('Over de termijn 1');
    await overdueTab.click();
    const row = page.getByRole('row').filter({ hasText: ROUTED_PERSON });
    // Due Monday 30 November, now Tuesday 1 December: one working day late (issue 15: working days).
    await expect.poll(() => textOf(row)).toContain('1 werkdag te laat');
    await expect.poll(() => textOf(row)).toContain('Niveau 1');
    // inbox.png is test/browser/inbox-dashboard.test.ts's (issue 15); this one shows the overdue tab.
    await screenshot(page, 'inbox-overdue');
    await expectNoAccessibilityFindings(page, 'inbox');

    // Keyboard only from here: Tab to the signal's link, Enter, Tab through the form, Enter to submit.
    await tabUntil(page, (focused) => focused.text === ROUTED_PERSON);
    await page.keyboard.press('Enter');
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe(ROUTED_PERSON);
    await expect
      .poll(() => textOf(page.getByRole('region', { name: 'Persoon en adres' })))
      .toContain('Bernadottelaan 12');

    // Nothing is chosen beforehand (issue 15): the kind with the arrow key, "Ja" with the space bar.
    await tabUntil(page, (focused) => focused.id === 'contact-kind');
    expect(await page.locator('#contact-kind').inputValue()).toBe('');
    await expectVisibleFocus(page);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#contact-kind').inputValue()).toBe('telefoon');
    await tabUntil(page, (focused) => focused.id === 'contact-reached-ja');
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Ja' }).isChecked()).toBe(true);
    await tabUntil(page, (focused) => focused.text === 'Vastleggen');
    await page.keyboard.press('Enter');

    await expect.poll(() => textOf(page.getByRole('status'))).toBe('Contactpoging vastgelegd.');
    const contacts = page.getByRole('region', { name: 'Contactpogingen', exact: true });
    await expect.poll(() => textOf(contacts.locator('tbody tr'))).toBe('1 dec 09:00ochtendTelefoonJa—');
    await screenshot(page, 'signal-page');
    await expectNoAccessibilityFindings(page, 'signal-page');

    await page.getByRole('link', { name: /← Werkvoorraad/ }).click();
    // An answer that arrives after a switch of tabs is dropped (test/browser/inbox-dashboard.test.ts).
    await page.getByRole('row').filter({ hasText: ROUTED_PERSON }).waitFor();
    await page.getByRole('tab', { name: /Over de termijn/ }).click();
    await expect.poll(() => page.getByText('Geen signalen in dit tabblad.').isVisible()).toBe(true);
    await expect
      .poll(() => textOf(page.getByRole('tab', { name: /Over de termijn/ })))
      .toBe('Over de termijn 0');
    await page.getByRole('tab', { name: /Open/ }).click();
    await expect
      .poll(() => textOf(page.getByRole('row').filter({ hasText: ROUTED_PERSON })))
      .toContain('contact gehad');
  });

  it('the corporation sees per-row feedback on its earlier upload, never the reason (C4)', async () => {
    const page = await as('dev-bo-ex');
    await page.getByRole('link', { name: 'Eerdere aanleveringen' }).click();
    const upload = page.getByRole('row').filter({ hasText: 'rent-arrears-bo-ex.csv' });
    await expect
      .poll(() => upload.locator('td').allInnerTexts())
      .toEqual(['23 nov, 10:00', 'rent-arrears-bo-ex.csv', '8', '4', 'Verwerkt']);
    await upload.getByRole('link').click();
    // The menu marks where the partner is: the earlier uploads, not the upload form.
    expect(await textOf(page.locator('[aria-current="page"]'))).toBe('Eerdere aanleveringen');

    const feedbackOf = async (row: number) =>
      (
        await page
          .locator('table.receipt')
          .getByRole('row')
          .filter({ hasText: new RegExp(`^${row}`) })
          .locator('td')
          .allInnerTexts()
      )[3];
    await expect.poll(() => feedbackOf(2)).toBe('Opgepakt');
    expect(await feedbackOf(3)).toBe('Ontvangen');
    expect(await feedbackOf(8)).toBe('Niet opgepakt');
    expect(await textOf(page.getByRole('main'))).not.toMatch(/Jeugd & Gezin|Overvecht|Telefoon|drempel/);
    await screenshot(page, 'upload-feedback');
    await expectNoAccessibilityFindings(page, 'upload-feedback');
  });

  it('a manager sees the first-contact KPI per team as a chart (D5)', async () => {
    const page = await as('dev-manager-jg');
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Dashboard eerste contact');
    // The chart's text alternative (issue 15): a table with each week's share and its count.
    const chart = page.getByRole('table', {
      name: 'Buurtteam Jeugd & Gezin Overvecht: op tijd bereikt per week',
    });
    const week = (label: string) => chart.getByRole('row').filter({ hasText: label }).getByRole('cell');
    // Due in week 49 and reached a day late: 0% in time that week; no signals due the weeks before.
    await expect.poll(() => textOf(week('wk 49'))).toBe('0% (0 van 1)');
    expect(await textOf(week('wk 48'))).toBe('– (0 van 0)');
    await expect
      .poll(() => textOf(page.getByRole('region', { name: 'Nu over de termijn' })))
      .toContain('In totaal 0 signalen');
    // dashboard.png is test/browser/inbox-dashboard.test.ts's (issue 15).
    await screenshot(page, 'dashboard-kpi');
    await expectNoAccessibilityFindings(page, 'dashboard');
  });

  it('works on a tablet: the page does not scroll sideways, wide tables scroll in their own region', async () => {
    const page = await as(WORKER);
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('tab', { name: /Open/ }).click();
    await page.getByRole('row').filter({ hasText: ROUTED_PERSON }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'inbox-tablet');
  });

  it('D3/O1 (issue 12): the ten DDAS contact kinds, an attempt shown with its dagdeel, closing with vervolghulp', async () => {
    // Tuesday 1 December, 14:30 in Utrecht: an attempt "now" falls in the middag.
    await service.admin('/_local/clock', { now: '2026-12-01T14:30:00+01:00' });
    const page = await as(WORKER);
    await page.getByRole('tab', { name: /Open/ }).click();
    await page.getByRole('row').filter({ hasText: ROUTED_PERSON }).getByRole('link').click();
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe(ROUTED_PERSON);

    const kinds = page.locator('#contact-kind option');
    await expect
      .poll(() =>
        kinds.evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
      )
      .toEqual([
        '',
        'telefoon',
        'huisbezoek',
        'brief',
        'mail',
        'sms-whatsapp',
        'kaartje',
        'afspraak-op-locatie',
        'administratief',
        'overige',
        'onbekend',
      ]);
    expect(await kinds.allInnerTexts()).toEqual([
      'Kies de soort contact…',
      'Telefoon',
      'Huisbezoek',
      'Brief',
      'E-mail',
      'Sms / WhatsApp',
      'Kaartje door de deur',
      'Afspraak op locatie',
      'Administratief',
      'Overige',
      'Onbekend',
    ]);
    const outcome = page.locator('#close-outcome option[value="vervolghulp"]');
    expect(await textOf(outcome)).toBe('Vervolghulp en/of verwijzing');

    await page.getByLabel('Soort contact').selectOption('afspraak-op-locatie');
    await page.getByRole('radio', { name: 'Nee' }).check();
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => textOf(page.getByRole('status'))).toBe('Contactpoging vastgelegd.');
    const contacts = page.getByRole('region', { name: 'Contactpogingen', exact: true }).locator('tbody tr');
    await expect.poll(() => contacts.count()).toBe(2);
    expect(await contacts.nth(0).locator('td').allInnerTexts()).toEqual([
      '1 dec 09:00',
      'ochtend',
      'Telefoon',
      'Ja',
      '—',
    ]);
    expect(await contacts.nth(1).locator('td').allInnerTexts()).toEqual([
      '1 dec 14:30',
      'middag',
      'Afspraak op locatie',
      'Nee',
      '—',
    ]);
    await screenshot(page, 'signal-page-contact-kinds');
    await expectNoAccessibilityFindings(page, 'signal-page-contact-kinds');

    await page.getByLabel('Uitkomst (DDAS)').selectOption('vervolghulp');
    await page.getByRole('button', { name: 'Afsluiten…' }).click();
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await expect.poll(() => textOf(page.getByRole('status'))).toBe('Signaal afgesloten.');
    await expect.poll(() => textOf(page.locator('.page-head'))).toBe(`${ROUTED_PERSON}Afgesloten`);
    expect(await textOf(page.locator('dt:text-is("Uitkomst") + dd'))).toBe('Vervolghulp en/of verwijzing');
    const signalId = decodeURIComponent(new URL(page.url()).hash.split('/').at(-1) ?? '');
    const detail = await fetch(`${service.url}/signals/${signalId}`, {
      headers: { authorization: 'Bearer dev-admin' },
    });
    expect(await detail.json()).toMatchObject({ status: 'closed', outcome: 'vervolghulp' });
  });
});

describe("Gemeente Utrecht's design system (issue 15)", () => {
  it('the signed-in layout: Utrecht theme, header with the role and Afmelden, a footer whose help, privacy and contact pages are no dead end', async () => {
    const page = await as(WORKER);
    await expect
      .poll(() => textOf(page.getByRole('heading', { level: 1 })))
      .toBe('Werkvoorraad Buurtteam Jeugd & Gezin Overvecht');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.locator('html').getAttribute('class')).toContain('utrecht-theme');
    const header = page.getByRole('banner');
    expect(await textOf(header)).toContain('Gemeente Utrecht');
    expect(await textOf(header)).toContain(
      'Aangemeld als Medewerker buurtteam · Buurtteam Jeugd & Gezin Overvecht',
    );
    expect(
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts(),
    ).toEqual(['Werkvoorraad', 'Afspraken deze week']);
    // Utrecht's typeface, from the app's own origin (the CSP allows no other).
    await expect
      .poll(() => page.evaluate(() => document.fonts.check('16px "Noto Sans Variable"', 'Buurtsignaal')))
      .toBe(true);
    await screenshot(page, 'layout-signed-in');
    await expectNoAccessibilityFindings(page, 'layout-signed-in');

    const footer = page.getByRole('contentinfo');
    for (const [link, heading, says] of [
      ['Hulp', 'Hulp bij Buurtsignaal', 'binnen vijf werkdagen'],
      ['Privacyverklaring', 'Privacyverklaring', '6 maanden na ontvangst'],
      ['Contact', 'Contact', 'coördinator van uw team'],
    ] as const) {
      await footer.getByRole('link', { name: link }).click();
      await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe(heading);
      expect(await textOf(page.getByRole('main'))).toContain(says);
      expect(await textOf(footer.locator('[aria-current="page"]'))).toBe(link);
      await expectNoAccessibilityFindings(page, `info-${link}`);
    }
    await screenshot(page, 'contact');
  });

  it('sign-in in an English browser: Dutch messages of its own, an error summary that leads to the field', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(service.url);
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    // No browser bubble (noValidate): the form's own Dutch message, at the field and in the summary.
    expect(await page.locator('form').getAttribute('novalidate')).not.toBeNull();
    const summary = page.locator('.app-error-summary');
    await expect.poll(() => textOf(summary)).toContain('Kies met welke rol u wilt aanmelden.');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('app-error-summary'))).toBe(
      true,
    );
    const select = page.getByLabel('Aanmelden als');
    expect(await select.getAttribute('aria-invalid')).toBe('true');
    expect(await select.getAttribute('aria-describedby')).toBe('principal-error');
    expect(await textOf(page.locator('#principal-error'))).toBe('Kies met welke rol u wilt aanmelden.');
    await screenshot(page, 'sign-in-error');
    await expectNoAccessibilityFindings(page, 'sign-in-error');

    // The summary's link focuses the field and leaves the route alone.
    const url = page.url();
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('principal');
    expect(page.url()).toBe(url);

    // The footer is there before signing in too.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacyverklaring' }).click();
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Privacyverklaring');
    await page.goto(service.url);
    await page.getByLabel('Aanmelden als').selectOption(WORKER);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('button', { name: 'Afmelden' }).waitFor();
  });
});

interface Focused {
  readonly id: string;
  readonly text: string;
}

/** Presses Tab until the focused element matches; fails if it never does (a keyboard trap or gap). */
async function tabUntil(page: Page, matches: (focused: Focused) => boolean, limit = 80) {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      id: document.activeElement?.id ?? '',
      text: document.activeElement?.textContent?.trim() ?? '',
    }));
    if (matches(focused)) return;
  }
  throw new Error(`Na ${limit} keer Tab niet aangekomen bij het gezochte element`);
}

/**
 * The focused control has Utrecht's focus ring (the design tokens' focus outline, drawn by
 * utrecht-root on every focusable element): dotted, 2px, black with a white edge; not the browser's.
 */
async function expectVisibleFocus(page: Page) {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
  });
  expect(outline).toEqual({ style: 'dotted', width: '2px', color: 'rgb(0, 0, 0)' });
}
