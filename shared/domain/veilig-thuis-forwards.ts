import { DomainError } from './domain-error.ts';
import { OUTCOME } from './outcomes.ts';

/**
 * A Veilig Thuis forward (DESIGN C2, R1) taken into handling (issue 15, build 4b). A forward is
 * Veilig Thuis's from the moment it is routed: its status is `forwarded`, its outcome already
 * `doorgezet-veilig-thuis` (partner feedback `afgerond`, C4), and it climbs no ladder but level 3
 * at once (D4). Veilig Thuis works it in its own system under the Meldcode, outside this service;
 * here it only says "in behandeling genomen", which closes the forward with that same outcome so it
 * leaves the open inbox. No contact attempt is asked for (the zero-contact rule of closing-rules.ts
 * is about Buurtteam signals), and no other outcome fits: the DDAS outcomes describe a Buurtteam's
 * work with the resident, which a forward never gets here.
 */

export const FORWARD_OUTCOME_MESSAGE =
  "Een doorgezette melding neemt Veilig Thuis in behandeling met de uitkomst 'doorgezet-veilig-thuis' (Doorgezet naar Veilig Thuis); een andere uitkomst kan hier niet.";

/** Refuses (422 on `outcome`) any outcome but `doorgezet-veilig-thuis` for a forward. */
export function requireForwardOutcome(outcome: string): void {
  if (outcome === OUTCOME.forwardedToVeiligThuis) return;
  throw new DomainError('invalid', 'forward-outcome-required', FORWARD_OUTCOME_MESSAGE, 'outcome');
}

/** The facts that tell a forward, open or taken into handling, from any other signal. */
export interface ForwardFacts {
  readonly status: string;
  /** The status the signal was closed from (Signal.closedFrom); absent on signals closed before issue 15. */
  readonly closedFrom?: string | undefined;
}

/**
 * A forward, before or after Veilig Thuis took it into handling. Used by retention (P1): taking it
 * into handling does not make this service keep Veilig Thuis's case any longer.
 */
export function isVeiligThuisForward(record: ForwardFacts): boolean {
  return record.status === 'forwarded' || (record.status === 'closed' && record.closedFrom === 'forwarded');
}
