import type { ItemReceipt, SignalRepository, UploadReceipt } from './ports.ts';

/**
 * DESIGN C4: each row with a signal gets the partner's view of it — `ontvangen`, `opgepakt`,
 * `niet-opgepakt` or `afgerond` — never the reason or the team's notes. Signals still on the queue
 * are `ontvangen`.
 */
export async function withFeedback(
  receipt: UploadReceipt,
  signals: Pick<SignalRepository, 'getStates'>,
): Promise<UploadReceipt> {
  const lines = receipt.rows ?? receipt.items ?? [];
  const states = await signals.getStates(lines.flatMap((line) => (line.signalId ? [line.signalId] : [])));
  const annotate = (line: ItemReceipt) =>
    line.signalId ? { ...line, feedback: states.get(line.signalId)?.feedback ?? 'ontvangen' } : line;
  return receipt.rows
    ? { ...receipt, rows: receipt.rows.map(annotate) }
    : { ...receipt, items: lines.map(annotate) };
}
