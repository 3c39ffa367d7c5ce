import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DdasFigures, measureDdasPages } from '../../bench/ddas-pages.ts';
import { startSdkMeter } from '../../bench/sdk-meter.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 14, acceptance 3: 60,000 generated debt signals of November go to CBS in 3 pages of at most
// 25,000, with the same totals on every page, no signal twice and none missing. The same run as
// `npm run bench`'s ddas section (bench/ddas-pages.ts), which reports time, reads and bytes per page.
let t: TestRuntime;
let figures: DdasFigures;

beforeAll(async () => {
  t = await startTestRuntime({ logLevel: 'ERROR' });
  const meter = startSdkMeter();
  try {
    figures = await measureDdasPages(t.runtime, meter, 60_000, 25_000);
  } finally {
    meter.stop();
  }
}, 600_000);

afterAll(async () => {
  await t?.stop();
});

describe('60,000 debt signals delivered page by page (issue 14, acceptance 3)', () => {
  it('come in 3 pages of at most 25,000 with consistent totals', () => {
    expect(figures.totalRecords).toBe(60_000);
    expect(figures.totalPages).toBe(3);
    expect(figures.pages.map((page) => page.records)).toEqual([25_000, 25_000, 10_000]);
  });

  it('hold every signal exactly once', () => {
    expect(figures.distinctDelivered).toBe(60_000);
    expect(figures.pages.reduce((sum, page) => sum + page.records, 0)).toBe(60_000);
  });
});
