import thresholds from '../../config/thresholds.json' with { type: 'json' };
import { amsterdamDateOf, formatAmsterdam } from './amsterdam-time.ts';
import { isMinorOn } from './household.ts';
import { type BrpFindings, compositionOf } from './household-composition.ts';
import type { HouseholdFindings } from './household-history.ts';
import { type RoutingDecision, routeSignal, type SignalFlag } from './routing.ts';
import type { Address, Person, Signal } from './signal.ts';
import { firstContactDeadline, type WorkingDayCalendar } from './working-days.ts';

export type DebtKind = 'huurachterstand' | 'energieschuld' | 'eindelevering';

/** A rent-arrears row or energy-debt element as accepted at intake. */
export interface DebtSignalInput {
  readonly kind: DebtKind;
  /** The partner's own reference: tenant number, or the forwarder's signal reference. */
  readonly sourceReference: string;
  readonly supplier?: string | undefined;
  readonly person: Person;
  readonly address: Address;
  readonly amount: number;
  readonly arrearsSince: string;
  readonly monthlyRent?: number | undefined;
  readonly evictionDate?: string | undefined;
  readonly endOfSupplyDate?: string | undefined;
  /** Absent: the household's composition is unknown (R5 flag). */
  readonly minorsInHousehold?: number | undefined;
  readonly warmHandover?: boolean | undefined;
}

/** DESIGN I4: the municipality's threshold for a source (config/thresholds.json). */
export function thresholdFor(source: string): number {
  const perSource = thresholds.perSource as Record<string, number>;
  return perSource[source] ?? thresholds.defaultEuro;
}

/** DESIGN D2: a scheduled eviction or an end-of-supply signal is a threatening situation. */
export function isThreatening(input: DebtSignalInput): boolean {
  return input.evictionDate !== undefined || input.kind === 'eindelevering';
}

/**
 * DESIGN R3: rent arrears are `financien` and `huisvesting`; an eviction date adds `huisvesting` at
 * high severity (`huisvesting-dreigend`); energy debts are `financien`, a supply stop threatening.
 */
export function debtCategories(input: DebtSignalInput): string[] {
  const threatened = isThreatening(input) ? ['huisvesting-dreigend'] : [];
  return input.kind === 'huurachterstand'
    ? [...threatened, 'financien', 'huisvesting']
    : [...threatened, 'financien'];
}

export type DebtSignalResult =
  | { readonly routed: true; readonly signal: Signal }
  | { readonly routed: false; readonly outcome: string };

export interface DebtSignalContext {
  readonly signalId: string;
  readonly source: string;
  readonly receivedAt: Date;
  readonly householdKey: string;
  readonly household: HouseholdFindings;
  readonly calendar: WorkingDayCalendar;
  /** B1–B3: what the BRP said, when the router asked it. */
  readonly brp?: BrpFindings | undefined;
}

function flagsFor(
  input: DebtSignalInput,
  routing: RoutingDecision,
  household: HouseholdFindings,
  brp: BrpFindings | undefined,
): SignalFlag[] {
  const flags: SignalFlag[] = [...routing.flags];
  if (brp?.nobodyRegistered) flags.push('niet-in-brp');
  if (household.meervoudig) flags.push('meervoudig');
  if (household.opeenvolgend) flags.push('opeenvolgend');
  if (input.warmHandover) flags.push('warme-overdracht');
  if (isThreatening(input)) flags.push('dreigend');
  return flags;
}

/**
 * Turns an accepted debt signal into the signal to store, or into a not-routed outcome:
 * below the threshold (I4), or a resident who recently declined this partner's help (C3);
 * otherwise the rule table decides (R2 open case, R4/R5 by minors, R6 wijk) and D2 the deadline.
 */
export function debtSignalToSignal(input: DebtSignalInput, context: DebtSignalContext): DebtSignalResult {
  if (input.amount < thresholdFor(context.source))
    return { routed: false, outcome: 'niet-opgepakt-onterecht' };
  if (context.household.declinedRecently)
    return { routed: false, outcome: 'niet-opgepakt-herhaalde-melding' };
  // B2: the person lives elsewhere according to the BRP; the Wgs covers residents only.
  if (context.brp?.registeredElsewhere) return { routed: false, outcome: 'geen-inwoner' };

  const receivedDate = amsterdamDateOf(context.receivedAt);
  const personIsMinor =
    input.person.birthDate !== undefined && isMinorOn(input.person.birthDate, receivedDate);
  const categories = debtCategories(input);
  const composition = compositionOf(input.minorsInHousehold, context.brp);
  const routing = routeSignal({
    safetyConcern: false,
    openCaseTeamId: context.household.openCase?.teamId,
    categories,
    household: {
      hasMinor: composition.certainlyAMinor || personIsMinor,
      compositionKnown: composition.source !== 'onbekend',
      brpMinors: composition.source === 'brp' ? composition.minorsUnder18 : undefined,
    },
    postcode: input.address.postcode,
  });
  const deadline = firstContactDeadline(
    context.receivedAt,
    { threatening: isThreatening(input) },
    context.calendar,
  );
  const receivedAt = formatAmsterdam(context.receivedAt);
  return {
    routed: true,
    signal: {
      signalId: context.signalId,
      source: context.source,
      kind: input.kind,
      sourceReference: input.sourceReference,
      supplier: input.supplier,
      receivedAt,
      dueDate: deadline.dueDate,
      deadlineAt: deadline.deadlineAt,
      threatening: isThreatening(input),
      teamId: routing.teamId,
      status: 'open',
      categories,
      dominantProblem: routing.dominantProblem,
      routing: { rule: routing.rule, explanation: routing.explanation },
      routingHistory: [
        { at: receivedAt, teamId: routing.teamId, rule: routing.rule, explanation: routing.explanation },
      ],
      flags: flagsFor(input, routing, context.household, context.brp),
      person: input.person,
      address: input.address,
      amount: input.amount,
      arrearsSince: input.arrearsSince,
      monthlyRent: input.monthlyRent,
      evictionDate: input.evictionDate,
      endOfSupplyDate: input.endOfSupplyDate,
      minorsInHousehold: input.minorsInHousehold,
      household: { minorsUnder18: composition.minorsUnder18, source: composition.source },
      ...(context.brp?.compositionPending ? { compositionPending: true } : {}),
      householdKey: context.householdKey,
      caseId: context.household.openCase?.signalId,
      contactAttempts: [],
      escalationLevel: 0,
      escalations: [],
      version: 1,
    },
  };
}
