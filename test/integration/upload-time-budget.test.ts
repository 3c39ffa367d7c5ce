import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rentArrearsCsv } from '../../bench/rent-arrears-file.ts';
import { addSdkMiddleware } from '../../shared/adapters/aws-clients.ts';
import { TABLE } from '../../shared/resources.ts';
import { capturedLogs } from './support/log-capture.ts';
import { readWholeReceipt } from './support/receipt-pages.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 11, acceptance 6 (DESIGN I1): on a slower data store — 20 ms more on every DynamoDB request,
// the handlers' and the router's alike — a 30,000-row upload answers within its time budget with
// 202 `verwerken` instead of timing out into a 500; the rest continues from the `uploads` queue, the
// receipt (GET /intake/uploads/{id}) shows progress and then every row — page by page, 1,000 lines
// a page (DESIGN C4), so no GET has to read 30,000 rows' feedback within its timeout — and every row
// is routed exactly once: nothing lost or doubled at the switch.
const ROWS = Number(process.env.BUDGET_TEST_ROWS ?? 30_000);
/**
 * The function's default budget is 15 s. On this store a 30,000-row upload takes some 10–12 s with
 * the 20 ms (on moto, which prompted the issue, it took over 29 s), so the test gives it 6 s: the
 * switch then happens on any machine, well inside the work, as it would on a store slower still.
 */
const BUDGET_MS = Number(process.env.BUDGET_TEST_MS ?? 6_000);
const LATENCY_MS = 20;
let t: TestRuntime;
let removeLatency: () => void;

type Receipt = {
  uploadId: string;
  status: 'verwerken' | 'klaar';
  counts: Record<string, number>;
  progress: { received: number; processed: number };
  rows: { row: number; status: string; signalId?: string }[];
  cursor?: string;
};

beforeAll(async () => {
  t = await startTestRuntime({ uploadTimeBudgetMs: BUDGET_MS, pollerConcurrency: 2 });
  await t.setClock('2026-11-23T10:00:00+01:00');
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  removeLatency = addSdkMiddleware(
    (next, context) => async (args: unknown) => {
      if (context.clientName === 'DynamoDBClient') await pause(LATENCY_MS);
      return next(args);
    },
    { name: 'slowStore', step: 'finalizeRequest' },
  );
});

afterAll(async () => {
  removeLatency?.();
  await t?.stop();
});

/** The router's decisions of this test's packs, from its log lines (ids and counts only, P2). */
function routerResults(offset: number): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const line of capturedLogs().slice(offset).split('\n')) {
    if (!line.startsWith('{') || !line.includes('"Signaal verwerkt"')) continue;
    // A pack of one signal logs that signal's `result`; a larger pack its `results` counted.
    const { result, results } = JSON.parse(line) as { result?: string; results?: Record<string, number> };
    const counts = results ?? (result ? { [result]: 1 } : {});
    for (const [outcome, count] of Object.entries(counts)) totals[outcome] = (totals[outcome] ?? 0) + count;
  }
  return totals;
}

describe('a 30,000-row upload on a slow store (issue 11, acceptance 6)', () => {
  it('answers 202 verwerken within the budget, then every row is accounted for and routed once', {
    timeout: 600_000,
  }, async () => {
    // Prepare
    const file = rentArrearsCsv(ROWS);
    const logOffset = capturedLogs().length;

    // Act
    const started = performance.now();
    const answer = await t.api.request<Receipt>('POST', '/intake/rent-arrears?attest=sociale-incasso', {
      token: 'dev-bo-ex',
      body: new Uint8Array(file),
      headers: { 'content-type': 'text/csv' },
    });
    const answeredMs = performance.now() - started;
    const progress: number[] = [];
    /** How long each poll took (reported, not asserted: the machine is shared). */
    const pollMs: number[] = [];
    let polled = answer.body;
    while (polled.status !== 'klaar' && performance.now() - started < 300_000) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const asked = performance.now();
      const response = await t.api.request<Receipt>('GET', `/intake/uploads/${answer.body.uploadId}`, {
        token: 'dev-bo-ex',
      });
      pollMs.push(Math.round(performance.now() - asked));
      expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
      polled = response.body;
      progress.push(polled.progress.processed);
    }
    const klaarMs = performance.now() - started;
    // Routing 30,000 signals on this store can take longer than the admin drain's 120 s on a busy
    // machine (130 s once). It used to get a head start from the last poll, which read every row's
    // feedback for 10-30 s; a poll now reads one page.
    await t.runtime.drain(480_000);
    const routedMs = performance.now() - started;
    const results = routerResults(logOffset);
    // The whole receipt, klaar: every page with its feedback.
    const reading = performance.now();
    const { receipt, pages } = await readWholeReceipt<Receipt>(t.api, answer.body.uploadId, 'dev-bo-ex');
    const readMs = performance.now() - reading;
    console.info(
      `upload-time-budget: answered ${answer.status} ${answer.body.status} after ${Math.round(answeredMs)} ms with ${answer.body.progress.processed}/${ROWS} rows decided; klaar after ${Math.round(klaarMs)} ms, routed after ${Math.round(routedMs)} ms; router ${JSON.stringify(results)}; polls took ${pollMs.join(', ')} ms; the klaar receipt read in ${pages.length} pages in ${Math.round(readMs)} ms`,
    );

    // Assess: within the budget (the client's clock also counts sending 4 MB), and not yet complete.
    expect(answer.status).toBe(202);
    expect(answer.body.status).toBe('verwerken');
    expect(answer.body.progress.received).toBe(ROWS);
    expect(answer.body.progress.processed).toBeLessThan(ROWS);
    // Within the budget, measured as a ratio within this run: the machine is shared, and under
    // load storing the 4 MB file alone can take longer than the 6 s (answered at 8 s with 0 rows
    // decided, at load 10 on 2 cores). A handler that ignored its budget would answer only when
    // every row is decided: answeredMs ≈ klaarMs. Here it answers in a fraction of that.
    expect(answeredMs / klaarMs).toBeLessThan(0.5);
    // Progress only grows, then the full receipt: every row, one line each, all accepted.
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(polled.status).toBe('klaar');
    expect(polled.counts).toEqual(receipt.counts);
    expect(receipt.status).toBe('klaar');
    expect(receipt.uploadId).toBe(answer.body.uploadId);
    expect(receipt.counts).toEqual({ received: ROWS, accepted: ROWS, rejected: 0, duplicate: 0, updated: 0 });
    expect(new Set(receipt.rows.map((line) => line.row)).size).toBe(ROWS);
    // Routed once: each signal decided `routed` once, none sent twice (no pack on both sides of the switch).
    expect(results).toEqual({ routed: ROWS });
    const table = await t.scan();
    const signals = table.filter((item) => item.type === 'signal');
    expect(signals).toHaveLength(ROWS);
    expect(new Set(signals.map((item) => item.signalId))).toEqual(
      new Set(receipt.rows.map((line) => line.signalId)),
    );
    expect(signals.every((item) => item[TABLE.indexes.inbox.partitionKey])).toBe(true);
  });
});
