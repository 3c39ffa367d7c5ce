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

/** Rows of the receipt table a page (issue 15: a 30,000-row receipt is never rendered at once). */
export const ROWS_PER_PAGE = 50;

/** What a line of a receipt is listed and found by. */
export interface ListedLine {
  readonly row?: number | undefined;
  readonly index?: number | undefined;
  readonly reference?: string | undefined;
  readonly status: string;
}

/** Which lines the receipt table shows: every line, or those of one status. */
export type LineFilter = 'alle' | 'accepted' | 'rejected' | 'duplicate' | 'updated';

/** Letters and digits only, in lower case: `hn-0001234`, `HN 0001234` and `HN-0001234` are one search. */
const searchable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The lines of one status (or all), and of those the ones a search finds: by the partner's own
 * reference (a huurdernummer) containing it, in any case and with or without dashes and spaces, or
 * by their row number (element index) when the search is that number (without leading zeros).
 */
export function filterLines<Line extends ListedLine>(
  lines: readonly Line[],
  filter: LineFilter,
  search: string,
): readonly Line[] {
  const wanted = searchable(search);
  const number = /^[1-9]\d*$/.test(search.trim()) ? Number(search.trim()) : undefined;
  if (filter === 'alle' && !wanted) return lines;
  return lines.filter(
    (line) =>
      (filter === 'alle' || line.status === filter) &&
      (!wanted ||
        (line.row ?? line.index) === number ||
        (line.reference !== undefined && searchable(line.reference).includes(wanted))),
  );
}

const unit = (count: number, one: string, more: string) => `${count} ${count === 1 ? one : more}`;

/** Elapsed time in Dutch words: "7 seconden", "1 minuut", "2 minuten en 5 seconden". */
export function formatElapsed(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return unit(rest, 'seconde', 'seconden');
  const inMinutes = unit(minutes, 'minuut', 'minuten');
  return rest === 0 ? inMinutes : `${inMinutes} en ${unit(rest, 'seconde', 'seconden')}`;
}
