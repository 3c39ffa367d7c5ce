import type { Signal } from './signal.ts';

/**
 * Whether a signal's escalations are resolved (issue 15, build 2; DESIGN D3, D4). An escalation says
 * "nobody has reached this resident in time"; it is resolved by the first reached contact (D3 stops
 * the clock) or by closing the signal — for a Veilig Thuis forward, by Veilig Thuis taking it into
 * handling (veilig-thuis-forwards.ts). A forward still waiting is not resolved: its level-3
 * escalation is addressed to Veilig Thuis itself, and is what it has to act on.
 *
 * Derived, not stored: the facts that resolve an escalation — `firstContactAt` and `closedAt` — are
 * already on the signal with their instants, and are the one truth of them. A `resolved` flag
 * written on each escalation would be a second copy that the contact and close actions, the
 * escalate consumer (which may record a level while a contact comes in) and every signal stored
 * before this field would all have to keep in step; derived on read, it is right for old signals
 * too, costs no write, and cannot drift.
 */
export interface EscalationResolution {
  /** The instant of the resolving fact: the first reached contact's `at`, else the closing. */
  readonly resolvedAt: string;
  readonly resolvedThrough: 'first-contact' | 'closed';
}

/**
 * What resolved the signal's escalations, if anything. A reached contact is recorded up to 7 days
 * after it happened (D3), so `resolvedAt` may lie before an escalation that was sent in between:
 * the contact was in fact made before it, only recorded later.
 */
export function escalationResolution(signal: Signal): EscalationResolution | undefined {
  if (signal.firstContactAt) return { resolvedAt: signal.firstContactAt, resolvedThrough: 'first-contact' };
  if (signal.status === 'closed' && signal.closedAt) {
    return { resolvedAt: signal.closedAt, resolvedThrough: 'closed' };
  }
  return undefined;
}
