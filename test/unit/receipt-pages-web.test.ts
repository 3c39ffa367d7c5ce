import { describe, expect, it } from 'vitest';
import { clampPage, pageCount, pageItems } from '../../web/src/paging.ts';
import {
  filterLines,
  formatElapsed,
  loadAllLines,
  loadNextPage,
  ROWS_PER_PAGE,
  receiptPath,
} from '../../web/src/receipt-pages.ts';

// DESIGN C4: a receipt read back comes in pages of at most 1,000 lines with a cursor while more
// follow. The web app shows a page and loads the next on request; the rejected-rows download takes
// every page, so no rejected row of a large list is left out.

type Line = { row: number; status: string };
const ROWS = 2_500;
const lines: Line[] = Array.from({ length: ROWS }, (_, i) => ({
  row: i + 2,
  status: i % 400 === 7 ? 'rejected' : 'accepted',
}));

/** The service's pages of 1,000, the cursor the row the next page starts at; every request kept. */
function service(options: { failAt?: number } = {}) {
  const asked: string[] = [];
  const page = (from: number) => {
    const start = lines.findIndex((line) => line.row >= from);
    const next = lines[start + 1000];
    return {
      uploadId: 'upl-1',
      rows: lines.slice(start, start + 1000),
      ...(next ? { cursor: `c${next.row}` } : {}),
    };
  };
  return {
    asked,
    first: page(2),
    api: {
      get: async <T>(path: string): Promise<T> => {
        asked.push(path);
        const from = Number(new URL(path, 'http://x').searchParams.get('cursor')?.slice(1));
        if (from === options.failAt) throw new Error('De verbinding viel weg.');
        return page(from) as T;
      },
    },
  };
}

describe('receipt pages in the web app (DESIGN C4)', () => {
  it('C4: the next page is appended to the lines shown, with its cursor', async () => {
    const { api, first } = service();

    const second = await loadNextPage(api, 'upl-1', { lines: first.rows, cursor: first.cursor });

    expect(second.lines.map((line) => line.row)).toEqual(lines.slice(0, 2000).map((line) => line.row));
    expect(second.cursor).toBe('c2002');
  });

  it('C4/I1: every line, page after page, for the rejected-rows download; progress after each page', async () => {
    const { api, first, asked } = service();
    const progress: number[] = [];

    const all = await loadAllLines(api, 'upl-1', { lines: first.rows, cursor: first.cursor }, (n) =>
      progress.push(n),
    );

    expect(all).toEqual(lines);
    expect(all.filter((line) => line.status === 'rejected')).toHaveLength(7);
    expect(progress).toEqual([2000, 2500]);
    expect(asked).toEqual(['/intake/uploads/upl-1?cursor=c1002', '/intake/uploads/upl-1?cursor=c2002']);
  });

  it('C4: a page that fails fails the whole: never a partial list taken for all', async () => {
    const { api, first } = service({ failAt: 2002 });

    await expect(loadAllLines(api, 'upl-1', { lines: first.rows, cursor: first.cursor })).rejects.toThrow(
      'De verbinding viel weg.',
    );
  });

  it('C4: a receipt without cursor is whole already: no request', async () => {
    const { api, asked } = service();

    expect(await loadAllLines(api, 'upl-1', { lines: lines.slice(0, 10) })).toHaveLength(10);
    expect(asked).toEqual([]);
  });

  it('encodes the cursor in the path', () => {
    expect(receiptPath('upl-1', 'a+b/c=')).toBe('/intake/uploads/upl-1?cursor=a%2Bb%2Fc%3D');
    expect(receiptPath('upl-1')).toBe('/intake/uploads/upl-1');
  });
});

// Issue 15: the receipt of a 30,000-row list as a table of ROWS_PER_PAGE rows a page, filtered by
// status and searched by huurdernummer or row number; and the time a list takes, in Dutch words.
describe('the receipt table at real volume (issue 15)', () => {
  const receipt = Array.from({ length: 30_000 }, (_, i) => ({
    row: i + 2,
    reference: i === 29_000 ? undefined : `HN-${String(i).padStart(7, '0')}`,
    status: i % 20 === 3 ? 'rejected' : i % 50 === 1 ? 'duplicate' : 'accepted',
  }));

  it('filters by status: alle, only rejected, only accepted; the counts add up', () => {
    const rejected = filterLines(receipt, 'rejected', '');
    const accepted = filterLines(receipt, 'accepted', '');
    const duplicate = filterLines(receipt, 'duplicate', '');

    expect(filterLines(receipt, 'alle', '')).toBe(receipt);
    expect(rejected).toHaveLength(1_500);
    expect(rejected.every((line) => line.status === 'rejected')).toBe(true);
    expect(rejected.length + accepted.length + duplicate.length).toBe(30_000);
    expect(accepted.every((line) => line.status === 'accepted')).toBe(true);
  });

  it('searches a huurdernummer in any case, with or without the dash, or a row number', () => {
    expect(filterLines(receipt, 'alle', 'HN-0012345').map((line) => line.row)).toEqual([12_347]);
    expect(filterLines(receipt, 'alle', ' hn 0012345 ').map((line) => line.row)).toEqual([12_347]);
    expect(filterLines(receipt, 'alle', '0012345').map((line) => line.row)).toEqual([12_347]);
    // A number is a row number too: row 12 and every huurdernummer with 12 in it.
    const twelve = filterLines(receipt, 'alle', '12');
    expect(twelve[0]?.row).toBe(12);
    expect(twelve.every((line) => line.row === 12 || line.reference?.includes('12'))).toBe(true);
    // Within a status only.
    expect(filterLines(receipt, 'rejected', 'HN-0012345')).toEqual([]);
    expect(filterLines(receipt, 'rejected', 'HN-0012343').map((line) => line.row)).toEqual([12_345]);
    // A line without huurdernummer is found by its row number.
    expect(filterLines(receipt, 'alle', '29002').map((line) => [line.row, line.reference])).toEqual([
      [29_002, undefined],
      [29_004, 'HN-0029002'],
    ]);
  });

  it(`pages of ${ROWS_PER_PAGE}: 1 … 4 5 6 … 600, never every page number`, () => {
    expect(ROWS_PER_PAGE).toBeGreaterThanOrEqual(50);
    expect(ROWS_PER_PAGE).toBeLessThanOrEqual(100);
    expect(pageCount(30_000, 50)).toBe(600);
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageItems(5, 600)).toEqual([1, 'gap', 4, 5, 6, 'gap', 600]);
    expect(pageItems(1, 600)).toEqual([1, 2, 'gap', 600]);
    expect(pageItems(600, 600)).toEqual([1, 'gap', 599, 600]);
    expect(pageItems(3, 600)).toEqual([1, 2, 3, 4, 'gap', 600]);
    expect(pageItems(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageItems(1, 1)).toEqual([1]);
    expect(clampPage(601, 600)).toBe(600);
    expect(clampPage(0, 600)).toBe(1);
  });

  it('says how long it takes in Dutch words', () => {
    expect([0, 1, 2, 59, 60, 61, 125, 3600].map(formatElapsed)).toEqual([
      '0 seconden',
      '1 seconde',
      '2 seconden',
      '59 seconden',
      '1 minuut',
      '1 minuut en 1 seconde',
      '2 minuten en 5 seconden',
      '60 minuten',
    ]);
  });
});
