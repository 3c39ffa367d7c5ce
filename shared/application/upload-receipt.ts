import { positionOf, RECEIPT_PAGE_SIZE, type ReceiptLine } from '../domain/upload-plan.ts';
import { linesOf, receiptOf } from './partner-upload.ts';
import {
  type DeletionLog,
  InvalidCursorError,
  type SignalRepository,
  type UploadHeader,
  type UploadReceipt,
  type UploadStore,
} from './ports.ts';
import { withFeedback } from './upload-feedback.ts';

/** A page of a receipt (`GET /intake/uploads/{id}`): `cursor` when more lines follow. */
export type UploadReceiptPage = UploadReceipt & { readonly cursor?: string | undefined };

export interface ReceiptPageDependencies {
  readonly uploads: Pick<UploadStore, 'read' | 'receiptPage'>;
  readonly signals: Pick<SignalRepository, 'getStates'>;
  readonly deletions: Pick<DeletionLog, 'states'>;
}

/** The largest position a cursor may name (nine digits, as the stored pages are keyed). */
const MAX_POSITION = 999_999_999;

/**
 * A cursor names the upload and the row number (or element index) the next page starts at: it
 * continues that upload's receipt and no other. It grants nothing: the upload is the one in the
 * path, whose access is checked before the cursor is read.
 */
export function receiptCursor(uploadId: string, from: number): string {
  return Buffer.from(JSON.stringify({ uploadId, from })).toString('base64url');
}

/** Where a cursor continues `uploadId`'s receipt; a cursor of another list, or garbled, is a 400. */
export function positionOfCursor(cursor: string | undefined, uploadId: string): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { from } = parsed;
    if (
      Object.keys(parsed).length === 2 &&
      parsed.uploadId === uploadId &&
      typeof from === 'number' &&
      Number.isSafeInteger(from) &&
      from >= 0 &&
      from <= MAX_POSITION
    ) {
      return from;
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

const withLines = (receipt: UploadReceipt, lines: readonly ReceiptLine[]): UploadReceipt => ({
  ...receipt,
  [receipt.kind === 'rent-arrears' ? 'rows' : 'items']: lines,
});

const withCursor = (page: UploadReceipt, next: number | undefined): UploadReceiptPage =>
  next === undefined ? page : { ...page, cursor: receiptCursor(page.uploadId, next) };

/**
 * A page of an upload's receipt (DESIGN C4, I1): at most RECEIPT_PAGE_SIZE lines in partner order,
 * from the line at `from` on (none: the first), and `cursor` when more follow; the header, `status`,
 * `counts` and `progress` always whole. Once `klaar`: one stored page, and the feedback of its
 * signals only. While `verwerken` — and for a receipt finished before receipts were stored in
 * pages — the lines decided so far, read whole (the counts need them) and cut to the page, with
 * feedback only once `klaar`. A cursor taken while `verwerken` continues after the lines it had
 * seen; lines decided later before that point show on the next pass from the first page.
 */
export async function readReceiptPage(
  header: UploadHeader,
  from: number | undefined,
  deps: ReceiptPageDependencies,
): Promise<UploadReceiptPage | undefined> {
  const { counts } = header;
  const stored =
    header.status === 'klaar' && counts ? await deps.uploads.receiptPage(header.uploadId, from) : undefined;
  if (stored && counts) {
    const after = stored.lines[RECEIPT_PAGE_SIZE];
    const page = {
      ...receiptOf(header, stored.lines.slice(0, RECEIPT_PAGE_SIZE)),
      counts,
      progress: { received: header.received, processed: counts.received },
    };
    return withCursor(await withFeedback(page, deps), after ? positionOf(after) : stored.next);
  }

  const state = await deps.uploads.read(header.uploadId);
  if (!state) return undefined;
  const whole = receiptOf(state.header, linesOf(state));
  const all = whole.rows ?? whole.items ?? [];
  const start = from === undefined ? 0 : firstAtOrAfter(all, from);
  const after = all[start + RECEIPT_PAGE_SIZE];
  const page = withLines(whole, all.slice(start, start + RECEIPT_PAGE_SIZE));
  // While `verwerken` a client polls for progress: nothing is routed far yet, and reading the
  // feedback of the decided rows on each poll would weigh on a store that is busy already.
  const answered = page.status === 'verwerken' ? page : await withFeedback(page, deps);
  return withCursor(answered, after ? positionOf(after) : undefined);
}

/** The index of the first line at or after `position` in lines in partner order (their length if none). */
function firstAtOrAfter(lines: readonly ReceiptLine[], position: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positionOf(lines[middle] as ReceiptLine) < position) low = middle + 1;
    else high = middle;
  }
  return low;
}
