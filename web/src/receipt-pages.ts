/** The one call of the app's `Api` this needs (no DOM types: the unit tests run it under Node). */
export interface PageReader {
  get<T>(path: string): Promise<T>;
}

/** What the pages of a receipt have in common: their lines and, while more follow, a cursor (API.md). */
export interface ReceiptPageOf<Line> {
  uploadId: string;
  rows?: Line[];
  items?: Line[];
  cursor?: string;
}

/** `GET /intake/uploads/{id}`, or the page a cursor points at. */
export const receiptPath = (uploadId: string, cursor?: string) =>
  `/intake/uploads/${encodeURIComponent(uploadId)}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;

export const linesOf = <Line>(page: ReceiptPageOf<Line>): Line[] => page.rows ?? page.items ?? [];

/** The lines shown so far and where the receipt goes on. */
export interface LoadedLines<Line> {
  readonly lines: readonly Line[];
  readonly cursor?: string | undefined;
}

/** The next page appended to what is loaded (DESIGN C4: a receipt comes in pages of at most 1,000 lines). */
export async function loadNextPage<Line>(
  api: PageReader,
  uploadId: string,
  loaded: LoadedLines<Line>,
): Promise<LoadedLines<Line>> {
  if (!loaded.cursor) return loaded;
  const page = await api.get<ReceiptPageOf<Line>>(receiptPath(uploadId, loaded.cursor));
  return { lines: [...loaded.lines, ...linesOf(page)], cursor: page.cursor };
}

/**
 * Every line of a receipt: what is loaded, then the pages that follow, one after the other (a
 * 30,000-row list is 30 requests). `onProgress` hears how many lines are in after each page. Throws
 * when a page fails: a partial list is never handed on as if it were whole.
 */
export async function loadAllLines<Line>(
  api: PageReader,
  uploadId: string,
  loaded: LoadedLines<Line>,
  onProgress?: (lines: number) => void,
): Promise<Line[]> {
  let current = loaded;
  while (current.cursor) {
    current = await loadNextPage(api, uploadId, current);
    onProgress?.(current.lines.length);
  }
  return [...current.lines];
}
