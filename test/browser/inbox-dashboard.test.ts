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
 * Issue 15 build 5 ("time as people read it") and the inbox and dashboard of build 1, in Debian's
 * Chromium in English against `npm start`: days left in working days, dates with the year when it is
 * not the service's year, the test clock visible on every page while it stands still, the dashboard
 * with the count beside every percentage, a period filter and every team of the scope. The steps run
 * in order: the clock moves forward between them.
 *
 * The signals, all for Buurtteam Jeugd & Gezin Overvecht (3563, two minors: R4):
 * - Akkerman and Bosman, received Monday 23 November 2026: due Monday 30 November (D2). Akkerman is
 *   reached the same day (in time); Bosman never.
 * - Claassen (vroegsignaal) and Dekker (eindeleveringssignaal, threatening: 3 working days), received
 *   Monday 28 December 2026: due Tuesday 5 January 2027 (29, 30, 31 December, 4 and 5 January — New
 *   Year's Day is a holiday) and Thursday 31 December.
 */
const WORKER = 'dev-bt-jg-overvecht';
const MANAGER = 'dev-manager-jg';

let service: LocalService;
let browser: Browser;
const pages: Page[] = [];
/** Pages whose requests to the test clock are answered 404 on purpose (as on a runtime without it). */
const withoutClock = new Set<Page>();

async function as(token: string): Promise<Page> {
  const page = await signIn(browser, service.url, token);
  pages.push(page);
  return page;
}

async function api<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** An energy signal for a household in Overvecht with two minors, so J&G Overvecht (R4). */
function energySignal(reference: string, surname: string, houseNumber: number, kind = 'vroegsignaal') {
  return {
    reference,
    supplier: 'Eneco',
    kind,
    customerNumber: `8${houseNumber}00000`,
    person: { initials: 'A.', surname, birthDate: '1980-05-01' },
    address: { postcode: '3563AB', houseNumber, city: 'Utrecht' },
    amount: 412.5,
    arrearsSince: '2026-09-01',
    minorsInHousehold: 2,
    ...(kind === 'eindeleveringssignaal' ? { endOfSupplyDate: '2027-01-15' } : {}),
  };
}

async function sendEnergySignals(batchId: string, signals: readonly object[]): Promise<string[]> {
  const receipt = await api<{ items: { status: string; signalId?: string }[] }>(
    'POST',
    '/intake/energy-debts',
    'dev-werk-en-inkomen',
    { batchId, signals },
  );
  expect(receipt.items.map((item) => item.status)).toEqual(signals.map(() => 'accepted'));
  await service.admin('/_local/drain');
  return receipt.items.map((item) => item.signalId ?? '');
}

/** The deadline cell as it reads on screen: the date, then (on its own line) the days left. */
async function deadlineOf(page: Page, name: string): Promise<string> {
  const cell = page.getByRole('row').filter({ hasText: name }).locator('td').first();
  return (await cell.innerText()).replace(/\s+/g, ' ').trim();
}

/** Every axe finding (WCAG 2.1 A/AA and best practices), not only the serious ones: 0 is the bar. */
async function expectNoAccessibilityFindings(page: Page) {
  expect(await accessibilityFindings(page)).toEqual([]);
}

async function expectOnlyDutch(page: Page) {
  expect(await visibleEnglish(page)).toEqual([]);
}

const banner = (page: Page) => page.getByRole('banner').locator('.utrecht-alert');

beforeAll(async () => {
  service = await startLocalService();
  browser = await launchChromium();
  // Monday 23 November 2026, 10:00 in Utrecht.
  await service.admin('/_local/clock', { now: '2026-11-23T10:00:00+01:00' });
  const [akkerman] = await sendEnergySignals('wi-2026-11-101', [
    energySignal('E-2026-101', 'Akkerman', 20),
    energySignal('E-2026-102', 'Bosman', 22),
  ]);
  await api('POST', `/signals/${akkerman}/contact-attempts`, WORKER, { kind: 'telefoon', reached: true });
  // Monday 28 December 2026, 10:00: Bosman is 19 working days late (1–4, 7–11, 14–18, 21–24 and 28
  // December; Christmas Day and Boxing Day are holidays), 28 calendar days.
  await service.admin('/_local/clock', { now: '2026-12-28T10:00:00+01:00' });
  await sendEnergySignals('wi-2026-12-101', [
    energySignal('E-2026-103', 'Claassen', 24),
    energySignal('E-2026-104', 'Dekker', 26, 'eindeleveringssignaal'),
  ]);
});

// No script errors, failed requests or CSP violations on any page a test opened; a page told on
// purpose that there is no test clock may show only that request's 404 in its console.
afterEach(() => {
  for (const page of pages) {
    const problems = pageProblems(page).filter(
      (problem) => !(withoutClock.has(page) && /status of 404/.test(problem)),
    );
    expect(problems).toEqual([]);
  }
});

afterAll(async () => {
  for (const page of pages) await page.context().close();
  await browser?.close();
  await service?.stop();
});

describe('the inbox (issue 15 builds 1 and 5)', () => {
  it('counts days left in working days and writes the year of a date in another year', async () => {
    const page = await as(WORKER);
    const row = (name: string) => page.getByRole('row').filter({ hasText: name });
    await expect.poll(() => textOf(row('Claassen'))).toContain('nog 5 werkdagen');
    // Due 5 January 2027 while the service's year is 2026: with the year; 8 calendar days, 5 working days.
    expect(await deadlineOf(page, 'Claassen')).toBe('5 jan 2027 nog 5 werkdagen');
    // Threatening (3 working days), due this year: no year.
    expect(await deadlineOf(page, 'Dekker')).toBe('31 dec nog 3 werkdagen');
    expect(await deadlineOf(page, 'Akkerman')).toBe('30 nov contact gehad');
    expect(await deadlineOf(page, 'Bosman')).toBe('30 nov 19 werkdagen te laat');

    // Counts in Utrecht's number badges, in the tabs' names.
    await expect.poll(() => textOf(page.getByRole('tab', { selected: true }))).toBe('Open 4');
    expect(await textOf(page.getByRole('tab', { name: /^Over de termijn/ }))).toBe('Over de termijn 1');

    // A flag is explained in words under the table, and on the badge's cell for the mouse.
    const explained = page.getByRole('region', { name: 'Wat de kenmerken betekenen' });
    expect((await explained.innerText()).replace(/\s+/g, ' ')).toContain(
      'Dreigend Dreigende situatie, zoals een ontruimingsdatum of het einde van de energielevering: de termijn is drie werkdagen in plaats van vijf.',
    );
    expect(await row('Dekker').locator('td').nth(6).getAttribute('title')).toMatch(
      /^Dreigend: Dreigende situatie/,
    );

    // The banner says the time stands still, and at what time.
    expect(await textOf(banner(page))).toBe(
      'Testklok: maandag 28 december 2026, 10:00 — de tijd staat stil. Termijnen, escalaties en datums rekenen met deze tijd.',
    );
    await expectOnlyDutch(page);
    await screenshot(page, 'inbox');
    await expectNoAccessibilityFindings(page);

    // The tabs from the keyboard (ARIA tabs): one tab stop, the arrow keys choose.
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => textOf(page.getByRole('tab', { selected: true }))).toBe('Over de termijn 1');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-overdue');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await expectNoAccessibilityFindings(page);
  });

  it('an answer for the tab the user left does not overwrite the tab chosen since', async () => {
    const page = await as(WORKER);
    await page.getByRole('row').filter({ hasText: 'Claassen' }).waitFor();
    // From now on the Open tab's list is held back until released.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/signals\?status=open/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('tab', { name: /^Over de termijn/ }).click();
    await page.getByRole('row').filter({ hasText: 'Bosman' }).waitFor();
    await page.getByRole('tab', { name: /^Open/ }).click();
    await page.getByRole('tab', { name: /^Over de termijn/ }).click();
    await page.getByRole('row').filter({ hasText: 'Bosman' }).waitFor();

    // The Open list arrives late, while Over de termijn is chosen.
    const lateAnswer = page.waitForResponse(/\/signals\?status=open/);
    release();
    await lateAnswer;
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))),
    );

    expect(await textOf(page.getByRole('tab', { selected: true }))).toBe('Over de termijn 1');
    const names = await page.getByRole('tabpanel').getByRole('row').allInnerTexts();
    expect(names.slice(1).map((text) => text.match(/Akkerman|Bosman|Claassen|Dekker/)?.[0])).toEqual([
      'Bosman',
    ]);
    await page.unroute(/\/signals\?status=open/);
  });
});

describe('the test clock (issue 15 build 5)', () => {
  it('shows on every page, before signing in too, with the time it stands at', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(service.url);
    await page.getByLabel('Aanmelden als').waitFor();
    await expect.poll(() => textOf(banner(page))).toContain('Testklok: maandag 28 december 2026, 10:00');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Hulp' }).click();
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Hulp bij Buurtsignaal');
    expect(await textOf(banner(page))).toContain('de tijd staat stil');
    await expectNoAccessibilityFindings(page);

    // Moved on: the next page shows the new time.
    await service.admin('/_local/clock', { now: '2027-01-04T10:00:00+01:00' });
    await page.getByRole('contentinfo').getByRole('link', { name: 'Contact' }).click();
    await expect.poll(() => textOf(banner(page))).toContain('Testklok: maandag 4 januari 2027, 10:00');
    await page.close();
  });

  it('a runtime without the test clock (as on AWS): no banner and no error', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await context.route(/\/_local\/clock$/, (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: '{"error":{"code":"route-not-found"}}',
      }),
    );
    const page = await context.newPage();
    pages.push(page);
    withoutClock.add(page);
    const seen = page.waitForResponse(/\/_local\/clock$/);
    await page.goto(service.url);
    await seen;
    await page.getByLabel('Aanmelden als').waitFor();
    expect(await banner(page).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('in the new year the dates of last year carry their year, this year’s not', async () => {
    // The clock stands at Monday 4 January 2027 (the previous test).
    const page = await as(WORKER);
    await expect.poll(() => deadlineOf(page, 'Claassen')).toBe('5 jan nog 1 werkdag');
    expect(await deadlineOf(page, 'Dekker')).toBe('31 dec 2026 1 werkdag te laat');
    expect(await deadlineOf(page, 'Bosman')).toBe('30 nov 2026 23 werkdagen te laat');
  });
});

describe('the dashboard (issue 15 builds 1 and 5)', () => {
  it('every team of the scope, the count beside every percentage, over the last 8 weeks', async () => {
    // Monday 4 January 2027: the last 8 weeks are Monday 16 November 2026 to Sunday 10 January 2027.
    const page = await as(MANAGER);
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Dashboard eerste contact');
    expect(await page.getByLabel('Van').inputValue()).toBe('16-11-2026');
    expect(await page.getByLabel('Tot en met').inputValue()).toBe('10-01-2027');
    const table = page.getByRole('table', { name: /^Eerste contact per team/ });
    await expect.poll(() => textOf(table)).toContain('Totaal');
    expect(
      await page.getByRole('heading', { level: 2, name: /^Eerste contact per team/ }).textContent(),
    ).toBe('Eerste contact per team, 16 nov 2026 t/m 10 jan');
    const cells = async (team: string) =>
      table.getByRole('row').filter({ hasText: team }).getByRole('cell').allInnerTexts();
    // Due in the period: Akkerman (in time), Bosman (late, still open), Dekker (late), Claassen (not yet).
    expect(await cells('Buurtteam Jeugd & Gezin Overvecht')).toEqual(['4', '25% (1 van 4)', '0', '2', '0']);
    // Every J&G team of the manager's scope, the ones without a signal with zeros.
    expect(await table.getByRole('row').count()).toBe(1 + 10 + 1);
    expect(await cells('Buurtteam Jeugd & Gezin Vleuten-De Meern')).toEqual([
      '0',
      '– (0 van 0)',
      '0',
      '0',
      '0',
    ]);
    expect(await cells('Totaal')).toEqual(['4', '25% (1 van 4)', '0', '2', '0']);
    expect(await textOf(table)).not.toContain('Sociaal');

    // The chart's text alternative: a table per team with every week's figure and its count.
    const weeks = page.getByRole('table', {
      name: 'Buurtteam Jeugd & Gezin Overvecht: op tijd bereikt per week',
    });
    const week = async (label: string) =>
      (await weeks.getByRole('row').filter({ hasText: label }).getByRole('cell').allInnerTexts())[0];
    expect(await weeks.getByRole('row').count()).toBe(1 + 8);
    expect(await week('wk 49')).toBe('50% (1 van 2)');
    expect(await week('wk 53')).toBe('0% (0 van 1)');
    expect(await week('wk 1')).toBe('0% (0 van 1)');
    expect(await week('wk 48')).toBe('– (0 van 0)');
    // The drawing itself is hidden from screen readers (the table says it all), and shows the counts.
    const drawing = page.locator('figure[aria-labelledby="kpi-bt-jg-overvecht-title"] svg');
    expect(await drawing.getAttribute('aria-hidden')).toBe('true');
    expect(await textOf(drawing)).toContain('50%');
    expect(await textOf(drawing)).toContain('1/2');

    await expectOnlyDutch(page);
    await screenshot(page, 'dashboard');
    await expectNoAccessibilityFindings(page);
  });

  it('the period filter: Dutch dates, Dutch messages, other figures', async () => {
    const page = await as(MANAGER);
    const table = page.getByRole('table', { name: /^Eerste contact per team/ });
    await expect.poll(() => textOf(table)).toContain('Totaal');

    // A date that does not exist: the form's own Dutch message, at the field and in the summary.
    await page.getByLabel('Van').fill('31-11-2026');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    const summary = page.locator('.app-error-summary');
    await expect.poll(() => textOf(summary)).toContain('31-11-2026 bestaat niet. Controleer dag en maand.');
    expect(await page.getByLabel('Van').getAttribute('aria-invalid')).toBe('true');
    await expectOnlyDutch(page);
    await expectNoAccessibilityFindings(page);

    // The two weeks around 30 November: Akkerman in time, Bosman not.
    await page.getByLabel('Van').fill('23-11-2026');
    await page.getByLabel('Tot en met').fill('6-12-2026');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: /^Eerste contact per team/ }).textContent())
      .toBe('Eerste contact per team, 23 nov 2026 t/m 6 dec 2026');
    const row = table.getByRole('row').filter({ hasText: 'Buurtteam Jeugd & Gezin Overvecht' });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['2', '50% (1 van 2)', '0', '1', '0']);
    const weeks = page.getByRole('table', {
      name: 'Buurtteam Jeugd & Gezin Overvecht: op tijd bereikt per week',
    });
    expect(await weeks.getByRole('row').count()).toBe(1 + 2);

    // Later than the start: refused in Dutch.
    await page.getByLabel('Tot en met').fill('01-11-2026');
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await expect
      .poll(() => textOf(summary))
      .toContain('"Tot en met" ligt vóór "Van": kies een latere datum.');
    await screenshot(page, 'dashboard-period-error');
  });

  it('the municipality: the dashboard is its home and its only page, with every team', async () => {
    const page = await as('dev-gemeente');
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Dashboard eerste contact');
    expect(await textOf(page.getByRole('navigation', { name: 'Hoofdmenu' }))).toBe('Dashboard');
    const table = page.getByRole('table', { name: /^Eerste contact per team/ });
    await expect.poll(() => table.getByRole('row').count()).toBe(1 + 21 + 1);
    expect(await textOf(table)).toContain('Toegang (centrale triage)');
    expect(await textOf(table)).not.toContain('Veilig Thuis');

    await page.goto(`${service.url}/#/inbox`);
    await expect
      .poll(() => textOf(page.getByRole('heading', { level: 1 })))
      .toBe('Deze pagina is niet voor uw rol');
    await page.getByRole('link', { name: 'Naar uw startpagina' }).click();
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Dashboard eerste contact');
  });
});

describe('back on real time', () => {
  it('the banner goes once the clock follows the real time again', async () => {
    const page = await as(WORKER);
    await expect.poll(() => textOf(banner(page))).toContain('de tijd staat stil');
    await service.admin('/_local/clock', { now: null });
    await page.getByRole('contentinfo').getByRole('link', { name: 'Hulp' }).click();
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Hulp bij Buurtsignaal');
    await expect.poll(() => banner(page).count()).toBe(0);
  });
});
