import { describe, expect, it, vi } from 'vitest';
import type { SignalState, UploadHeader, UploadStore } from '../../shared/application/ports.ts';
import {
  positionOfCursor,
  type ReceiptPageDependencies,
  readReceiptPage,
  receiptCursor,
  type UploadReceiptPage,
} from '../../shared/application/upload-receipt.ts';
import { fixedClock } from '../../shared/domain/clock.ts';
import {
  countLines,
  type PackDecision,
  packItemsOf,
  RECEIPT_PAGE_SIZE,
  type ReceiptLine,
} from '../../shared/domain/upload-plan.ts';
import { inMemoryIntake } from '../support/in-memory-intake.ts';

// DESIGN C4 and I1, `GET /intake/uploads/{id}` in pages: at most RECEIPT_PAGE_SIZE lines in the
// partner's order, the feedback of that page's signals only, and a cursor of this upload while more
// follow; counts, status and progress whole. Over the in-memory store, which keeps the same pages.

const ROWS = 2_345;
const UPLOAD_ID = 'upl-pages';

/** Rows 2…2346: every 7th rejected by the file alone, the rest in packs of up to 50 spread over the file (households). */
function upload() {
  const rejected: ReceiptLine[] = [];
  const accepted: ReceiptLine[] = [];
  for (let row = 2; row < ROWS + 2; row++) {
    if (row % 7 === 0) {
      rejected.push({
        row,
        status: 'rejected',
        errors: [{ field: 'postcode', code: 'x', message: 'Fout.' }],
      });
    } else accepted.push({ row, status: 'accepted', signalId: `sig-${row}` });
  }
  // Five "households" of every 5th row, each cut in packs of 50: every pack spans the whole file.
  const households = Map.groupBy(accepted, (line) => (line.row as number) % 5);
  const decisions: PackDecision[] = [...households.values()]
    .flatMap((lines) =>
      Array.from({ length: Math.ceil(lines.length / 50) }, (_, i) => lines.slice(i * 50, i * 50 + 50)),
    )
    .map((lines, pack) => ({ pack, lines, items: packItemsOf(lines) }));
  const header: UploadHeader = {
    uploadId: UPLOAD_ID,
    kind: 'rent-arrears',
    source: 'bo-ex',
    receivedAt: '2026-11-23T10:00:00+01:00',
    status: 'verwerken',
    warnings: [],
    received: ROWS,
    packs: decisions.length,
  };
  return { header, rejected, decisions, all: [...rejected, ...accepted] };
}

function harness() {
  const { deps } = inMemoryIntake({ clock: fixedClock('2026-11-23T10:00:00+01:00') });
  const getStates = vi.fn(
    async (ids: readonly string[]) =>
      new Map(
        ids.map((id): [string, SignalState] => [id, { signalId: id, status: 'open', feedback: 'opgepakt' }]),
      ),
  );
  const pageDeps: ReceiptPageDependencies = {
    uploads: deps.uploads,
    signals: { getStates },
    deletions: { states: async () => new Map() },
  };
  return { uploads: deps.uploads, pageDeps, getStates };
}

/** Every page from the first, following the cursor. */
async function allPages(header: UploadHeader, deps: ReceiptPageDependencies) {
  const pages: UploadReceiptPage[] = [];
  let from: number | undefined;
  do {
    const page = (await readReceiptPage(header, from, deps)) as UploadReceiptPage;
    pages.push(page);
    from = positionOfCursor(page.cursor, header.uploadId);
  } while (from !== undefined && pages.length < 100);
  return pages;
}

const rowsOf = (page: UploadReceiptPage) => (page.rows ?? []).map((line) => line.row);

describe('readReceiptPage (DESIGN C4, I1)', () => {
  it('C4: klaar — pages of 1,000 in row order with a cursor while more follow; feedback read for the page only; counts whole', async () => {
    // Prepare
    const { uploads, pageDeps, getStates } = harness();
    const { header, rejected, decisions, all } = upload();
    await uploads.begin(header, rejected);
    await uploads.saveDecisions(UPLOAD_ID, decisions);
    const finished = { ...header, status: 'klaar' as const, counts: countLines(all) };
    await uploads.finish(finished, all);

    // Act
    const pages = await allPages(finished, pageDeps);

    // Assess
    expect(pages.map((page) => page.rows?.length)).toEqual([1000, 1000, 345]);
    expect(pages.map((page) => page.cursor === undefined)).toEqual([false, false, true]);
    expect(pages.flatMap(rowsOf)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
    for (const page of pages) {
      expect(page.status).toBe('klaar');
      expect(page.counts).toEqual(countLines(all));
      expect(page.progress).toEqual({ received: ROWS, processed: ROWS });
      for (const line of page.rows ?? []) {
        expect(line.feedback).toBe(line.signalId ? 'opgepakt' : undefined);
      }
    }
    expect(getStates.mock.calls.map(([ids]) => ids.length)).toEqual(
      pages.map((page) => (page.rows ?? []).filter((line) => line.signalId).length),
    );
  });

  it('I1: verwerken — the lines decided so far in the same pages, without feedback; counts and progress of all decided', async () => {
    // Prepare: the rejected rows and half the packs decided.
    const { uploads, pageDeps, getStates } = harness();
    const { header, rejected, decisions } = upload();
    await uploads.begin(header, rejected);
    const half = decisions.filter((_, index) => index % 2 === 0);
    await uploads.saveDecisions(UPLOAD_ID, half);
    const decided = [...rejected, ...half.flatMap((decision) => decision.lines)];
    const inOrder = decided.map((line) => line.row as number).sort((a, b) => a - b);

    // Act
    const pages = await allPages(header, pageDeps);

    // Assess
    expect(pages.flatMap(rowsOf)).toEqual(inOrder);
    expect(pages.map((page) => page.rows?.length)).toEqual(
      Array.from({ length: Math.ceil(decided.length / RECEIPT_PAGE_SIZE) }, (_, i) =>
        Math.min(RECEIPT_PAGE_SIZE, decided.length - i * RECEIPT_PAGE_SIZE),
      ),
    );
    for (const page of pages) {
      expect(page.status).toBe('verwerken');
      expect(page.counts).toEqual(countLines(decided));
      expect(page.progress).toEqual({ received: ROWS, processed: decided.length });
    }
    expect(pages.flatMap((page) => page.rows ?? []).some((line) => line.feedback)).toBe(false);
    expect(getStates).not.toHaveBeenCalled();
  });

  it('C4: a receipt finished before pages were stored is answered in the same pages, from its lines', async () => {
    // Prepare
    const paged = harness();
    const { header, rejected, decisions, all } = upload();
    const finished = { ...header, status: 'klaar' as const, counts: countLines(all) };
    await paged.uploads.begin(header, rejected);
    await paged.uploads.saveDecisions(UPLOAD_ID, decisions);
    await paged.uploads.finish(finished, all);
    const before: Pick<UploadStore, 'read' | 'receiptPage'> = {
      read: paged.uploads.read,
      receiptPage: async () => undefined,
    };

    // Act
    const fromPages = await allPages(finished, paged.pageDeps);
    const fromLines = await allPages(finished, { ...paged.pageDeps, uploads: before });

    // Assess
    expect(fromLines).toEqual(fromPages);
  });

  it('C4: a receipt of up to 1,000 lines is one page without cursor', async () => {
    const { uploads, pageDeps } = harness();
    const lines: ReceiptLine[] = Array.from({ length: RECEIPT_PAGE_SIZE }, (_, i) => ({
      index: i,
      reference: `E-${i}`,
      status: 'accepted',
      signalId: `sig-${i}`,
    }));
    const header: UploadHeader = {
      ...upload().header,
      kind: 'energy-debts',
      status: 'klaar',
      received: lines.length,
      packs: 1,
      counts: countLines(lines),
    };
    await uploads.begin(header, []);
    await uploads.saveDecisions(UPLOAD_ID, [{ pack: 0, lines, items: packItemsOf(lines) }]);
    await uploads.finish(header, lines);

    const page = (await readReceiptPage(header, undefined, pageDeps)) as UploadReceiptPage;

    expect(page.items).toHaveLength(RECEIPT_PAGE_SIZE);
    expect(page.rows).toBeUndefined();
    expect('cursor' in page).toBe(false);
  });
});

describe('the receipt cursor (DESIGN C4, P4)', () => {
  it('continues the upload it was given for, at the row it names', () => {
    expect(positionOfCursor(receiptCursor('upl-a', 1002), 'upl-a')).toBe(1002);
    expect(positionOfCursor(undefined, 'upl-a')).toBeUndefined();
  });

  it.each([
    ['of another upload', receiptCursor('upl-b', 1002)],
    ['garbled', 'niet-een-cursor'],
    ['empty', ''],
    ['negative', receiptCursor('upl-a', -1)],
    ['fractional', receiptCursor('upl-a', 1.5)],
    ['beyond nine digits', receiptCursor('upl-a', 1_000_000_000)],
    [
      'with more fields',
      Buffer.from(JSON.stringify({ uploadId: 'upl-a', from: 2, x: 1 })).toString('base64url'),
    ],
  ])('refuses a cursor %s: InvalidCursorError (400)', (_kind, cursor) => {
    expect(() => positionOfCursor(cursor, 'upl-a')).toThrow(
      expect.objectContaining({ name: 'InvalidCursorError' }),
    );
  });
});
