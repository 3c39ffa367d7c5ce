import { describe, expect, it } from 'vitest';
import { loadAllLines, loadNextPage, receiptPath } from '../../web/src/receipt-pages.ts';

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
