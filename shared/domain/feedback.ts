import { outcomeCode, type PartnerFeedback, PROCESSING_FAILED } from './outcomes.ts';
import type { Signal } from './signal.ts';

/**
 * DESIGN C4: what a partner sees of its submission — a state, never the reason or the notes.
 * `ontvangen` until the team has made a first contact attempt, `opgepakt` from then on, and the
 * outcome's partner mapping (outcome-codes.json) once the signal is closed, forwarded or not routed.
 */
export function partnerFeedback(outcome: string | undefined, signal: Signal | undefined): PartnerFeedback {
  const finalOutcome = outcome ?? signal?.outcome;
  if (finalOutcome) return outcomeCode(finalOutcome)?.partner ?? 'afgerond';
  if (signal && signal.contactAttempts.length > 0) return 'opgepakt';
  return 'ontvangen';
}

/**
 * DESIGN C4 for one care report, whatever became of it: not routed (C2: the receipt has the outcome),
 * the feedback of its signal — or once deleted (P1) of its deletion-log entry —, failed to be stored
 * after every try (I1: `fout-bij-verwerking`, the police may send it again, never why), else still
 * `ontvangen`. One rule for `GET /intake/care-reports/{reportId}` and the police's list (issue 15).
 */
export function careReportFeedback(
  receipt: { readonly outcome?: string | undefined; readonly failure?: unknown } | undefined,
  stored: PartnerFeedback | undefined,
): PartnerFeedback {
  if (receipt?.outcome) return partnerFeedback(receipt.outcome, undefined);
  if (stored) return stored;
  if (receipt?.failure) return PROCESSING_FAILED;
  return 'ontvangen';
}
