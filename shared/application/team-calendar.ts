import { assertAllowed } from '../auth/access-policy.ts';
import { type CalendarDate, formatAmsterdam } from '../domain/amsterdam-time.ts';
import { DomainError } from '../domain/domain-error.ts';
import { toCalendarItem } from '../domain/first-conversation.ts';
import { isTeamId } from '../domain/teams.ts';
import type { AuditTrail, TeamCalendar } from './ports.ts';
import { auditEntries, type Caller } from './team-signals.ts';

/**
 * A1 (issue 17): the team's planned first conversations in a period, earliest first — the web app's
 * "Afspraken deze week". Same readers as the inbox; it shows names, so each listed signal gets its
 * audit entry (P3) before the answer leaves.
 */
export async function teamAppointments(
  caller: Caller,
  teamId: string,
  period: { readonly from: CalendarDate; readonly to: CalendarDate },
  now: Date,
  deps: { readonly calendar: TeamCalendar; readonly audit: Pick<AuditTrail, 'record'> },
) {
  if (!isTeamId(teamId)) throw new DomainError('not-found', 'team-not-found', 'Dit team bestaat niet.');
  assertAllowed(
    caller.principal,
    caller.operation,
    { teamId },
    { forbidden: 'Geen toegang tot de afspraken van dit team.' },
  );
  const signals = await deps.calendar.plannedBetween(teamId, period.from, period.to, now);
  await deps.audit.record(
    auditEntries(
      caller,
      signals.map((signal) => signal.signalId),
      now,
    ),
  );
  return { asOf: formatAmsterdam(now), from: period.from, to: period.to, items: signals.map(toCalendarItem) };
}
