import type { Appointment } from './appointments.ts';
import { displayName, type Signal, standingAppointment } from './signal.ts';
import { isPastDeadline } from './working-days.ts';

/**
 * DESIGN A1–A3: what the inbox and the KPI need to know of a signal's first conversation, kept on the
 * signal beside its appointments (as `firstContactAt` is kept beside the contact attempts), so the
 * inbox index carries it without the appointments themselves (their notes stay on the item).
 */
export interface FirstConversation {
  /**
   * The standing (planned) appointment: the inbox's "next appointment" and the team's calendar
   * ("Afspraken deze week"). Without its note, which stays on the item.
   */
  readonly next?: NextAppointment | undefined;
  /** The first held appointment's start. */
  readonly heldAt?: string | undefined;
  /**
   * A2/A3: a planned or held appointment at the resident's own request after the deadline. Cancelled
   * or missed, it no longer counts (the resident was not seen later at their wish).
   */
  readonly laterAtOwnRequest?: true | undefined;
}

export type NextAppointment = Pick<Appointment, 'appointmentId' | 'startsAt' | 'place' | 'opVerzoekInwoner'>;

/** The summary of a signal's appointments against its deadline; undefined when it has none. */
export function summariseFirstConversation(
  signal: Pick<Signal, 'appointments' | 'deadlineAt'>,
): FirstConversation | undefined {
  const { appointments = [], deadlineAt } = signal;
  if (appointments.length === 0) return undefined;
  const standing = standingAppointment(signal);
  const held = appointments
    .filter((each) => each.status === 'gehouden')
    .map((each) => each.startsAt)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const laterAtOwnRequest = appointments.some(
    (each) =>
      (each.status === 'gepland' || each.status === 'gehouden') &&
      each.opVerzoekInwoner &&
      isPastDeadline(deadlineAt, new Date(each.startsAt)),
  );
  return {
    ...(standing
      ? {
          next: {
            appointmentId: standing.appointmentId,
            startsAt: standing.startsAt,
            place: standing.place,
            opVerzoekInwoner: standing.opVerzoekInwoner,
          },
        }
      : {}),
    ...(held ? { heldAt: held } : {}),
    ...(laterAtOwnRequest ? { laterAtOwnRequest: true as const } : {}),
  };
}

/**
 * A3: the five ways a due signal's first conversation can stand, each signal in exactly one, so they
 * add up to the signals due. In this order, the first that applies:
 * - `heldInTime`: the first conversation was held by the deadline (a held appointment is a reached
 *   contact, A2, so these were contacted in time too);
 * - `laterAtOwnRequest`: planned or held after the deadline at the resident's own request — not late;
 * - `contactInTime`: the first contact came in time (no conversation held in time, none asked later);
 * - `noneYet`: no first contact and the deadline has not passed: nothing is late yet;
 * - `lateOtherwise`: everything else: a late first contact, or none by the deadline (open or closed).
 */
export const A3_CATEGORIES = [
  'heldInTime',
  'laterAtOwnRequest',
  'contactInTime',
  'noneYet',
  'lateOtherwise',
] as const;
export type A3Category = (typeof A3_CATEGORIES)[number];

export interface A3Facts {
  readonly deadlineAt: string;
  readonly firstContactAt?: string | undefined;
  readonly firstConversation?: FirstConversation | undefined;
}

export function a3Category(signal: A3Facts, now: Date): A3Category {
  const conversation = signal.firstConversation;
  if (conversation?.heldAt && !isPastDeadline(signal.deadlineAt, new Date(conversation.heldAt))) {
    return 'heldInTime';
  }
  if (conversation?.laterAtOwnRequest) return 'laterAtOwnRequest';
  // D3: in time when made by the end of the due date, as contact-attempts.ts records it.
  if (signal.firstContactAt) {
    return isPastDeadline(signal.deadlineAt, new Date(signal.firstContactAt))
      ? 'lateOtherwise'
      : 'contactInTime';
  }
  return isPastDeadline(signal.deadlineAt, now) ? 'lateOtherwise' : 'noneYet';
}

/**
 * A row of the team's calendar ("Afspraken deze week", API.md `GET /teams/{teamId}/appointments`): the
 * standing appointment and who it is with, as the inbox shows people (name, postcode and number).
 */
export function toCalendarItem(signal: Signal) {
  const next = signal.firstConversation?.next;
  if (!next) throw new RangeError(`Signal ${signal.signalId} has no planned appointment`);
  return {
    signalId: signal.signalId,
    ...next,
    kind: signal.kind,
    dominantProblem: signal.dominantProblem,
    person: { displayName: displayName(signal.person) },
    address: {
      postcode: signal.address.postcode,
      houseNumber: signal.address.houseNumber,
      houseNumberSuffix: signal.address.houseNumberSuffix,
    },
  };
}
