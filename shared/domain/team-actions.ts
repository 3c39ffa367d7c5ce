import { formatAmsterdam } from './amsterdam-time.ts';
import { requireContactOrNotPickedUp } from './closing-rules.ts';
import { DomainError } from './domain-error.ts';
import type { HouseholdEntry } from './household-history.ts';
import { outcomeCode } from './outcomes.ts';
import { retentionOf } from './retention.ts';
import type { Signal } from './signal.ts';
import { isTeamId, teamLabel } from './teams.ts';
import { requireForwardOutcome } from './veilig-thuis-forwards.ts';

/** Who acts on a signal: a principal (shared/auth/principal.ts) as the signal records it. */
export interface Actor {
  readonly id: string;
  readonly role: string;
  readonly scope: string;
}

function requireOpen(signal: Signal, action: string): void {
  if (signal.status !== 'open') {
    throw new DomainError(
      'conflict',
      'signal-not-open',
      `Dit signaal is niet (meer) open; ${action} kan niet.`,
    );
  }
}

/**
 * Re-routes a signal to another team (the dominant problem is decided with the family, routing is
 * provisional). The deadline does not move; the routing history keeps every step and its reason.
 */
export function reroute(signal: Signal, teamId: string, reason: string, by: string, now: Date): Signal {
  requireOpen(signal, 'doorzetten');
  if (!isTeamId(teamId)) throw new DomainError('invalid', 'unknown-team', 'Dit team bestaat niet.', 'teamId');
  if (teamId === signal.teamId) {
    throw new DomainError('invalid', 'same-team', 'Het signaal hoort al bij dit team.', 'teamId');
  }
  const explanation = `Doorgezet naar ${teamLabel(teamId)}: ${reason}`;
  return {
    ...signal,
    teamId,
    routing: { rule: 'reroute', explanation },
    routingHistory: [
      ...signal.routingHistory,
      { at: formatAmsterdam(now), teamId, rule: 'reroute', explanation, by },
    ],
    version: signal.version + 1,
  };
}

/**
 * DESIGN O1: closing needs an outcome code from the national DDAS list. It stops any escalation.
 * An open signal without any contact attempt closes only as `niet opgepakt` (closing-rules.ts); a
 * Veilig Thuis forward closes only as `doorgezet-veilig-thuis`, when Veilig Thuis takes it into
 * handling (veilig-thuis-forwards.ts). Who closed it is kept with it (issue 15).
 */
export function close(signal: Signal, outcome: string, by: Actor, now: Date): Signal {
  const code = outcomeCode(outcome);
  if (!code) {
    throw new DomainError(
      'invalid',
      'unknown-outcome',
      'Onbekende uitkomstcode: kies een code uit de DDAS-lijst.',
      'outcome',
    );
  }
  const closedFrom = signal.status === 'forwarded' ? 'forwarded' : 'open';
  if (closedFrom === 'forwarded') requireForwardOutcome(outcome);
  else {
    requireOpen(signal, 'afsluiten');
    requireContactOrNotPickedUp(signal, code);
  }
  return {
    ...signal,
    status: 'closed',
    outcome,
    closedAt: formatAmsterdam(now),
    closedBy: { principalId: by.id, role: by.role, scope: by.scope },
    closedFrom,
    version: signal.version + 1,
  };
}

/** What the household index keeps of a signal after a team action (M1–M3, C3: no personal data). */
export function householdEntryOf(signal: Signal): HouseholdEntry {
  return {
    signalId: signal.signalId,
    receivedAt: signal.receivedAt,
    source: signal.source,
    status: signal.status,
    teamId: signal.teamId,
    amount: signal.amount,
    outcome: signal.outcome,
    closedAt: signal.closedAt,
    expiresAt: retentionOf(signal).expiresAt.toISOString(),
  };
}
