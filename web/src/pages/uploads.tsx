import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { Badge, ErrorMessage, Loading, ScrollTable } from '../components/ui.tsx';
import { FEEDBACK_LABELS, formatDateTime, STATUS_LABELS } from '../labels.ts';
import { type LoadedLines, linesOf, loadAllLines, loadNextPage, receiptPath } from '../receipt-pages.ts';

interface Line {
  row?: number;
  index?: number;
  reference?: string;
  status: string;
  signalId?: string;
  feedback?: string;
  errors?: { field: string; code: string; message: string }[];
}

interface Receipt {
  uploadId: string;
  kind: string;
  receivedAt: string;
  fileName?: string;
  batchId?: string;
  /** `verwerken` while rows are still being checked (past the service's time budget, DESIGN I1). */
  status?: 'verwerken' | 'klaar';
  progress?: { received: number; processed: number };
  counts: { received: number; accepted: number; rejected: number; duplicate: number; updated: number };
  warnings: { code: string; column?: string }[];
  rows?: Line[];
  items?: Line[];
  /** More lines follow (the receipt comes in pages of at most 1,000, DESIGN C4): the next page's cursor. */
  cursor?: string;
}

const TONE: Record<string, 'success' | 'danger' | 'neutral' | 'info'> = {
  accepted: 'success',
  rejected: 'danger',
  duplicate: 'neutral',
  updated: 'info',
};

const COUNT_LABELS: readonly [keyof Receipt['counts'], string][] = [
  ['received', 'Ontvangen'],
  ['accepted', 'Geaccepteerd'],
  ['rejected', 'Afgewezen'],
  ['duplicate', 'Dubbel'],
  ['updated', 'Bijgewerkt'],
];

function Counts({ counts }: { counts: Receipt['counts'] }) {
  return (
    <ul class="counts">
      {COUNT_LABELS.map(([key, label]) => (
        <li key={key}>
          {label} <strong>{counts[key]}</strong>
        </li>
      ))}
    </ul>
  );
}

const POLL_MS = 1500;

/**
 * A receipt that keeps itself up to date: while the service is still checking rows (`verwerken`,
 * DESIGN I1) it asks for it again every 1.5 s until it is `klaar`.
 */
function useLiveReceipt(api: Api, first: Receipt | undefined): [Receipt | undefined, unknown] {
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

/** Rows checked so far of a receipt still `verwerken`: the partner sees it is moving. */
function Processing({ receipt }: { receipt: Receipt }) {
  const { received, processed } = receipt.progress ?? { received: receipt.counts.received, processed: 0 };
  return (
    <div class="panel" role="status" aria-live="polite">
      <p>
        <label for="processing">
          Het bestand is ontvangen en wordt verwerkt: {processed.toLocaleString('nl-NL')} van{' '}
          {received.toLocaleString('nl-NL')} rijen gecontroleerd.
        </label>{' '}
        <progress id="processing" max={received || 1} value={processed}>
          {Math.round((processed / (received || 1)) * 100)}%
        </progress>
      </p>
      <p class="hint">
        U kunt deze pagina open laten; het ontvangstbewijs verschijnt vanzelf. Niets gaat verloren als u de
        pagina sluit: het staat later onder Eerdere aanleveringen.
      </p>
    </div>
  );
}

/** The receipt, row by row: status, and what is wrong in Dutch (DESIGN I1, C4). */
export function ReceiptTable({
  receipt,
  lines: shown = linesOf(receipt),
  onlyRejected = false,
}: {
  receipt: Receipt;
  /** The lines loaded so far, when the receipt came in pages. */
  lines?: readonly Line[];
  onlyRejected?: boolean;
}) {
  const lines = shown.filter((line) => !onlyRejected || line.status === 'rejected');
  const showFeedback = lines.some((line) => line.feedback);
  return (
    <ScrollTable label="Ontvangstbewijs per rij">
      <table class="receipt">
        <caption class="visually-hidden">Status per rij</caption>
        <thead>
          <tr>
            <th scope="col">{receipt.rows ? 'Rij' : 'Element'}</th>
            <th scope="col">Status</th>
            <th scope="col">Toelichting</th>
            {showFeedback && <th scope="col">Terugkoppeling</th>}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.row ?? line.index} class={line.status === 'rejected' ? 'rejected' : ''}>
              <td>{line.row ?? `${line.index}${line.reference ? ` (${line.reference})` : ''}`}</td>
              <td>
                <Badge tone={TONE[line.status] ?? 'neutral'}>
                  {STATUS_LABELS[line.status] ?? line.status}
                </Badge>
              </td>
              <td>
                {line.errors?.length ? (
                  <ul class="errors">
                    {line.errors.map((error) => (
                      <li key={error.field + error.code}>
                        <strong>{error.field}</strong>: {error.message}
                      </li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </td>
              {showFeedback && <td>{line.feedback ? FEEDBACK_LABELS[line.feedback] : '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/**
 * The lines of a receipt loaded so far, page by page: the first page comes with the receipt. A new
 * receipt (a poll's answer) starts again from its own first page; pages still arriving for the
 * one before are dropped.
 */
function useReceiptLines(api: Api, receipt: Receipt | undefined) {
  const [stored, setStored] = useState<LoadedLines<Line> & { of?: Receipt }>({ lines: [] });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const loaded: LoadedLines<Line> =
    stored.of === receipt ? stored : { lines: receipt ? linesOf(receipt) : [], cursor: receipt?.cursor };
  /** Appends the next page; answers what is loaded then (undefined when it failed). */
  const loadMore = async () => {
    if (!receipt || loading) return undefined;
    setLoading(true);
    setError(undefined);
    try {
      const next = await loadNextPage(api, receipt.uploadId, loaded);
      setStored({ ...next, of: receipt });
      return next;
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setLoading(false);
    }
  };
  return { ...loaded, loading, error, loadMore };
}

type ReceiptLines = ReturnType<typeof useReceiptLines>;

/**
 * The receipt's table with the lines loaded so far and, while more follow, a button for the next
 * page: a 30,000-row list opens at once and the partner reads on when needed. Once every line is
 * in, the count takes the focus from the button that is gone.
 */
function PagedReceipt({ receipt, paged }: { receipt: Receipt; paged: ReceiptLines }) {
  const status = useRef<HTMLParagraphElement>(null);
  const { received } = receipt.counts;
  const more = Boolean(paged.cursor);
  const loadMore = async () => {
    const loaded = await paged.loadMore();
    if (loaded && !loaded.cursor) status.current?.focus();
  };
  return (
    <>
      <ReceiptTable receipt={receipt} lines={paged.lines} />
      {(more || paged.lines.length > linesOf(receipt).length) && (
        <p ref={status} tabIndex={-1} aria-live="polite" class="hint">
          {paged.lines.length.toLocaleString('nl-NL')} van {received.toLocaleString('nl-NL')} rijen getoond.
        </p>
      )}
      <ErrorMessage error={paged.error} />
      {more && (
        <p>
          <button
            type="button"
            class="button secondary"
            onClick={() => void loadMore()}
            disabled={paged.loading}
            aria-busy={paged.loading}
          >
            Volgende rijen laden
          </button>
        </p>
      )}
    </>
  );
}

/** A housing corporation uploads its rent-arrears list and sees at once what happened to each row. */
export function Upload({ api }: { api: Api }) {
  const [file, setFile] = useState<File>();
  const [attested, setAttested] = useState(false);
  const [progress, setProgress] = useState<number>();
  const [answer, setAnswer] = useState<Receipt>();
  const [receipt, pollError] = useLiveReceipt(api, answer);
  const paged = useReceiptLines(api, receipt);
  const [error, setError] = useState<unknown>();
  /** While the download gathers the receipt's later pages: how many lines are in. */
  const [gathered, setGathered] = useState<number>();
  const [downloadError, setDownloadError] = useState<unknown>();
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    setAnswer(undefined);
    setError(undefined);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setError(undefined);
    setProgress(0);
    try {
      setAnswer(await api.upload<Receipt>('/intake/rent-arrears?attest=sociale-incasso', file, setProgress));
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(undefined);
    }
  };

  /**
   * Every rejected row, wherever it is in the list: a receipt read back comes in pages (DESIGN C4),
   * so the pages not yet shown are fetched first, with their progress. Nothing partial: a page that
   * fails, or a count that does not add up, is an error and no file.
   */
  const downloadRejected = async () => {
    if (!file || !receipt?.rows || gathered !== undefined) return;
    setDownloadError(undefined);
    try {
      let lines: readonly Line[] = paged.lines;
      if (paged.cursor) {
        setGathered(paged.lines.length);
        lines = await loadAllLines(api, receipt.uploadId, paged, setGathered);
      }
      const rejected = lines.filter((row) => row.status === 'rejected') as { row: number }[];
      if (rejected.length !== receipt.counts.rejected) {
        throw new Error('Niet alle afgewezen rijen konden worden opgehaald. Probeer het opnieuw.');
      }
      // Loaded on demand: the CSV parser is only needed here, not for the rest of the app.
      const { rejectedRowsCsv } = await import('../csv.ts');
      const csv = rejectedRowsCsv(new Uint8Array(await file.arrayBuffer()), rejected);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      link.download = `afgewezen-${file.name}`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (caught) {
      setDownloadError(caught);
    } finally {
      setGathered(undefined);
    }
  };

  return (
    <>
      <h1>Huurachterstanden aanleveren</h1>
      <form onSubmit={submit} class="form">
        {/* biome-ignore lint/a11y/noStaticElementInteractions: only a drop target for the mouse; the file button inside is the keyboard way. */}
        <div
          class={dragging ? 'dropzone dragging' : 'dropzone'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            choose(event.dataTransfer?.files[0]);
          }}
        >
          <p>Sleep het CSV-bestand hierheen, of</p>
          <label for="file" class="button secondary">
            Kies een CSV-bestand
          </label>
          <input
            ref={input}
            id="file"
            type="file"
            accept=".csv,text/csv"
            class="visually-hidden"
            onChange={(event) => choose(event.currentTarget.files?.[0])}
          />
          <p aria-live="polite">
            {file ? `Gekozen: ${file.name} (${Math.ceil(file.size / 1024)} kB)` : 'Nog geen bestand gekozen.'}
          </p>
        </div>
        <label class="choice">
          <input
            type="checkbox"
            checked={attested}
            onChange={(event) => setAttested(event.currentTarget.checked)}
            required
          />{' '}
          Wij bevestigen dat de stappen van de sociale incasso zijn gezet: herinnering, contactpoging, wijzen
          op hulp en aanbod om gegevens te delen (Wgs).
        </label>
        <button type="submit" class="button" disabled={!file || !attested || progress !== undefined}>
          Versturen
        </button>
        {progress !== undefined && (
          <p role="status">
            <label for="progress">
              {progress < 1 ? 'Versturen…' : 'Verstuurd; de rijen worden gecontroleerd…'}
            </label>{' '}
            <progress id="progress" max={1} value={progress < 1 ? progress : undefined}>
              {Math.round(progress * 100)}%
            </progress>
          </p>
        )}
      </form>
      <ErrorMessage error={error ?? pollError} />
      {receipt?.status === 'verwerken' && <Processing receipt={receipt} />}
      {receipt && receipt.status !== 'verwerken' && (
        <section aria-labelledby="receipt-title" class="panel">
          <h2 id="receipt-title" tabIndex={-1}>
            Ontvangstbewijs
          </h2>
          <Counts counts={receipt.counts} />
          {receipt.warnings.length > 0 && (
            <p class="hint">
              Onbekende kolommen genegeerd: {receipt.warnings.map((warning) => warning.column).join(', ')}
            </p>
          )}
          {receipt.counts.rejected > 0 && (
            <p>
              <button
                type="button"
                class="button secondary"
                onClick={() => void downloadRejected()}
                disabled={gathered !== undefined}
                aria-busy={gathered !== undefined}
              >
                Afgewezen rijen downloaden (CSV)
              </button>{' '}
              <span class="hint">Verbeter ze en stuur ze opnieuw; dubbele rijen worden herkend.</span>
            </p>
          )}
          {gathered !== undefined && (
            <p role="status">
              <label for="gathering">
                Afgewezen rijen verzamelen: {gathered.toLocaleString('nl-NL')} van{' '}
                {receipt.counts.received.toLocaleString('nl-NL')} rijen opgehaald.
              </label>{' '}
              <progress id="gathering" max={receipt.counts.received || 1} value={gathered}>
                {Math.round((gathered / (receipt.counts.received || 1)) * 100)}%
              </progress>
            </p>
          )}
          <ErrorMessage error={downloadError} />
          <PagedReceipt receipt={receipt} paged={paged} />
          <p>
            <a href={`#/uploads/${receipt.uploadId}`}>Terugkoppeling op deze aanlevering</a>
          </p>
        </section>
      )}
    </>
  );
}

/** A partner's earlier uploads, newest first. */
export function Uploads({ api }: { api: Api }) {
  const [uploads, setUploads] = useState<Receipt[]>();
  const [error, setError] = useState<unknown>();
  useEffect(
    () =>
      void api.get<{ items: Receipt[] }>('/intake/uploads').then((page) => setUploads(page.items), setError),
    [],
  );
  return (
    <>
      <h1>Eerdere aanleveringen</h1>
      <ErrorMessage error={error} />
      {!uploads && !error && <Loading />}
      {uploads && uploads.length === 0 && <p class="empty">Nog geen aanleveringen.</p>}
      {uploads && uploads.length > 0 && (
        <ScrollTable label="Aanleveringen">
          <table>
            <thead>
              <tr>
                <th scope="col">Ontvangen</th>
                <th scope="col">Bestand of batch</th>
                <th scope="col">Rijen</th>
                <th scope="col">Afgewezen</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {uploads.map((upload) => (
                <tr key={upload.uploadId}>
                  <td>
                    <a href={`#/uploads/${upload.uploadId}`}>{formatDateTime(upload.receivedAt)}</a>
                  </td>
                  <td>
                    {upload.fileName ??
                      upload.batchId ??
                      (upload.kind === 'rent-arrears' ? 'Huurachterstanden' : 'Energieschulden')}
                  </td>
                  <td>{upload.counts.received}</td>
                  <td>{upload.counts.rejected}</td>
                  <td>{upload.status === 'verwerken' ? 'Wordt verwerkt' : 'Verwerkt'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}

/**
 * One upload's receipt with per-row feedback: ontvangen, opgepakt, niet opgepakt, afgerond (C4); the
 * first 1,000 rows, and more on request.
 */
export function UploadDetail({ api, uploadId }: { api: Api; uploadId: string }) {
  const [loaded, setLoaded] = useState<Receipt>();
  const [receipt, pollError] = useLiveReceipt(api, loaded);
  const paged = useReceiptLines(api, receipt);
  const [error, setError] = useState<unknown>();
  useEffect(() => void api.get<Receipt>(receiptPath(uploadId)).then(setLoaded, setError), [uploadId]);
  if (!receipt) return error ? <ErrorMessage error={error} /> : <Loading />;
  if (receipt.status === 'verwerken') {
    return (
      <>
        <h1>Aanlevering van {formatDateTime(receipt.receivedAt)}</h1>
        <ErrorMessage error={pollError} />
        <Processing receipt={receipt} />
      </>
    );
  }
  return (
    <>
      <p>
        <a href="#/uploads">← Eerdere aanleveringen</a>
      </p>
      <h1>Aanlevering van {formatDateTime(receipt.receivedAt)}</h1>
      <Counts counts={receipt.counts} />
      <PagedReceipt receipt={receipt} paged={paged} />
    </>
  );
}
