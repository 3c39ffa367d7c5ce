import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Not committed (.gitignore); the README names it. */
export const SCREENSHOTS_DIR = resolve(import.meta.dirname, '../../../test-results/screenshots');

/** Debian's Chromium, never a downloaded one. Missing is a failure with the fix, not a skip. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} ontbreekt: installeer Chromium met "apt-get install -y chromium"`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // An English browser (issue 15): the app must still show only Dutch, its own validation
      // messages instead of the browser's, whatever the browser's language.
      '--lang=en-US',
    ],
  });
}

const problems = new WeakMap<Page, string[]>();

/**
 * What went wrong in the page that a user would not see: script errors, failed requests, and
 * anything the Content-Security-Policy blocked (Chromium reports those as console errors).
 */
export function pageProblems(page: Page): readonly string[] {
  return problems.get(page) ?? [];
}

/** A fresh context (its own sessionStorage) signed in as one of the local demo principals. */
export async function signIn(browser: Browser, url: string, token: string): Promise<Page> {
  // A laptop-sized window; the tablet layout gets its own check.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const seen: string[] = [];
  problems.set(page, seen);
  page.on('pageerror', (error) => seen.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  await page.getByLabel('Aanmelden als').selectOption(token);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
  return page;
}

/** The text a user reads in an element, whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core's WCAG 2.1 A/AA rules and best practices on the page as it is now. */
export async function accessibilityFindings(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's CSP forbids those.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/**
 * What an English browser or an untranslated screen would show (issue 15 build 6: Dutch throughout,
 * the browser runs with --lang=en-US): English words, months, days, AM/PM, a date as mm/dd, a file
 * input's own "Choose File", the API's field names instead of their Dutch labels.
 */
export const ENGLISH_ON_SCREEN =
  /\b(the|and|days?|left|overdue|late|Loading|Error|Please|required|field|Submit|Choose|chosen|Browse|Date|Time|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|AM|PM|reportedAt|acuteUnsafety|domesticViolence|childUnsafety|consent|summary)\b|mm\/dd/;

/** The page's visible text (innerText: hidden text is not what a user reads) holds no English. */
export async function visibleEnglish(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is what a user reads.
  const visible = await page.evaluate(() => document.body.innerText);
  return [...visible.matchAll(new RegExp(ENGLISH_ON_SCREEN, 'g'))].map((match) => match[0]);
}
