import type { ReceiptLine } from '../domain/upload-plan.ts';
import type { DeletionLog, SignalRepository, UploadReceipt } from './ports.ts';

/**
 * DESIGN C4: each row with a signal gets the partner's view of it — `ontvangen`, `opgepakt`,
 * `niet-opgepakt` or `afgerond` — never the reason or the team's notes. Signals still on the queue
 * are `ontvangen`; deleted ones (P1) keep the feedback the deletion log kept of them.
 */
export async function withFeedback(
  receipt: UploadReceipt,
  deps: {
    readonly signals: Pick<SignalRepository, 'getStates'>;
    readonly deletions: Pick<DeletionLog, 'states'>;
  },
): Promise<UploadReceipt> {
  const lines = receipt.rows ?? receipt.items ?? [];
  const ids = lines.flatMap((line) => (line.signalId ? [line.signalId] : []));
  const states = await deps.signals.getStates(ids);
  const missing = ids.filter((id) => !states.has(id));
  const deleted = missing.length > 0 ? await deps.deletions.states(missing) : new Map();
  const annotate = (line: ReceiptLine) =>
    line.signalId
      ? {
          ...line,
          feedback: (states.get(line.signalId) ?? deleted.get(line.signalId))?.feedback ?? 'ontvangen',
        }
      : line;
  return receipt.rows
    ? { ...receipt, rows: receipt.rows.map(annotate) }
    : { ...receipt, items: lines.map(annotate) };
}
