import { amsterdamDateOf, formatAmsterdam } from './amsterdam-time.ts';
import { isMinorOn } from './household.ts';
import { type BrpFindings, compositionOf } from './household-composition.ts';
import type { HouseholdFindings } from './household-history.ts';
import { OUTCOME } from './outcomes.ts';
import { routeSignal } from './routing.ts';
import type { Address, Person, Signal } from './signal.ts';
import { VEILIG_THUIS } from './teams.ts';
import { firstContactDeadline, type WorkingDayCalendar } from './working-days.ts';

/** A police care report (zorgmelding) as accepted at intake (API.md). */
export interface CareReport {
  readonly reportId: string;
  readonly reportedAt: string;
  readonly unit: string;
  readonly categories: readonly string[];
  readonly urgent: boolean;
  readonly safety: {
    readonly acuteUnsafety: boolean;
    readonly domesticViolence: boolean;
    readonly childUnsafety: boolean;
  };
  readonly consent: 'given' | 'refused' | 'not-asked';
  readonly person: Person;
  readonly address: Address;
  readonly household?:
    | {
        readonly adults?: number | undefined;
        readonly minors: readonly { readonly birthDate?: string | undefined }[];
      }
    | undefined;
  readonly summary?: string | undefined;
}

/** DESIGN C2, in order: safety before consent. */
export type ConsentDecision =
  | { readonly action: 'forward-to-veilig-thuis' }
  | { readonly action: 'not-routed'; readonly outcome: string }
  | { readonly action: 'route'; readonly outreachOnly: boolean };

export function decideOnSafetyAndConsent(report: CareReport): ConsentDecision {
  const { acuteUnsafety, domesticViolence, childUnsafety } = report.safety;
  if (acuteUnsafety || domesticViolence || childUnsafety) return { action: 'forward-to-veilig-thuis' };
  if (report.consent === 'refused') return { action: 'not-routed', outcome: OUTCOME.notRoutedNoConsent };
  return { action: 'route', outreachOnly: report.consent === 'not-asked' };
}

export type CareReportResult =
  | { readonly routed: true; readonly signal: Signal }
  | { readonly routed: false; readonly outcome: string };

export interface CareReportContext {
  readonly signalId: string;
  readonly source: string;
  readonly receivedAt: Date;
  readonly calendar: WorkingDayCalendar;
  /** DESIGN M1–M3: what the household's earlier signals say, when matching ran. */
  readonly household?: HouseholdFindings | undefined;
  readonly householdKey?: string | undefined;
  /** B1/B3: what the BRP said of the address, when the router asked it (never B2: see below). */
  readonly brp?: BrpFindings | undefined;
}

/**
 * Turns a care report into the signal to store, or into a not-routed outcome (DESIGN C2, R1–R6, D2).
 * For `not-asked` consent only what an outreach offer needs is kept: name, address and concern
 * categories — no birth date, no household details, no free-text summary.
 */
export function careReportToSignal(report: CareReport, context: CareReportContext): CareReportResult {
  const decision = decideOnSafetyAndConsent(report);
  if (decision.action === 'not-routed') return { routed: false, outcome: decision.outcome };

  const receivedDate = amsterdamDateOf(context.receivedAt);
  // DESIGN R3: a member counts as a minor only when under 18 on the receipt date — the police's
  // "minors" list included: a "minor" born in 2003 is an adult and does not count. A listed
  // child without a birth date still counts: the police saw a child living there.
  const listedMinor = (minor: { readonly birthDate?: string | undefined }) =>
    minor.birthDate === undefined || isMinorOn(minor.birthDate, receivedDate);
  const personIsMinor =
    report.person.birthDate !== undefined && isMinorOn(report.person.birthDate, receivedDate);
  // The police's own count when they gave the household, else the BRP's (B1). A care report is
  // never closed on BRP grounds (B2): a registration elsewhere is not even asked.
  const composition = compositionOf(
    report.household && (report.household.minors ?? []).filter(listedMinor).length,
    context.brp,
  );
  const routing = routeSignal({
    safetyConcern: decision.action === 'forward-to-veilig-thuis',
    openCaseTeamId: context.household?.openCase?.teamId,
    categories: report.categories,
    household: {
      hasMinor: personIsMinor || composition.certainlyAMinor,
      compositionKnown: composition.source !== 'onbekend',
      brpMinors: composition.source === 'brp' ? composition.minorsUnder18 : undefined,
    },
    postcode: report.address.postcode,
  });
  const deadline = firstContactDeadline(context.receivedAt, { threatening: report.urgent }, context.calendar);
  const receivedAt = formatAmsterdam(context.receivedAt);
  const forwarded = routing.teamId === VEILIG_THUIS;
  const outreachOnly = decision.action === 'route' && decision.outreachOnly;
  const { initials, prefix, surname } = report.person;

  return {
    routed: true,
    signal: {
      signalId: context.signalId,
      source: context.source,
      kind: 'zorgmelding',
      sourceReference: report.reportId,
      receivedAt,
      dueDate: deadline.dueDate,
      deadlineAt: deadline.deadlineAt,
      threatening: report.urgent,
      teamId: routing.teamId,
      status: forwarded ? 'forwarded' : 'open',
      outcome: forwarded ? OUTCOME.forwardedToVeiligThuis : undefined,
      consent: forwarded ? undefined : outreachOnly ? 'not-asked' : 'given',
      categories: report.categories,
      dominantProblem: routing.dominantProblem,
      routing: { rule: routing.rule, explanation: routing.explanation },
      routingHistory: [
        { at: receivedAt, teamId: routing.teamId, rule: routing.rule, explanation: routing.explanation },
      ],
      flags: [
        ...routing.flags,
        ...(context.household?.meervoudig ? (['meervoudig'] as const) : []),
        ...(context.household?.opeenvolgend ? (['opeenvolgend'] as const) : []),
        ...(report.urgent ? (['dreigend'] as const) : []),
        ...(context.brp?.nobodyRegistered ? (['niet-in-brp'] as const) : []),
      ],
      person: outreachOnly ? { initials, prefix, surname } : report.person,
      address: report.address,
      summary: outreachOnly ? undefined : report.summary,
      household: { minorsUnder18: composition.minorsUnder18, source: composition.source },
      ...(context.brp?.compositionPending ? { compositionPending: true } : {}),
      householdKey: context.householdKey,
      caseId: forwarded ? undefined : context.household?.openCase?.signalId,
      contactAttempts: [],
      // DESIGN C2/D4: a Veilig Thuis forward is escalated at level 3 at once — through the
      // escalations queue like every escalation, so it is delivered exactly once.
      escalationLevel: 0,
      escalations: [],
      version: 1,
    },
  };
}
