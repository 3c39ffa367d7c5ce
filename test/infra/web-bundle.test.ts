import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WEB_CONFIG = resolve(import.meta.dirname, '../../web/vite.config.ts');
/** Issue 5: the people in the teams work on municipal laptops and tablets, often on slow Wi-Fi. */
const MAX_GZIPPED_JS_BYTES = 250 * 1024;
/**
 * Issue 15: Gemeente Utrecht's design system, only the components the app uses (web/src/utrecht.css;
 * the whole component library would be some 16 KB more), its tokens and the app's own CSS.
 */
const MAX_GZIPPED_CSS_BYTES = 40 * 1024;

const gzippedSize = (files: readonly string[], dir: string) =>
  files.reduce((total, file) => total + gzipSync(readFileSync(join(dir, file))).length, 0);

describe('web app build (issue 5)', () => {
  let outDir: string;
  let files: string[];

  beforeAll(async () => {
    // Prepare: the production build, as `npm run build:web` makes it, into a folder of its own.
    outDir = mkdtempSync(join(tmpdir(), 'buurtsignaal-web-'));
    await build({ configFile: WEB_CONFIG, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    files = readdirSync(join(outDir, 'assets'));
  });

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('ships an index.html that loads its hashed script and stylesheet', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    // One entry script; other chunks (the CSV parser of the rejected-rows download, issue 11) load on demand.
    const entries = files.filter((file) => file.endsWith('.js') && html.includes(`/assets/${file}`));
    expect(entries).toHaveLength(1);
    for (const file of files.filter((name) => name.endsWith('.css'))) {
      expect(html).toContain(`/assets/${file}`);
    }
    // Dutch, in Gemeente Utrecht's theme (issue 15).
    expect(html).toMatch(/<html lang="nl" class="utrecht-theme utrecht-root">/);
  });

  it(`keeps all JavaScript under ${MAX_GZIPPED_JS_BYTES / 1024} KB gzipped`, () => {
    const gzipped = gzippedSize(
      files.filter((file) => file.endsWith('.js')),
      join(outDir, 'assets'),
    );
    console.log(`web app JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(MAX_GZIPPED_JS_BYTES);
  });

  it(`keeps its CSS under ${MAX_GZIPPED_CSS_BYTES / 1024} KB gzipped`, () => {
    const gzipped = gzippedSize(
      files.filter((file) => file.endsWith('.css')),
      join(outDir, 'assets'),
    );
    console.log(`web app CSS: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(MAX_GZIPPED_CSS_BYTES);
  });
});
