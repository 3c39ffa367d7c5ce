import type { ApiClient, ApiResponse } from './test-runtime.ts';

/** What every page of `GET /intake/uploads/{id}` has: the lines of the page, and `cursor` when more follow. */
export interface ReceiptPage<Line = unknown> {
  readonly rows?: Line[];
  readonly items?: Line[];
  readonly cursor?: string;
}

/**
 * A whole receipt, read page by page as a partner would (DESIGN C4: a page holds at most 1,000
 * lines; `?cursor=` gives the next): the last page's header, counts and progress with every page's
 * lines in order, and each page's answer. Every page must answer 200.
 */
export async function readWholeReceipt<Page extends ReceiptPage>(
  api: ApiClient,
  uploadId: string,
  token: string,
): Promise<{ receipt: Page; pages: ApiResponse<Page>[] }> {
  const pages: ApiResponse<Page>[] = [];
  let cursor: string | undefined;
  do {
    const path = `/intake/uploads/${uploadId}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await api.request<Page>('GET', path, { token });
    if (page.status !== 200) {
      throw new Error(`GET ${path} answered ${page.status}: ${JSON.stringify(page.body).slice(0, 300)}`);
    }
    pages.push(page);
    cursor = page.body.cursor;
    if (pages.length > 10_000) throw new Error('The receipt never ends: a cursor goes round');
  } while (cursor);
  const last = (pages.at(-1) as ApiResponse<Page>).body;
  const field = pages.some((page) => page.body.items) ? 'items' : 'rows';
  const { cursor: _cursor, ...whole } = last;
  return {
    receipt: { ...whole, [field]: pages.flatMap((page) => page.body[field] ?? []) } as unknown as Page,
    pages,
  };
}
