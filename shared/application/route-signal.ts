import { careReportToSignal } from '../domain/care-report.ts';
import type { WorkingDayCalendar } from '../domain/working-days.ts';
import type { SignalMessage } from '../messages.ts';
import type { ReceiptStore, SignalRepository } from './ports.ts';

export interface RoutingDependencies {
  readonly signals: SignalRepository;
  readonly receipts: ReceiptStore;
  readonly calendar: WorkingDayCalendar;
}

export type RoutingOutcome =
  | { readonly signalId: string; readonly result: 'routed'; readonly teamId: string; readonly rule: string }
  | { readonly signalId: string; readonly result: 'not-routed'; readonly outcome: string }
  | { readonly signalId: string; readonly result: 'already-routed' };

/**
 * Routes one queued signal: consent and safety (C2), the rule table (R1–R6), the due date (D2).
 * Idempotent, because SQS delivers at least once: the signal is created with a conditional put,
 * and recording a not-routed outcome on the receipt twice changes nothing.
 */
export async function routeSignalMessage(
  message: SignalMessage,
  deps: RoutingDependencies,
): Promise<RoutingOutcome> {
  const { signalId, source, report } = message;
  const result = careReportToSignal(report, {
    signalId,
    source,
    receivedAt: new Date(message.receivedAt),
    calendar: deps.calendar,
  });
  if (!result.routed) {
    await deps.receipts.recordOutcome(source, report.reportId, result.outcome);
    return { signalId, result: 'not-routed', outcome: result.outcome };
  }
  const created = await deps.signals.create(result.signal);
  if (!created) return { signalId, result: 'already-routed' };
  return { signalId, result: 'routed', teamId: result.signal.teamId, rule: result.signal.routing.rule };
}
