import { formatAmsterdam } from './amsterdam-time.ts';
import { recordContactAttempt } from './contact-attempts.ts';
import { DomainError } from './domain-error.ts';
import { summariseFirstConversation } from './first-conversation.ts';
import { type Signal, standingAppointment } from './signal.ts';
import { isPastDeadline } from './working-days.ts';

/** DESIGN A1: where the first conversation takes place. */
export const APPOINTMENT_PLACES = ['thuis', 'buurtteam', 'elders'] as const;
export type AppointmentPlace = (typeof APPOINTMENT_PLACES)[number];

/** DESIGN A1: a planned appointment ends held, missed or cancelled. */
export const APPOINTMENT_OUTCOMES = ['gehouden', 'niet-verschenen', 'geannuleerd'] as const;
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];
export type AppointmentStatus = 'gepland' | AppointmentOutcome;

/** The first conversation with the resident (kennismakingsgesprek), DESIGN A1. */
export interface Appointment {
  readonly appointmentId: string;
  readonly startsAt: string;
  readonly place: AppointmentPlace;
  /** A2: the resident asked for this moment; after the deadline it pauses the ladder. */
  readonly opVerzoekInwoner: boolean;
  readonly note?: string | undefined;
  readonly status: AppointmentStatus;
  readonly plannedAt: string;
  /** Principal id, as contact attempts keep it (P3). */
  readonly plannedBy: string;
  readonly statusAt?: string | undefined;
  readonly statusBy?: string | undefined;
}

export interface NewAppointment {
  readonly startsAt: Date;
  readonly place: AppointmentPlace;
  readonly opVerzoekInwoner: boolean;
  readonly note?: string | undefined;
}

function requireOpen(signal: Signal): void {
  if (signal.status !== 'open') {
    throw new DomainError(
      'conflict',
      'signal-not-open',
      'Dit signaal is niet (meer) open; afspraken zijn niet mogelijk.',
    );
  }
}

/**
 * A1: plans the first conversation. One stands at a time: to move it, cancel it and plan a new one
 * (reschedule = cancel + plan), so the history keeps both. Not before the signal came in.
 */
export function planAppointment(
  signal: Signal,
  appointment: NewAppointment,
  by: string,
  now: Date,
  /** Chosen by the caller (the use case), so the domain stays free of I/O and randomness. */
  appointmentId: string,
): Signal {
  requireOpen(signal);
  if (standingAppointment(signal)) {
    throw new DomainError(
      'conflict',
      'appointment-already-planned',
      'Er staat al een afspraak gepland: annuleer die eerst om te verzetten.',
    );
  }
  if (appointment.startsAt.getTime() < Date.parse(signal.receivedAt)) {
    throw new DomainError(
      'invalid',
      'appointment-before-receipt',
      'De afspraak ligt vóór de ontvangst van het signaal.',
      'startsAt',
    );
  }
  const planned: Appointment = {
    appointmentId,
    startsAt: formatAmsterdam(appointment.startsAt),
    place: appointment.place,
    opVerzoekInwoner: appointment.opVerzoekInwoner,
    note: appointment.note,
    status: 'gepland',
    plannedAt: formatAmsterdam(now),
    plannedBy: by,
  };
  return withAppointments(signal, [...(signal.appointments ?? []), planned]);
}

/**
 * A1/A2: records how a planned appointment ended. Held or missed only once its time has come. A held
 * appointment is a reached contact of kind `afspraak-op-locatie` at its start (D3: the first contact
 * when none came before; the contact-attempt rules apply, recorded within 7 days).
 */
export function recordAppointmentOutcome(
  signal: Signal,
  appointmentId: string,
  outcome: AppointmentOutcome,
  by: string,
  now: Date,
): Signal {
  requireOpen(signal);
  const appointment = (signal.appointments ?? []).find((each) => each.appointmentId === appointmentId);
  if (!appointment) {
    throw new DomainError('not-found', 'appointment-not-found', 'Deze afspraak bestaat niet.');
  }
  if (appointment.status !== 'gepland') {
    throw new DomainError(
      'conflict',
      'appointment-not-planned',
      'Deze afspraak is al afgerond of geannuleerd.',
    );
  }
  const startsAt = new Date(appointment.startsAt);
  if (outcome !== 'geannuleerd' && startsAt.getTime() > now.getTime()) {
    throw new DomainError(
      'invalid',
      'appointment-in-future',
      'De afspraak moet nog plaatsvinden: alleen annuleren kan nu.',
      'status',
    );
  }
  const ended: Appointment = {
    ...appointment,
    status: outcome,
    statusAt: formatAmsterdam(now),
    statusBy: by,
  };
  const withOutcome = withAppointments(
    signal,
    (signal.appointments ?? []).map((each) => (each.appointmentId === appointmentId ? ended : each)),
  );
  if (outcome !== 'gehouden') return withOutcome;
  const contacted = recordContactAttempt(
    withOutcome,
    { kind: 'afspraak-op-locatie', reached: true, at: startsAt, note: undefined },
    by,
    now,
  );
  return { ...contacted, version: signal.version + 1 };
}

/** The appointments changed, their summary (first-conversation.ts) with them, one version on. */
function withAppointments(signal: Signal, appointments: readonly Appointment[]): Signal {
  return {
    ...signal,
    appointments,
    firstConversation: summariseFirstConversation({ appointments, deadlineAt: signal.deadlineAt }),
    version: signal.version + 1,
  };
}

/**
 * A2: the ladder (D4) pauses while an appointment the resident asked for stands after the deadline;
 * one the team chose late does not pause it. Cancelled or missed, the ladder resumes where it was.
 */
export function ladderPausedByAppointment(signal: Signal): boolean {
  const standing = standingAppointment(signal);
  if (!standing?.opVerzoekInwoner) return false;
  return isPastDeadline(signal.deadlineAt, new Date(standing.startsAt));
}

export { standingAppointment };
