import { amsterdamDateOf } from './amsterdam-time.ts';
import type { Appointment } from './appointments.ts';
import { dagdeelOf } from './dagdeel.ts';
import { escalationResolution } from './escalation-resolution.ts';
import type { FirstConversation } from './first-conversation.ts';
import type { HouseholdComposition } from './household-composition.ts';
import { municipalCalendar } from './municipal-calendar.ts';
import { principalLabel } from './principal-labels.ts';
import type { RoutingRuleId, SignalFlag } from './routing.ts';
import { isPastDeadline, type WorkingDayCalendar } from './working-days.ts';
import { workingDaysLeft } from './working-days-left.ts';

export type SignalKind = 'huurachterstand' | 'energieschuld' | 'eindelevering' | 'zorgmelding';
/**
 * `forwarded`: handed to Veilig Thuis (C2). `not-routed`: accepted, never routed — a debt signal
 * (I4, C3) leaves a record holding of the person only the minimised DDAS client (X2), a care report
 * (C2) only its receipt.
 */
export type SignalStatus = 'open' | 'closed' | 'not-routed' | 'forwarded';

/**
 * Contact kinds, one for each value of DDAS v1.2 `EnumContactsoort` (DESIGN D3). Labels and the
 * DDAS values are in config/outcome-codes.json `contactKinds` (kept in step by a unit test).
 */
export const CONTACT_KINDS = [
  'telefoon',
  'huisbezoek',
  'brief',
  'mail',
  'sms-whatsapp',
  'kaartje',
  'afspraak-op-locatie',
  'administratief',
  'overige',
  'onbekend',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface Person {
  readonly initials?: string | undefined;
  readonly prefix?: string | undefined;
  readonly surname: string;
  readonly birthDate?: string | undefined;
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
  readonly bsn?: string | undefined;
}

export interface Address {
  readonly postcode: string;
  readonly houseNumber: number;
  readonly houseNumberSuffix?: string | undefined;
  readonly street?: string | undefined;
  readonly city?: string | undefined;
}

export interface ContactAttempt {
  readonly kind: ContactKind;
  readonly reached: boolean;
  /** When it happened (DESIGN D3). */
  readonly at: string;
  /** When it was recorded: `at` lies at most 7 days before it (DESIGN D3). */
  readonly recordedAt: string;
  readonly note?: string | undefined;
  /** Principal id of the worker who recorded it. */
  readonly recordedBy: string;
}

export interface RoutingStep {
  readonly at: string;
  readonly teamId: string;
  readonly rule: RoutingRuleId | 'reroute';
  readonly explanation: string;
  readonly by?: string | undefined;
}

export type EscalationRecipientRole = 'coordinator' | 'manager' | 'municipality' | 'veilig-thuis';

/** Who closed a signal (issue 15): the principal as the audit trail keeps it (P3), no name. */
export interface ClosedBy {
  readonly principalId: string;
  readonly role: string;
  readonly scope: string;
}

export interface Escalation {
  readonly level: 1 | 2 | 3;
  readonly at: string;
  readonly recipient: { readonly role: EscalationRecipientRole; readonly scope: string };
}

/** The stored signal: one early-warning signal about one household, owned by one team. */
export interface Signal {
  readonly signalId: string;
  /** The partner that sent it (principal scope: `politie-utrecht`, `bo-ex`, …). */
  readonly source: string;
  readonly kind: SignalKind;
  /** The partner's own id of the item (police report id, tenant reference, …). */
  readonly sourceReference: string;
  readonly receivedAt: string;
  readonly dueDate: string;
  readonly deadlineAt: string;
  /** Threatening situation (D2): 3 working days instead of 5. */
  readonly threatening: boolean;
  readonly teamId: string;
  readonly status: SignalStatus;
  readonly outcome?: string | undefined;
  readonly consent?: 'given' | 'not-asked' | undefined;
  readonly categories: readonly string[];
  readonly dominantProblem?: string | undefined;
  readonly routing: { readonly rule: RoutingRuleId | 'reroute'; readonly explanation: string };
  readonly routingHistory: readonly RoutingStep[];
  readonly flags: readonly SignalFlag[];
  readonly person: Person;
  readonly address: Address;
  /** Only when the legal basis allows it (DESIGN C2). */
  readonly summary?: string | undefined;
  readonly amount?: number | undefined;
  readonly arrearsSince?: string | undefined;
  /** Amounts reported later for the same arrears (DESIGN I5 `geactualiseerd`). */
  readonly amountHistory?: readonly { readonly at: string; readonly amount: number }[] | undefined;
  readonly supplier?: string | undefined;
  readonly monthlyRent?: number | undefined;
  readonly evictionDate?: string | undefined;
  readonly endOfSupplyDate?: string | undefined;
  readonly minorsInHousehold?: number | undefined;
  /**
   * B1: the household's members under 18 on the receipt date and where the count came from — the
   * partner, the BRP, or nobody (`onbekend`). Absent on signals routed before issue 16.
   */
  readonly household?: HouseholdComposition | undefined;
  /** B3: the BRP did not answer when it was routed; a later retry fills in the composition once. */
  readonly compositionPending?: boolean | undefined;
  /** Keyed hash of the normalised address (M1); never the address itself in an index. */
  readonly householdKey?: string | undefined;
  /** M3: the first open signal of the household this one joined (one household, one plan). */
  readonly caseId?: string | undefined;
  readonly contactAttempts: readonly ContactAttempt[];
  /** A1: the first conversation, planned and how it ended; absent on signals without any. */
  readonly appointments?: readonly Appointment[] | undefined;
  /** A1–A3: their summary, kept with them (first-conversation.ts); the inbox index carries it. */
  readonly firstConversation?: FirstConversation | undefined;
  readonly firstContactAt?: string | undefined;
  readonly firstContactInTime?: boolean | undefined;
  readonly escalationLevel: 0 | 1 | 2 | 3;
  readonly escalations: readonly Escalation[];
  readonly closedAt?: string | undefined;
  /** Absent on signals closed before issue 15. */
  readonly closedBy?: ClosedBy | undefined;
  /**
   * The status it was closed from: `open` (a Buurtteam's signal) or `forwarded` (a Veilig Thuis
   * forward taken into handling, C2). Absent on signals closed before issue 15, which were all open.
   */
  readonly closedFrom?: 'open' | 'forwarded' | undefined;
  /** Optimistic-locking counter for read-modify-write updates. */
  readonly version: number;
}

/**
 * API.md `household { minorsUnder18, source }` (B1). A signal routed before issue 16 kept only the
 * partner's count, if any.
 */
export function householdOf(signal: Signal): HouseholdComposition {
  if (signal.household) return signal.household;
  return signal.minorsInHousehold === undefined
    ? { source: 'onbekend' }
    : { minorsUnder18: signal.minorsInHousehold, source: 'partner' };
}

export function displayName(person: Person): string {
  return [person.initials, person.prefix, person.surname].filter(Boolean).join(' ');
}

/** Overdue: no first contact yet and the end of the due date has passed (DESIGN D2, D3). */
export function isOverdue(signal: Signal, now: Date): boolean {
  return signal.status === 'open' && !signal.firstContactAt && isPastDeadline(signal.deadlineAt, now);
}

/**
 * A1: the appointment that stands — planned, not yet held, missed or cancelled (one at a time).
 * Here rather than in appointments.ts, which imports the contact-attempt rules: signal.ts imports
 * only its type, so no module cycle runs through contact-attempts.ts.
 */
export function standingAppointment(signal: Pick<Signal, 'appointments'>): Appointment | undefined {
  return (signal.appointments ?? []).find((appointment) => appointment.status === 'gepland');
}

/**
 * The inbox row (API.md `GET /teams/{teamId}/signals`): what a worker needs to pick the next signal.
 * An open signal awaiting its first contact also carries its working days left (D1–D2) on the
 * service's clock, so the web app counts as the promise does without a holiday calendar of its own.
 */
export function toListItem(signal: Signal, now: Date, calendar: WorkingDayCalendar = municipalCalendar) {
  const awaitingContact = signal.status === 'open' && !signal.firstContactAt;
  return {
    signalId: signal.signalId,
    source: signal.source,
    kind: signal.kind,
    receivedAt: signal.receivedAt,
    dueDate: signal.dueDate,
    deadlineAt: signal.deadlineAt,
    overdue: isOverdue(signal, now),
    escalationLevel: signal.escalationLevel,
    dominantProblem: signal.dominantProblem,
    routing: signal.routing,
    flags: [...signal.flags],
    person: {
      displayName: displayName(signal.person),
      birthYear: signal.person.birthDate ? Number(signal.person.birthDate.slice(0, 4)) : undefined,
    },
    address: {
      postcode: signal.address.postcode,
      houseNumber: signal.address.houseNumber,
      houseNumberSuffix: signal.address.houseNumberSuffix,
    },
    firstContactAt: signal.firstContactAt,
    // A closed signal has no next appointment, even if the one planned was never marked (A1).
    nextAppointmentAt: signal.status === 'open' ? signal.firstConversation?.next?.startsAt : undefined,
    status: signal.status,
    workingDaysLeft: awaitingContact
      ? workingDaysLeft(calendar, amsterdamDateOf(now), signal.dueDate)
      : undefined,
  };
}

/** The full signal page (API.md `GET /signals/{signalId}`). */
export function toDetail(signal: Signal, now: Date) {
  return {
    ...toListItem(signal, now),
    teamId: signal.teamId,
    outcome: signal.outcome,
    closedAt: signal.closedAt,
    // Issue 15: who closed it, in words as well — never the principal id as a name.
    closedBy: signal.closedBy && {
      ...signal.closedBy,
      displayName: principalLabel(signal.closedBy),
    },
    consent: signal.consent,
    categories: signal.categories,
    amount: signal.amount,
    arrearsSince: signal.arrearsSince,
    amountHistory: signal.amountHistory,
    supplier: signal.supplier,
    monthlyRent: signal.monthlyRent,
    evictionDate: signal.evictionDate,
    endOfSupplyDate: signal.endOfSupplyDate,
    minorsInHousehold: signal.minorsInHousehold,
    household: householdOf(signal),
    caseId: signal.caseId,
    person: { displayName: displayName(signal.person), ...signal.person },
    address: signal.address,
    summary: signal.summary,
    // D3: DDAS's dagdeel derives from `at`; computed here, so attempts stored before it have it too.
    contactAttempts: signal.contactAttempts.map((attempt) => ({
      ...attempt,
      dagdeel: dagdeelOf(new Date(attempt.at)),
    })),
    appointments: signal.appointments ?? [],
    firstContactInTime: signal.firstContactInTime,
    routingHistory: signal.routingHistory,
    escalations: escalationsOf(signal),
  };
}

/** D4 with issue 15: each escalation says whether it is resolved (derived, escalation-resolution.ts). */
function escalationsOf(signal: Signal) {
  const resolution = escalationResolution(signal);
  return signal.escalations.map((escalation) => ({
    ...escalation,
    resolved: resolution !== undefined,
    ...resolution,
  }));
}

export type SignalListItem = ReturnType<typeof toListItem>;
export type SignalDetail = ReturnType<typeof toDetail>;
