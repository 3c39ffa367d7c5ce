// Issue 3, acceptance 7: a 30,000-row rent-arrears file (≈ 5 MB) against the local runtime. Prints
// how long the upload takes to answer, how long until every signal is routed, and how long the
// receipt takes to read back (DESIGN C4: in pages of 1,000 lines, each with its feedback). Not a
// test: the machine is shared and noisy, so the figures are reported, not asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime } from '../infra/local/local-runtime.ts';
import { rentArrearsCsv } from './rent-arrears-file.ts';

const rows = Number(process.env.ROWS ?? 30_000);
const dataDir = mkdtempSync(join(tmpdir(), 'buurtsignaal-bench-'));
const runtime = await startLocalRuntime({
  dataDir,
  logLevel: 'WARN',
  pollerConcurrency: Number(process.env.POLLERS ?? 2),
});
const file = rentArrearsCsv(rows);

try {
  const started = performance.now();
  const response = await fetch(`${runtime.url}/intake/rent-arrears?attest=sociale-incasso`, {
    method: 'POST',
    headers: { authorization: 'Bearer dev-bo-ex', 'content-type': 'text/csv' },
    body: file,
  });
  const receipt = (await response.json()) as {
    uploadId: string;
    status?: string;
    counts?: Record<string, number>;
  };
  const answered = performance.now();
  // Past the time budget the answer is `verwerken`: the full receipt follows (issue 11).
  let final = receipt;
  while (final.status === 'verwerken') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    final = (await (
      await fetch(`${runtime.url}/intake/uploads/${receipt.uploadId}`, {
        headers: { authorization: 'Bearer dev-bo-ex' },
      })
    ).json()) as typeof receipt;
  }
  const decided = performance.now();
  await runtime.drain(600_000);
  const routed = performance.now();
  // The receipt read back as a partner would, page by page: the counts are on every page.
  const pageMs: number[] = [];
  let lines = 0;
  let cursor: string | undefined;
  do {
    const asked = performance.now();
    const response = await fetch(
      `${runtime.url}/intake/uploads/${receipt.uploadId}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers: { authorization: 'Bearer dev-bo-ex' } },
    );
    if (response.status !== 200) throw new Error(`receipt page answered ${response.status}`);
    const page = (await response.json()) as { rows: unknown[]; cursor?: string };
    pageMs.push(performance.now() - asked);
    lines += page.rows.length;
    cursor = page.cursor;
  } while (cursor);
  console.log(
    JSON.stringify(
      {
        rows,
        bytes: file.length,
        status: response.status,
        answeredStatus: receipt.status,
        counts: final.counts,
        uploadSeconds: Number(((answered - started) / 1000).toFixed(2)),
        allDecidedSeconds: Number(((decided - started) / 1000).toFixed(2)),
        allRoutedSeconds: Number(((routed - started) / 1000).toFixed(2)),
        receipt: {
          lines,
          pages: pageMs.length,
          firstPageSeconds: Number(((pageMs[0] ?? 0) / 1000).toFixed(2)),
          slowestPageSeconds: Number((Math.max(...pageMs) / 1000).toFixed(2)),
          allPagesSeconds: Number((pageMs.reduce((sum, ms) => sum + ms, 0) / 1000).toFixed(2)),
        },
        targets: { uploadSeconds: 10, allRoutedSeconds: 60 },
        node: process.version,
      },
      null,
      2,
    ),
  );
} finally {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
