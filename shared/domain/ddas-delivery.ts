import { amsterdamDateOf, type CalendarDate, isCalendarDate } from './amsterdam-time.ts';
import { currentContactKind } from './contact-attempts.ts';
import { dagdeelOf } from './dagdeel.ts';
import { ddasContactsoort, ddasDagdeel, ddasEindresultaat } from './ddas-vocabulary.ts';
import type { Address, Person, Signal, SignalKind } from './signal.ts';

// DESIGN X1–X2: what the municipality delivers to CBS through DDAS-VS — its vroegsignalen and
// vroegsignaalzaken over a period, in the terms of the Uitwisselmodel v1.2 — built from what we store.
// Pure: no storage, no clock, no AWS; the caller reads the period's records and passes them in. The
// answer's shape is checked against shared/api/ddas-schemas.ts in test/unit/ddas-delivery.test.ts
// (the domain does not import the API layer).

/** CBS's code of the municipality of Utrecht (X1): the default `gemeentecode`. */
export const UTRECHT_GEMEENTECODE = '0344';

/** DDAS-VS non-functionals: at most 25,000 records per page, and 25,000 when none is asked (API.md). */
export const DDAS_MAX_PAGE_SIZE = 25_000;

/** Who delivers, from configuration (X1): never from a request. */
export interface DdasSupplierConfig {
  /** CBS municipality code, four digits (`0344`). */
  readonly gemeentecode: string;
  /** The code DDAS gave the supplier of the data (software supplier or host). */
  readonly codeGegevensleverancier: string;
  readonly aanleverendeOrganisatie: {
    readonly naam: string;
    readonly kvkNummer?: string | undefined;
    readonly contactpersonen?:
      | readonly {
          readonly naam?: string | undefined;
          readonly telefoonnummer?: string | undefined;
          readonly email?: string | undefined;
          readonly functietitel?: string | undefined;
        }[]
      | undefined;
  };
}

/** `client`, minimised (X2): the BSN alone, or the address and birth date — never a name. */
export type DdasClientOut =
  | { readonly burgerservicenummer: string }
  | {
      readonly postcode: string;
      readonly huisnummer: string;
      readonly huisnummertoevoeging?: string;
      readonly geboortedatum?: string;
    };

/**
 * A not-routed record (shared/application/ports.ts `NotRoutedSignal`) as the delivery reads it: the
 * stored record is passed in as it is. X2 wants every debt signal received in the period, not-routed
 * ones included, and v1.2 requires a `client` on each; so the router stores the minimised client
 * (ddasClientOf) on a not-routed debt record — of the person that and nothing else (X2/P1) — and it
 * goes with the record at its expiry. A record without one (stored before issue 14, or neither a
 * BSN nor an address known) is left out and reported in `leftOut`. A not-routed record keeps no
 * `arrearsSince`, so its vroegsignaal has no `ontstaansdatum` (optional in v1.2).
 */
export interface DdasNotRoutedRecord {
  readonly signalId: string;
  readonly source: string;
  readonly kind: SignalKind;
  readonly receivedAt: string;
  readonly status: 'not-routed';
  readonly outcome: string;
  readonly amount?: number | undefined;
  readonly client?: DdasClientOut | undefined;
}

export type DdasRecord = Signal | DdasNotRoutedRecord;

/** As ports.ts `isNotRouted`: a stored record with status `not-routed` is a not-routed record. */
const isNotRoutedRecord = (record: DdasRecord): record is DdasNotRoutedRecord =>
  record.status === 'not-routed';

export interface DdasVroegsignaal {
  readonly ID: string;
  readonly crisissignaal?: boolean;
  readonly warmeOverdracht?: boolean;
  readonly bedrag?: number;
  readonly ontstaansdatum?: string;
  readonly signaaldatum: string;
  readonly status: string;
  readonly signaalpartner: { readonly type: string };
  readonly client: DdasClientOut;
}

export interface DdasContactpoging {
  readonly soort: string;
  readonly bereikt: boolean;
  readonly datum: string;
  readonly dagdeel: string;
}

export interface DdasVroegsignaalzaak {
  readonly resultaat?: string;
  readonly matchingsdatum: string;
  readonly datumOpgepakt?: string;
  readonly vroegsignalen: readonly { readonly ID: string }[];
  readonly contactpogingen: readonly DdasContactpoging[];
}

export interface DdasGegevens {
  readonly startdatumLevering: string;
  readonly einddatumLevering: string;
  readonly aanleverdatumEnTijd: string;
  readonly codeGegevensleverancier: string;
  readonly leveringen: readonly [
    {
      readonly teller: number;
      readonly gemeentecode: string;
      readonly aanleverendeOrganisatie: {
        readonly naam: string;
        readonly 'kvk-nummer'?: string;
        readonly contactpersonen?: readonly Record<string, string>[];
      };
      readonly vroegsignalen: readonly DdasVroegsignaal[];
      readonly vroegsignaalzaken: readonly DdasVroegsignaalzaak[];
    },
  ];
}

/** A record of the period that cannot be delivered, by id and reason only (no personal data, P2). */
export interface DdasLeftOut {
  readonly signalId: string;
  readonly reason: 'geen-client';
}

export interface DdasDelivery {
  readonly gegevens: DdasGegevens;
  readonly leftOut: readonly DdasLeftOut[];
}

export interface DdasDeliveryInput {
  /** The reporting period, Amsterdam calendar dates, both inclusive. */
  readonly period: { readonly start: CalendarDate; readonly end: CalendarDate };
  /** The stored records; those received outside the period, and care reports, are ignored. */
  readonly records: readonly DdasRecord[];
  readonly config: DdasSupplierConfig;
  /** `aanleverdatumEnTijd`. */
  readonly now: Date;
}

// ---------------------------------------------------------------------------------------------

/** X1: only debt signals are vroegsignalen; a care report never is, in no part of the delivery. */
const SIGNAALPARTNER: Readonly<Record<SignalKind, string | undefined>> = {
  huurachterstand: 'Huur',
  energieschuld: 'Energie',
  eindelevering: 'Energie',
  zorgmelding: undefined,
};

const isDebt = (record: DdasRecord) => SIGNAALPARTNER[record.kind] !== undefined;

/**
 * X2: `EnumSignaalstatus` holds two statuses of its own — not yet picked up, picked up — and six
 * values it shares with `EnumEindresultaat`. The outcome codes whose DDAS value is one of those six
 * are a signal's status when they close or stop it (ddasEindresultaat spells the value).
 */
const NOG_NIET_OPGEPAKT = 'Nog niet opgepakt';
const OPGEPAKT = 'Opgepakt';
const STATUS_OUTCOMES: ReadonlySet<string> = new Set([
  'niet-opgepakt-onterecht',
  'niet-opgepakt-herhaalde-melding',
  'niet-opgepakt-andere-reden',
  'inwoner-overleden',
  'geen-inwoner',
  'al-bekend',
]);
const NIET_OPGEPAKT_ANDERE_REDEN = 'niet-opgepakt-andere-reden';

/**
 * X2: `bedrag` in whole euros ("een geldbedrag in hele euros nauwkeurig", v1.2). The contract does
 * not say how to round; we round half up, as money is rounded in Dutch practice: € 412,50 → 413,
 * € 412,49 → 412. The amount delivered is the current one (I5: a later, higher amount replaced it).
 * Amounts are positive (I3); one under € 0,50 — only possible for a not-routed record under the
 * threshold (I4) — becomes 0.
 */
export function ddasBedrag(amount: number): number {
  return Math.round(amount);
}

/**
 * X2: the minimised `client`. The BSN alone when known (v1.2's first `oneOf` branch admits nothing
 * beside it); otherwise postcode, house number, suffix and birth date. Never a name, a street, a
 * phone number or an e-mail address, and never the sex (we do not have it; v1.2 makes it optional).
 * The suffix only when there is one (v1.0's examples send "", which says nothing). Undefined when
 * neither a BSN nor a postcode and house number is known: v1.2 requires one or the other.
 */
export function ddasClientOf(
  person: Pick<Person, 'bsn' | 'birthDate'>,
  address: Pick<Address, 'postcode' | 'houseNumber' | 'houseNumberSuffix'> | undefined,
): DdasClientOut | undefined {
  if (person.bsn) return { burgerservicenummer: person.bsn };
  if (!address?.postcode || !Number.isInteger(address.houseNumber) || address.houseNumber <= 0)
    return undefined;
  const suffix = address.houseNumberSuffix?.trim();
  return {
    postcode: address.postcode,
    huisnummer: String(address.houseNumber),
    ...(suffix ? { huisnummertoevoeging: suffix } : {}),
    ...(person.birthDate ? { geboortedatum: person.birthDate } : {}),
  };
}

const dateOf = (instant: string) => amsterdamDateOf(new Date(instant));
const byReceipt = (a: DdasRecord, b: DdasRecord) =>
  Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || (a.signalId < b.signalId ? -1 : 1);

/**
 * M3 → X2: the zaak of a signal is its household case. `caseId` names the open signal it joined,
 * which may itself have joined an earlier one, so the chain is followed to its first signal. A case
 * whose first signal is not among the records (received before the period, deleted, a care report)
 * is still one zaak, under that id.
 */
function caseRootOf(signal: Signal, byId: ReadonlyMap<string, DdasRecord>): string {
  let current: Signal = signal;
  const seen = new Set<string>([signal.signalId]);
  while (current.caseId !== undefined) {
    const next = byId.get(current.caseId);
    if (!next || isNotRoutedRecord(next) || seen.has(next.signalId)) return current.caseId;
    seen.add(next.signalId);
    current = next;
  }
  return current.signalId;
}

/**
 * X2/C4: a zaak is picked up at its first contact attempt (as a partner's feedback turns `opgepakt`),
 * or, without any, when one of its signals was closed with a result that says it was dealt with
 * (e.g. `verwijzing-zonder-contact`) — not with a status outcome such as `al-bekend`.
 */
function pickedUpAt(signals: readonly Signal[]): number | undefined {
  const instants = signals.flatMap((signal) => [
    ...signal.contactAttempts.map((attempt) => Date.parse(attempt.at)),
    ...(signal.status === 'closed' && signal.closedAt && !STATUS_OUTCOMES.has(signal.outcome ?? '')
      ? [Date.parse(signal.closedAt)]
      : []),
  ]);
  return instants.length > 0 ? Math.min(...instants) : undefined;
}

/**
 * X2: a signal's `status`. An outcome that is a signal status (above) is the status; otherwise the
 * signal is `Opgepakt` once its zaak is — the zaak is the unit of work (M3: one household, one plan),
 * so a partner's second signal joining a case already in hand is picked up with it — and
 * `Nog niet opgepakt` before. A not-routed record's outcome is always a status outcome (I4, C3, B2);
 * an unexpected one is `Niet opgepakt: andere reden`, never a guess at a result.
 */
function signaalstatus(record: DdasRecord, zaakPickedUp: boolean): string {
  if (record.outcome && STATUS_OUTCOMES.has(record.outcome))
    return ddasEindresultaat(record.outcome) as string;
  if (isNotRoutedRecord(record)) return ddasEindresultaat(NIET_OPGEPAKT_ANDERE_REDEN) as string;
  return zaakPickedUp ? OPGEPAKT : NOG_NIET_OPGEPAKT;
}

function vroegsignaal(record: DdasRecord, client: DdasClientOut, zaakPickedUp: boolean): DdasVroegsignaal {
  const routed = isNotRoutedRecord(record) ? undefined : record;
  return {
    ID: record.signalId,
    // X2: crisissignaal for a threatening situation (D2: eviction date, end of supply). A not-routed
    // record does not keep it; an end-of-supply signal is one by its kind.
    ...(routed
      ? { crisissignaal: routed.threatening }
      : record.kind === 'eindelevering'
        ? { crisissignaal: true }
        : {}),
    ...(routed ? { warmeOverdracht: routed.flags.includes('warme-overdracht') } : {}),
    ...(record.amount !== undefined ? { bedrag: ddasBedrag(record.amount) } : {}),
    ...(routed?.arrearsSince ? { ontstaansdatum: routed.arrearsSince } : {}),
    // X2: `signaaldatum` is when the partner sent it; we know when it arrived — the same day, as
    // partners upload (I1) — in Amsterdam.
    signaaldatum: dateOf(record.receivedAt),
    status: signaalstatus(record, zaakPickedUp),
    signaalpartner: { type: SIGNAALPARTNER[record.kind] as string },
    client,
  };
}

/**
 * X2/D3: a zaak's contact attempts, over all its signals, oldest first. One attempt recorded on two
 * signals of the case (same kind, same outcome, same instant) is one contactpoging.
 */
function contactpogingen(signals: readonly Signal[]): DdasContactpoging[] {
  const attempts = new Map<string, { at: number; poging: DdasContactpoging }>();
  for (const signal of signals) {
    for (const attempt of signal.contactAttempts) {
      const at = Date.parse(attempt.at);
      const soort = ddasContactsoort(currentContactKind(attempt.kind));
      const key = `${at}|${soort}|${attempt.reached}`;
      if (attempts.has(key)) continue;
      const instant = new Date(at);
      attempts.set(key, {
        at,
        poging: {
          soort,
          bereikt: attempt.reached,
          datum: amsterdamDateOf(instant),
          dagdeel: ddasDagdeel(dagdeelOf(instant)),
        },
      });
    }
  }
  return [...attempts.values()]
    .sort((a, b) => a.at - b.at || (a.poging.soort < b.poging.soort ? -1 : 1))
    .map(({ poging }) => poging);
}

/**
 * X2: the zaak's `resultaat` once every one of its signals is closed: the outcome of the one closed
 * last (the case's final word). Open → no result yet. An outcome of our own (C2) has no DDAS value
 * and is left out rather than mapped onto one.
 */
function resultaat(signals: readonly Signal[]): string | undefined {
  if (signals.some((signal) => signal.status !== 'closed' || !signal.outcome)) return undefined;
  const last = [...signals].sort(
    (a, b) => Date.parse(a.closedAt ?? '') - Date.parse(b.closedAt ?? '') || byReceipt(a, b),
  )[signals.length - 1] as Signal;
  return ddasEindresultaat(last.outcome as string) ?? undefined;
}

/** `aanleverdatumEnTijd`: `YYYY-MM-DDTHH:MM:SSZ`, as v1.2's `datum-tijd` describes it. */
const deliveryInstant = (now: Date) => `${now.toISOString().slice(0, 19)}Z`;

/**
 * DESIGN X2: the Uitwisselmodel v1.2 for one municipality over a period.
 * - vroegsignalen: every debt signal received in the period (Amsterdam dates), routed or not, with
 *   its status; care reports never (X1).
 * - vroegsignaalzaken: one per household case (M3) of the routed debt signals in the period, with
 *   those signals, the matching date (M1–M3 match a signal on arrival: the date the first of those
 *   signals arrived), the date it was picked up, its result once closed and every contact attempt.
 *   A not-routed record was never taken into a case, so it is in no zaak. v1.2's matching period
 *   (`startdatumMatchingperiode`, `einddatumMatchingperiode`) is left out: we match each signal on
 *   arrival, there is no period.
 * - A zaak names only signals of this delivery, so every reference resolves within it; a case that
 *   spans periods appears in each with that period's signals (v1.2 gives a zaak no id to join on).
 * Both lists are in a stable order (receipt, then id), so the same data gives the same bytes.
 */
export function buildDdasDelivery(input: DdasDeliveryInput): DdasDelivery {
  const { period, config } = input;
  if (!isCalendarDate(period.start) || !isCalendarDate(period.end) || period.start > period.end)
    throw new RangeError('buildDdasDelivery: the period must be two dates, start not after end');

  const inPeriod = input.records
    .filter(isDebt)
    .filter((record) => {
      const date = dateOf(record.receivedAt);
      return date >= period.start && date <= period.end;
    })
    .sort(byReceipt);

  const leftOut: DdasLeftOut[] = [];
  const clients = new Map<string, DdasClientOut>();
  for (const record of inPeriod) {
    const client = isNotRoutedRecord(record) ? record.client : ddasClientOf(record.person, record.address);
    if (client) clients.set(record.signalId, client);
    else leftOut.push({ signalId: record.signalId, reason: 'geen-client' });
  }
  const delivered = inPeriod.filter((record) => clients.has(record.signalId));

  const byId = new Map(input.records.map((record) => [record.signalId, record]));
  const cases = new Map<string, Signal[]>();
  for (const record of delivered) {
    if (isNotRoutedRecord(record)) continue;
    const root = caseRootOf(record, byId);
    cases.set(root, [...(cases.get(root) ?? []), record]);
  }

  const pickedUp = new Map<string, number | undefined>();
  const zaken: DdasVroegsignaalzaak[] = [];
  for (const signals of cases.values()) {
    const at = pickedUpAt(signals);
    for (const signal of signals) pickedUp.set(signal.signalId, at);
    const result = resultaat(signals);
    zaken.push({
      ...(result ? { resultaat: result } : {}),
      matchingsdatum: dateOf((signals[0] as Signal).receivedAt),
      ...(at !== undefined ? { datumOpgepakt: amsterdamDateOf(new Date(at)) } : {}),
      vroegsignalen: signals.map((signal) => ({ ID: signal.signalId })),
      contactpogingen: contactpogingen(signals),
    });
  }

  const { naam, kvkNummer, contactpersonen } = config.aanleverendeOrganisatie;
  return {
    gegevens: {
      startdatumLevering: period.start,
      einddatumLevering: period.end,
      aanleverdatumEnTijd: deliveryInstant(input.now),
      codeGegevensleverancier: config.codeGegevensleverancier,
      leveringen: [
        {
          teller: 1,
          gemeentecode: config.gemeentecode,
          aanleverendeOrganisatie: {
            naam,
            ...(kvkNummer ? { 'kvk-nummer': kvkNummer } : {}),
            ...(contactpersonen?.length
              ? {
                  contactpersonen: contactpersonen.map(
                    (person) =>
                      Object.fromEntries(
                        Object.entries(person).filter(([, value]) => value !== undefined),
                      ) as Record<string, string>,
                  ),
                }
              : {}),
          },
          vroegsignalen: delivered.map((record) =>
            vroegsignaal(
              record,
              clients.get(record.signalId) as DdasClientOut,
              pickedUp.get(record.signalId) !== undefined,
            ),
          ),
          vroegsignaalzaken: zaken,
        },
      ],
    },
    leftOut,
  };
}
