import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rentArrearsCsv } from '../../bench/rent-arrears-file.ts';
import { readWholeReceipt } from './support/receipt-pages.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// DESIGN C4 (feedback per row) and I1 (every row on the receipt): `GET /intake/uploads/{id}` answers
// the receipt in pages of at most 1,000 lines, each with the feedback of its own rows, and a cursor
// while more follow — so a 30,000-row receipt is 30 bounded requests, not one that times out. The
// counts, status and progress are whole on every page; a cursor continues its own upload only.
let t: TestRuntime;
type Line = { row: number; reference?: string; status: string; signalId?: string; feedback?: string };
type Page = {
  uploadId: string;
  status: string;
  counts: Record<string, number>;
  progress: { received: number; processed: number };
  rows: Line[];
  cursor?: string;
};
type ErrorBody = { error: { code: string; message: string }; rows?: unknown; items?: unknown };
let large: Page;
let small: Page;

const upload = async (file: Buffer) => {
  const response = await t.api.request<Page>('POST', '/intake/rent-arrears?attest=sociale-incasso', {
    token: 'dev-bo-ex',
    body: new Uint8Array(file),
    headers: { 'content-type': 'text/csv' },
  });
  expect(response.status).toBe(202);
  expect(response.body.status).toBe('klaar');
  return response.body;
};

const get = <T = Page>(uploadId: string, cursor?: string, token = 'dev-bo-ex') =>
  t.api.request<T>(
    'GET',
    `/intake/uploads/${uploadId}${cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`}`,
    { token },
  );

beforeAll(async () => {
  t = await startTestRuntime();
  await t.setClock('2026-11-23T10:00:00+01:00');
  large = await upload(rentArrearsCsv(2_500));
  small = await upload(rentArrearsCsv(1_000, { seed: 7, firstTenant: 500_000 }));
  await t.drain();
}, 180_000);

afterAll(async () => {
  await t?.stop();
});

describe('the receipt in pages (DESIGN C4, I1)', () => {
  it('C4/I1: 2,500 rows are 1,000 + cursor, 1,000 + cursor, 500: every row once, in order, with feedback; counts whole on every page', async () => {
    // Act
    const first = await get(large.uploadId);
    const second = await get(large.uploadId, first.body.cursor);
    const third = await get(large.uploadId, second.body.cursor);

    // Assess
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect([first.body.rows.length, second.body.rows.length, third.body.rows.length]).toEqual([
      1_000, 1_000, 500,
    ]);
    expect(first.body.cursor).toEqual(expect.any(String));
    expect(second.body.cursor).toEqual(expect.any(String));
    expect(third.body.cursor).toBeUndefined();
    const rows = [first, second, third].flatMap((page) => page.body.rows);
    expect(rows.map((line) => line.row)).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 2));
    // The same lines as the upload's own answer, each now with its signal's feedback (C4).
    expect(
      rows.map(({ row, reference, status, signalId }) => ({ row, reference, status, signalId })),
    ).toEqual(
      large.rows.map(({ row, reference, status, signalId }) => ({ row, reference, status, signalId })),
    );
    // Each with the corporation's own huurdernummer, to find a row by (issue 15).
    expect(rows.map((line) => line.reference)).toEqual(
      Array.from({ length: 2_500 }, (_, i) => `HN-${String(i).padStart(7, '0')}`),
    );
    expect(rows.every((line) => line.signalId && line.feedback === 'ontvangen')).toBe(true);
    for (const page of [first, second, third]) {
      expect(page.body.uploadId).toBe(large.uploadId);
      expect(page.body.status).toBe('klaar');
      expect(page.body.counts).toEqual(large.counts);
      expect(page.body.counts.received).toBe(2_500);
      expect(page.body.progress).toEqual({ received: 2_500, processed: 2_500 });
    }
  });

  it('C4/I1: a receipt of 1,000 lines is one page without cursor, as before pages', async () => {
    const response = await get(small.uploadId);

    expect(response.status).toBe(200);
    expect(response.body.cursor).toBeUndefined();
    expect(response.body.rows.map((line) => line.row)).toEqual(small.rows.map((line) => line.row));
    expect(response.body.counts).toEqual(small.counts);
  });

  it('C4/I1: the whole receipt read page by page is the upload, once', async () => {
    const { receipt, pages } = await readWholeReceipt<Page>(t.api, large.uploadId, 'dev-bo-ex');

    expect(pages).toHaveLength(3);
    expect(new Set(receipt.rows.map((line) => line.signalId)).size).toBe(2_500);
    expect(receipt.counts).toEqual(large.counts);
  });
});

describe('a cursor continues its own upload only (DESIGN C4, P4)', () => {
  const DUTCH = 'De cursor hoort niet bij deze lijst; begin opnieuw zonder cursor.';

  it('C4: a cursor of upload A on upload B is a 400 with the Dutch message, without lines of either', async () => {
    const cursor = (await get(large.uploadId)).body.cursor;

    const response = await get<ErrorBody>(small.uploadId, cursor);

    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ code: 'invalid-cursor', message: DUTCH });
    expect(response.body.rows).toBeUndefined();
    expect(response.body.items).toBeUndefined();
  });

  const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['garbled', () => 'niet-een-cursor'],
    ['empty', () => ''],
    ['signal-list', () => encoded({ pk: 'TEAM#x', sk: 'y' })],
    ['negative', (uploadId: string) => encoded({ uploadId, from: -1 })],
    ['widened', (uploadId: string) => encoded({ uploadId, from: 2, limit: 30_000 })],
  ])('C4: a %s cursor is a 400 with the Dutch message', async (_kind, cursorFor) => {
    const response = await get<ErrorBody>(large.uploadId, cursorFor(large.uploadId));

    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ code: 'invalid-cursor', message: DUTCH });
  });

  it("P4: another partner's token gets 404, with or without the upload's own cursor", async () => {
    const cursor = (await get(large.uploadId)).body.cursor;

    const without = await get<ErrorBody>(large.uploadId, undefined, 'dev-mitros');
    const withCursor = await get<ErrorBody>(large.uploadId, cursor, 'dev-mitros');

    expect([without.status, withCursor.status]).toEqual([404, 404]);
    expect(withCursor.body).toEqual(without.body);
    expect(withCursor.body.error.code).toBe('upload-not-found');
  });
});
