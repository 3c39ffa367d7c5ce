import type { DebtSignalInput } from './debt-signal.ts';
import { householdKey, signalIdFor } from './household-key.ts';
import type { PartnerFeedback } from './outcomes.ts';

/** A field-level error of a rejected line (API.md `errors`): never the value itself. */
export interface LineError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * Where a line sits in what the partner sent: a spreadsheet row, or a batch element; with the
 * partner's own reference for it where there is one (a row's huurdernummer, an element's
 * `reference`), so the partner finds the line by it too (P4: only it reads its receipts).
 */
export type LineLabel =
  | { readonly row: number; readonly reference?: string | undefined }
  | { readonly index: number; readonly reference?: string | undefined };

/** One line of a receipt (API.md, DESIGN I1): its status and, once known, the signal. */
export interface ReceiptLine {
  readonly row?: number | undefined;
  readonly index?: number | undefined;
  /** The partner's own reference: a row's huurdernummer, an element's `reference`. */
  readonly reference?: string | undefined;
  readonly status: 'accepted' | 'rejected' | 'duplicate' | 'updated';
  readonly signalId?: string | undefined;
  readonly errors?: readonly LineError[] | undefined;
  /** Added when a partner reads the receipt back (C4). */
  readonly feedback?: PartnerFeedback | undefined;
}

export interface ReceiptCounts {
  received: number;
  accepted: number;
  rejected: number;
  duplicate: number;
  updated: number;
}

/** DESIGN I1: the receipt's counts, which add up to the items received. */
export function countLines(lines: readonly ReceiptLine[]): ReceiptCounts {
  const counts: ReceiptCounts = {
    received: lines.length,
    accepted: 0,
    rejected: 0,
    duplicate: 0,
    updated: 0,
  };
  for (const line of lines) counts[line.status]++;
  return counts;
}

/** A line's place in the partner's order: its row number, or its element index. */
export const positionOf = (line: ReceiptLine): number => line.row ?? line.index ?? 0;

/** Lines in the order the partner sent them: by row, or by element index. */
export function inPartnerOrder(lines: readonly ReceiptLine[]): ReceiptLine[] {
  return [...lines].sort((a, b) => positionOf(a) - positionOf(b));
}

/**
 * Lines per page of a receipt read back (`GET /intake/uploads/{id}`, DESIGN C4). A page's feedback
 * is read from its signals: 1,000 lines are at most 10 BatchGets of 100 keys and about 130 KB of
 * answer (each row with its huurdernummer), however large the upload — where a 30,000-row receipt read whole took 300 BatchGets,
 * 8–15 s and 3.2 MB locally (up to GetUpload's 29 s timeout, a 500, while the router was busy), on
 * its way to Lambda's 6 MB answer limit, and costing read units for every row on every look. Equal
 * to the largest energy batch and to the lines of a pack: every batch, and every list of up to
 * 1,000 rows, is still one page.
 */
export const RECEIPT_PAGE_SIZE = 1000;

/** A partner item that passed validation: a rent-arrears row or an energy-batch element. */
export interface ValidItem {
  readonly label: LineLabel;
  readonly input: DebtSignalInput;
  /** DESIGN I5: (corporation, tenant, arrears start) or (supplier, customer, arrears start, kind). */
  readonly dedupeKey: readonly string[];
}

/** One row of the file that names a signal, with what it says. */
export interface PlannedRow {
  readonly label: LineLabel;
  readonly input: DebtSignalInput;
}

/** Every row of the file with one dedupe key (I5), in file order: usually one. */
export interface PlannedSignal {
  readonly signalId: string;
  readonly rows: readonly PlannedRow[];
}

/** The unit of routing: up to 50 signals, a household's together, and up to 1,000 lines. */
export interface PlannedPack {
  readonly pack: number;
  readonly signals: readonly PlannedSignal[];
}

/**
 * What a partner file amounts to before anything is stored: the lines decided by the file alone
 * (rejected rows) and the packs that still need the stored state to be decided (I5). The same
 * bytes always give the same plan, so work can be resumed from the stored file (I1).
 */
export interface UploadPlan {
  readonly received: number;
  readonly rejected: readonly ReceiptLine[];
  readonly packs: readonly PlannedPack[];
}

/**
 * Signals per pack: few SQS requests and few batched DynamoDB calls per signal (50 signals and
 * their households fit one BatchGet of 100 keys), small enough (≈ 30 KB) to retry as a unit.
 */
export const SIGNALS_PER_PACK = 50;
/**
 * Lines per pack: one stored item of lines stays below DynamoDB's 400 KB — some 95 KB with ordinary
 * huurdernummers, 340 KB when every line carries the longest reference there may be (64 four-byte
 * characters; test/unit/receipt-tenant-reference.test.ts).
 */
export const LINES_PER_PACK = 1000;

const labelOf = (label: LineLabel): Pick<ReceiptLine, 'row' | 'index' | 'reference'> => label;

/**
 * Plans a validated file (DESIGN I1, I5, M1): rows with the same dedupe key become one signal
 * (its id a keyed hash of the key), signals are grouped by household so that one router
 * invocation sees a household's signals in order (M2/M3), and packed. One key repeated more than
 * LINES_PER_PACK times in one file is not a real export: the repeats beyond that are rejected.
 */
export function planUpload(
  valid: readonly ValidItem[],
  rejected: readonly ReceiptLine[],
  secret: string,
): UploadPlan {
  const bySignal = new Map<string, { signalId: string; household: string; rows: PlannedRow[] }>();
  const overflow: ReceiptLine[] = [];
  for (const item of valid) {
    const signalId = signalIdFor(item.dedupeKey, secret);
    const planned = bySignal.get(signalId) ?? {
      signalId,
      household: householdKey(item.input.address, secret),
      rows: [],
    };
    bySignal.set(signalId, planned);
    if (planned.rows.length < LINES_PER_PACK) {
      planned.rows.push({ label: item.label, input: item.input });
      continue;
    }
    overflow.push({
      ...labelOf(item.label),
      status: 'rejected',
      errors: [
        {
          field: '(rij)',
          code: 'too-many-repeats',
          message: `Dezelfde huurder en achterstand staan meer dan ${LINES_PER_PACK} keer in dit bestand; deze herhaling is niet verwerkt.`,
        },
      ],
    });
  }

  const packs: PlannedPack[] = [];
  let current: PlannedSignal[] = [];
  let lines = 0;
  const flush = () => {
    if (current.length) packs.push({ pack: packs.length, signals: current });
    current = [];
    lines = 0;
  };
  for (const household of Map.groupBy(bySignal.values(), (planned) => planned.household).values()) {
    // A household that fits a pack never straddles two: one router call sees it whole (M2/M3).
    const householdLines = household.reduce((sum, planned) => sum + planned.rows.length, 0);
    const fitsAPack = household.length <= SIGNALS_PER_PACK && householdLines <= LINES_PER_PACK;
    const fitsThisPack =
      current.length + household.length <= SIGNALS_PER_PACK && lines + householdLines <= LINES_PER_PACK;
    if (fitsAPack && !fitsThisPack) flush();
    for (const { signalId, rows } of household) {
      if (current.length === SIGNALS_PER_PACK || lines + rows.length > LINES_PER_PACK) flush();
      current.push({ signalId, rows });
      lines += rows.length;
    }
  }
  flush();
  return { received: valid.length + rejected.length, rejected: [...rejected, ...overflow], packs };
}

/** What classification needs to know of a stored signal (I5); absent when nothing is stored. */
export interface StoredSignalState {
  readonly status: string;
  readonly amount?: number | undefined;
  /** Past its retention (P1) but not yet deleted: as good as absent. */
  readonly expired?: boolean | undefined;
}

/** A signal of a pack to route: which row's data goes to the router, and whether it is new. */
export interface PackItem {
  readonly signalId: string;
  /** The row (or element index) whose input is sent: the last one that raised the amount. */
  readonly ref: number;
  readonly action: 'create' | 'update';
}

/** A pack decided against the stored state: its receipt lines and what goes to the router. */
export interface PackDecision {
  readonly pack: number;
  readonly lines: readonly ReceiptLine[];
  readonly items: readonly PackItem[];
}

export const refOf = (label: LineLabel): number => ('row' in label ? label.row : label.index);

/**
 * DESIGN I5 for the signals of one pack: each row becomes `accepted` (a new key), `updated` (a
 * known key with a higher amount while the signal is open or not routed, or a later row of the same
 * file raising the amount again) or `duplicate`. A signal whose processing failed before (stored
 * as failed) or that expired (P1) counts as absent: a re-sent row starts it anew.
 */
export function classifyPack(
  pack: PlannedPack,
  states: ReadonlyMap<string, StoredSignalState>,
): PackDecision {
  const lines: ReceiptLine[] = [];
  const items: PackItem[] = [];
  for (const { signalId, rows } of pack.signals) {
    const found = states.get(signalId);
    const stored = found && !found.expired && found.status !== 'failed' ? found : undefined;
    const canUpdate = !stored || stored.status === 'open' || stored.status === 'not-routed';
    let highest: number | undefined;
    let chosen: PlannedRow | undefined;
    for (const row of rows) {
      const previous = highest ?? stored?.amount;
      let status: ReceiptLine['status'];
      if (!stored && highest === undefined) status = 'accepted';
      else if (canUpdate && previous !== undefined && row.input.amount > previous) status = 'updated';
      else status = 'duplicate';
      lines.push({ ...labelOf(row.label), status, signalId });
      if (status === 'duplicate') continue;
      highest = row.input.amount;
      chosen = row;
    }
    if (chosen) items.push({ signalId, ref: refOf(chosen.label), action: stored ? 'update' : 'create' });
  }
  return { pack: pack.pack, lines, items };
}

/**
 * The items of a decided pack, read back from its lines alone, so only the lines need storing: per
 * signal (in the order its lines come) the last line that is not a duplicate is the row whose input
 * is sent, and the signal is new (`create`) when its first line was `accepted` (classifyPack).
 */
export function packItemsOf(lines: readonly ReceiptLine[]): PackItem[] {
  const bySignal = new Map<string, ReceiptLine[]>();
  for (const line of lines) {
    if (!line.signalId) continue;
    bySignal.set(line.signalId, [...(bySignal.get(line.signalId) ?? []), line]);
  }
  const items: PackItem[] = [];
  for (const [signalId, signalLines] of bySignal) {
    const chosen = signalLines.findLast((line) => line.status === 'accepted' || line.status === 'updated');
    if (!chosen) continue;
    const action = signalLines[0]?.status === 'accepted' ? 'create' : 'update';
    items.push({ signalId, ref: (chosen.row ?? chosen.index) as number, action });
  }
  return items;
}

/** The input each pack item sends, looked up in the plan by its row (I1: resumable from the file). */
export function itemInputs(pack: PlannedPack, items: readonly PackItem[]): Map<string, DebtSignalInput> {
  const byRef = new Map(
    pack.signals.flatMap((signal) =>
      signal.rows.map((row) => [`${signal.signalId}#${refOf(row.label)}`, row]),
    ),
  );
  const inputs = new Map<string, DebtSignalInput>();
  for (const item of items) {
    const row = byRef.get(`${item.signalId}#${item.ref}`);
    if (!row) throw new Error(`Pack ${pack.pack} has no row ${item.ref} for a stored decision`);
    inputs.set(item.signalId, row.input);
  }
  return inputs;
}
