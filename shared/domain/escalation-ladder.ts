import { amsterdamInstant, type CalendarDate } from './amsterdam-time.ts';
import { ladderPausedByAppointment } from './appointments.ts';
import type { Escalation, EscalationRecipientRole, Signal } from './signal.ts';
import { organisationOf, VEILIG_THUIS } from './teams.ts';
import type { WorkingDayCalendar } from './working-days.ts';

export type EscalationLevel = 1 | 2 | 3;

/**
 * DESIGN D4: working days after the due date at which each level falls due — level 1 at the
 * deadline, level 2 two working days later, level 3 five working days later.
 */
const WORKING_DAYS_AFTER_DUE_DATE: Record<EscalationLevel, number> = { 1: 0, 2: 2, 3: 5 };

/** The end of a calendar day in Utrecht; an escalation falls due the moment after it. */
function endOfDay(date: CalendarDate): Date {
  return amsterdamInstant(date, '23:59:59.999');
}

/** D4: who hears of it — the team's coordinator, the organisation's manager, the municipality. */
export function recipientFor(level: EscalationLevel, teamId: string): Escalation['recipient'] {
  if (teamId === VEILIG_THUIS) return { role: 'veilig-thuis', scope: VEILIG_THUIS };
  const role: EscalationRecipientRole =
    level === 1 ? 'coordinator' : level === 2 ? 'manager' : 'municipality';
  const scope = level === 1 ? teamId : level === 2 ? (organisationOf(teamId) ?? teamId) : 'gemeente';
  return { role, scope };
}

export interface NextEscalation {
  readonly level: EscalationLevel;
  /** The last instant before it falls due: due when now is after this. */
  readonly dueAfter: Date;
}

/**
 * The escalation a signal is waiting for, if any. Open signals without a first contact (D3 stops
 * the clock) climb the ladder after their due date, unless paused by an appointment (A2); a Veilig
 * Thuis forward is level 3 at once (C2).
 */
export function nextEscalation(signal: Signal, calendar: WorkingDayCalendar): NextEscalation | undefined {
  if (signal.status === 'forwarded') {
    return signal.escalationLevel < 3
      ? { level: 3, dueAfter: new Date(Date.parse(signal.receivedAt) - 1) }
      : undefined;
  }
  if (signal.status !== 'open' || signal.firstContactAt || signal.escalationLevel >= 3) return undefined;
  // A2: paused while the resident's own late appointment stands — out of the sweep's sparse index
  // (D5) too; cancelled or missed, the next level is the one it was waiting for, none sent twice.
  if (ladderPausedByAppointment(signal)) return undefined;
  const level = (signal.escalationLevel + 1) as EscalationLevel;
  return {
    level,
    dueAfter: endOfDay(calendar.addWorkingDays(signal.dueDate, WORKING_DAYS_AFTER_DUE_DATE[level])),
  };
}

/** Records a delivered escalation on the signal (idempotent: a level is added once). */
export function withEscalation(signal: Signal, escalation: Escalation): Signal {
  if (signal.escalations.some((existing) => existing.level === escalation.level)) return signal;
  return {
    ...signal,
    escalationLevel: Math.max(signal.escalationLevel, escalation.level) as Signal['escalationLevel'],
    escalations: [...signal.escalations, escalation].sort((a, b) => a.level - b.level),
    version: signal.version + 1,
  };
}
