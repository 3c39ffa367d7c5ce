/**
 * The signal detail as the signal page reads it (API.md `GET /signals/{signalId}`,
 * shared/api/signal-schemas.ts `SignalDetail`): only the fields the page shows.
 */
export interface Detail {
  signalId: string;
  teamId: string;
  status: string;
  outcome?: string;
  closedAt?: string;
  /** Absent on signals closed before issue 15. */
  closedBy?: { principalId: string; role: string; scope: string; displayName: string };
  kind: string;
  source: string;
  receivedAt: string;
  dueDate: string;
  deadlineAt: string;
  overdue: boolean;
  /** Only for an open signal awaiting its first contact (D1–D2). */
  workingDaysLeft?: number;
  flags: string[];
  categories: string[];
  dominantProblem?: string;
  amount?: number;
  arrearsSince?: string;
  monthlyRent?: number;
  evictionDate?: string;
  endOfSupplyDate?: string;
  supplier?: string;
  summary?: string;
  consent?: string;
  /** The partner's count; absent = unknown. */
  minorsInHousehold?: number;
  /** DESIGN B1: the count of minors and where it came from; absent from an older API. */
  household?: { minorsUnder18?: number; source: 'brp' | 'partner' | 'onbekend' };
  /** The partner's own id of the item (tenant reference, report id), when the API gives it. */
  sourceReference?: string;
  person: { displayName: string; birthDate?: string; phone?: string; email?: string; bsn?: string };
  address: {
    postcode: string;
    houseNumber: number;
    houseNumberSuffix?: string;
    street?: string;
    city?: string;
  };
  routing: { rule: string; explanation: string };
  routingHistory: { at: string; teamId: string; rule: string; explanation: string; by?: string }[];
  contactAttempts: ContactAttempt[];
  firstContactAt?: string;
  firstContactInTime?: boolean;
  escalations: Escalation[];
  /** The first conversation (DESIGN A1); absent from an API before issue 17. */
  appointments?: Appointment[];
  /** The start of the appointment that stands (status gepland). */
  nextAppointmentAt?: string;
}

/** An appointment for the first conversation (DESIGN A1–A2), as the signal detail lists it. */
export interface Appointment {
  appointmentId: string;
  startsAt: string;
  place: 'thuis' | 'buurtteam' | 'elders';
  /** A2: the resident asked for this moment; after the deadline it pauses the escalation. */
  opVerzoekInwoner: boolean;
  note?: string;
  status: 'gepland' | 'gehouden' | 'niet-verschenen' | 'geannuleerd';
  plannedAt: string;
  plannedBy: string;
  statusAt?: string;
  statusBy?: string;
}

export interface ContactAttempt {
  kind: string;
  reached: boolean;
  at: string;
  recordedAt?: string;
  dagdeel: string;
  note?: string;
}

export interface Escalation {
  level: number;
  at: string;
  recipient: { role: string; scope: string };
  resolved?: boolean;
  resolvedAt?: string;
  resolvedThrough?: 'first-contact' | 'closed';
}

/** Sends a body to one of the signal's actions; answers the updated signal or throws the ApiError. */
export type Act = (path: string, body: unknown, done: string) => Promise<void>;
