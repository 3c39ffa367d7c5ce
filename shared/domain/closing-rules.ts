import { DomainError } from './domain-error.ts';
import type { OutcomeCode, PartnerFeedback } from './outcomes.ts';
import type { Signal } from './signal.ts';

/**
 * Closing a signal (DESIGN O1) that nobody has tried to contact (issue 15, build 2). Without a single
 * contact attempt (D3: reached or not) the team has not picked the signal up, so the outcome may only
 * say so: a code whose partner feedback (C4, config/outcome-codes.json `partner`) is `niet-opgepakt`.
 * Any other outcome — advice given, referred, resident declined help, no contact possible — claims
 * work that left no trace on the signal, would tell the partner `afgerond` and would reach CBS as a
 * result of contact (X2). A team that did act without contacting the resident (looked it up in the
 * debt-counselling system, say) records that as a contact attempt of kind `administratief` first.
 */
export const FEEDBACK_WITHOUT_CONTACT: PartnerFeedback = 'niet-opgepakt';

/** Whether an outcome may close a signal with no contact attempt at all. */
export function closableWithoutContact(outcome: OutcomeCode): boolean {
  return outcome.partner === FEEDBACK_WITHOUT_CONTACT;
}

export const CONTACT_REQUIRED_MESSAGE =
  "Zonder contactpoging kan dit signaal alleen worden afgesloten als 'niet opgepakt' (kies een uitkomst 'Niet opgepakt: …'). Leg anders eerst een contactpoging vast.";

/** 422 on `outcome` when an open signal without any contact attempt is closed as if picked up. */
export function requireContactOrNotPickedUp(signal: Signal, outcome: OutcomeCode): void {
  if (signal.contactAttempts.length > 0 || closableWithoutContact(outcome)) return;
  throw new DomainError('invalid', 'contact-attempt-required', CONTACT_REQUIRED_MESSAGE, 'outcome');
}
