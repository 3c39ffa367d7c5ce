import { outcomeCode, type PartnerFeedback } from './outcomes.ts';
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
