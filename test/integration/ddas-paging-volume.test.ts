import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DdasFigures, measureDdasPages } from '../../bench/ddas-pages.ts';
import { startSdkMeter } from '../../bench/sdk-meter.ts';
import { DDAS_RECORDS_PER_ANSWER } from '../../shared/application/ddas-gegevens.ts';
import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../../shared/http/lambda-response-limit.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 14, acceptance 3 and build 3: 60,000 generated debt signals of November go to CBS page by
// page, with the same totals on every page, no signal twice and none missing. CBS asks pages of
// 25,000; those would be some 11 MB, over what a Lambda may answer (6 MB), so the pages hold
// DDAS_RECORDS_PER_ANSWER and `paginering.pageSize` says so. The same run as `npm run bench`'s ddas
// section (bench/ddas-pages.ts), which reports time, reads and bytes per page.
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
  it('come in pages of at most 25,000 — as many as fit in an answer — with consistent totals', () => {
    const pages = Math.ceil(60_000 / DDAS_RECORDS_PER_ANSWER);
    expect(DDAS_RECORDS_PER_ANSWER).toBeLessThanOrEqual(25_000);
    expect(figures.pageSize).toBe(25_000);
    expect(figures.answeredPageSize).toBe(DDAS_RECORDS_PER_ANSWER);
    expect(figures.totalRecords).toBe(60_000);
    expect(figures.totalPages).toBe(pages);
    expect(figures.pages.map((page) => page.records)).toEqual(
      Array.from({ length: pages }, (_, index) =>
        Math.min(DDAS_RECORDS_PER_ANSWER, 60_000 - index * DDAS_RECORDS_PER_ANSWER),
      ),
    );
  });

  it('answer every page within what a Lambda may answer', () => {
    for (const page of figures.pages) expect(page.lambdaBytes).toBeLessThan(LAMBDA_RESPONSE_LIMIT_BYTES);
  });

  it('hold every signal exactly once', () => {
    expect(figures.distinctDelivered).toBe(60_000);
    expect(figures.pages.reduce((sum, page) => sum + page.records, 0)).toBe(60_000);
  });

  it('cost what the page holds once the period is counted: later pages read no more than their days and items', () => {
    const [first, ...later] = figures.pages;
    // The first page counts the month's 60,000 index entries; the month's counts are then remembered.
    expect(first?.ddbItemsRead).toBeGreaterThan(60_000);
    for (const page of later) expect(page.ddbItemsRead).toBeLessThan(4 * DDAS_RECORDS_PER_ANSWER);
  });
});
