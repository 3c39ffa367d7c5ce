import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../../api.ts';
import { type LoadedLines, linesOf, loadNextPage, receiptPath } from '../../receipt-pages.ts';

/** One line of a receipt (API.md): a row of a list, or an element of a batch. */
export interface Line {
  row?: number;
  index?: number;
  /** The partner's own reference: a row's huurdernummer, an element's reference. */
  reference?: string;
  status: 'accepted' | 'rejected' | 'duplicate' | 'updated';
  signalId?: string;
  feedback?: string;
  errors?: { field: string; code: string; message: string }[];
}

export interface Receipt {
  uploadId: string;
  kind: 'rent-arrears' | 'energy-debts';
  receivedAt: string;
  fileName?: string;
  batchId?: string;
  /** `verwerken` while rows are still being checked (past the service's time budget, DESIGN I1). */
  status?: 'verwerken' | 'klaar';
  progress?: { received: number; processed: number };
  counts: { received: number; accepted: number; rejected: number; duplicate: number; updated: number };
  warnings?: { code: string; column?: string }[];
  rows?: Line[];
  items?: Line[];
  /** More lines follow (the receipt comes in pages of at most 1,000, DESIGN C4): the next page's cursor. */
  cursor?: string;
}

/** How a receipt names its lines and their reference: rows and huurdernummers, or elements. */
export function lineNames(receipt: Pick<Receipt, 'kind'>) {
  return receipt.kind === 'rent-arrears'
    ? {
        position: 'Rij',
        reference: 'Huurdernummer',
        theReference: 'het huurdernummer',
        lines: 'rijen',
        line: 'rij',
      }
    : {
        position: 'Element',
        reference: 'Referentie',
        theReference: 'de referentie',
        lines: 'elementen',
        line: 'element',
      };
}

/** Every this often a receipt still `verwerken` is asked for again. */
export const POLL_MS = 1500;

/**
 * A receipt that keeps itself up to date: while the service is still checking rows (`verwerken`,
 * DESIGN I1) it asks for it again every 1.5 s until it is `klaar`.
 */
export function useLiveReceipt(api: Api, first: Receipt | undefined): [Receipt | undefined, unknown] {
  const [receipt, setReceipt] = useState(first);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setReceipt(first);
    setError(undefined);
  }, [first]);
  useEffect(() => {
    if (receipt?.status !== 'verwerken') return;
    const timer = setTimeout(
      () => void api.get<Receipt>(receiptPath(receipt.uploadId)).then(setReceipt, setError),
      POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [receipt]);
  return [receipt, error];
}

/** The lines of a finished receipt as they come in, page by page (DESIGN C4). */
export interface ReceiptLines {
  readonly lines: readonly Line[];
  /** Every page is in. */
  readonly complete: boolean;
  /** A page failed; `retry` goes on from there. */
  readonly error: unknown;
  retry(): void;
  /** Every line, once all pages are in; rejects when a page fails (never a partial list). */
  all(): Promise<readonly Line[]>;
}

interface Loaded extends LoadedLines<Line> {
  readonly of?: Receipt;
  readonly error?: unknown;
}

/**
 * All lines of a finished receipt: the first page comes with it, the others are fetched at once one
 * after the other in the background (a 30,000-row list is 30 requests), so the table can be filtered
 * and searched over the whole list while the first rows are already shown. A new receipt starts
 * again from its own first page; pages still arriving for the one before are dropped.
 */
export function useReceiptLines(api: Api, receipt: Receipt | undefined): ReceiptLines {
  const [loaded, setLoaded] = useState<Loaded>({ lines: [] });
  const run = useRef<{ of: Receipt; done: Promise<readonly Line[]> } | undefined>(undefined);

  const start = (from: LoadedLines<Line>, of: Receipt) => {
    const done = (async () => {
      let current = from;
      while (current.cursor) {
        current = await loadNextPage(api, of.uploadId, current);
        if (run.current?.of !== of) break;
        setLoaded({ of, ...current });
      }
      return current.lines;
    })();
    done.catch((error: unknown) => {
      if (run.current?.done === done)
        setLoaded((before) => (before.of === of ? { ...before, error } : before));
    });
    run.current = { of, done };
  };

  useEffect(() => {
    if (!receipt || receipt.status === 'verwerken') return;
    const first = { lines: linesOf(receipt), cursor: receipt.cursor };
    setLoaded({ of: receipt, ...first });
    start(first, receipt);
    return () => {
      run.current = undefined;
    };
  }, [receipt]);

  const current: Loaded =
    loaded.of === receipt ? loaded : { lines: receipt ? linesOf(receipt) : [], cursor: receipt?.cursor };
  return {
    lines: current.lines,
    complete: !current.cursor,
    error: current.error,
    retry() {
      if (!receipt || loaded.of !== receipt) return;
      setLoaded({ ...loaded, error: undefined });
      start(loaded, receipt);
    },
    all: () => run.current?.done ?? Promise.resolve(current.lines),
  };
}

/** Seconds since `since` (a Date.now()), ticking every second; undefined while there is no start. */
export function useElapsedSeconds(since: number | undefined): number | undefined {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (since === undefined) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === undefined ? undefined : Math.max(0, Math.floor((now - since) / 1000));
}

/**
 * Files sent in this browser tab, by upload id: their rejected rows can be downloaded from the
 * upload's page later without choosing the file again (the service keeps no row data). Only in
 * memory: gone with the tab.
 */
export const sentFiles = new Map<string, File>();

/** Every this often the upload is looked for, and its progress read, while its request is open. */
export const WATCH_MS = 2000;

/**
 * While an upload's own request is still open — the service decides rows for up to its time budget
 * (15 s) before it answers — the partner's new upload is found in its list (an id not `known` before
 * sending, with the file's name; the service lists it once it is stored, DESIGN I1) and its receipt
 * read for the rows checked so far. Best effort: a failed look is tried again, and nothing of it
 * decides the receipt, which is the request's answer. Returns the function that stops it.
 */
export function watchNewUpload(
  api: Api,
  {
    fileName,
    known,
    onProgress,
  }: {
    fileName: string;
    known: ReadonlySet<string>;
    onProgress: (progress: NonNullable<Receipt['progress']>) => void;
  },
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let uploadId: string | undefined;
  const look = async () => {
    try {
      if (!uploadId) {
        const { items } = await api.get<{ items: Receipt[] }>('/intake/uploads?limit=10');
        uploadId = items.find((item) => !known.has(item.uploadId) && item.fileName === fileName)?.uploadId;
      }
      if (uploadId && !stopped) {
        const receipt = await api.get<Receipt>(receiptPath(uploadId));
        if (!stopped && receipt.progress) onProgress(receipt.progress);
      }
    } catch {
      // Only a look: the next one may succeed, and the request's answer decides.
    }
    if (!stopped) timer = setTimeout(() => void look(), WATCH_MS);
  };
  timer = setTimeout(() => void look(), WATCH_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
