import type { HouseholdFacts } from './household.ts';
import { dominantProblem, type ProblemCategory, relatesToMinorChildren } from './problem-categories.ts';
import { jeugdEnGezinTeam, sociaalTeam, TOEGANG, teamLabel, VEILIG_THUIS } from './teams.ts';
import { type WijkId, wijkForPostcode, wijkLabel } from './wijken.ts';

/** Flags shown in the inbox (API.md). */
export type SignalFlag =
  | 'meervoudig'
  | 'opeenvolgend'
  | 'samenstelling-onbekend'
  | 'buiten-werkgebied'
  | 'warme-overdracht'
  | 'dreigend';

export type RoutingRuleId = 'R1' | 'R2' | 'R4' | 'R5' | 'R6';

/** Everything the rule table looks at; built by the caller from the signal and the household. */
export interface RoutingFacts {
  /** DESIGN C2: acute unsafety, domestic violence or child unsafety reported. */
  readonly safetyConcern: boolean;
  /** DESIGN M3: the team of the household's open case, if any. */
  readonly openCaseTeamId?: string | undefined;
  /** Problem category ids in reported order (R3 ties go to the first). */
  readonly categories: readonly string[];
  readonly household: HouseholdFacts;
  readonly postcode?: string | undefined;
}

export interface RoutingDecision {
  readonly rule: RoutingRuleId;
  readonly teamId: string;
  /** Short Dutch explanation, stored with the decision and shown to the team. */
  readonly explanation: string;
  readonly flags: readonly SignalFlag[];
  readonly dominantProblem?: string | undefined;
}

/** Derived once per decision so that every rule sees the same R3 and R6 outcome. */
interface Derived {
  readonly dominant: ProblemCategory | undefined;
  readonly wijk: WijkId | undefined;
  readonly forMinors: boolean;
}

interface RoutingRule {
  readonly id: RoutingRuleId;
  readonly applies: (facts: RoutingFacts, derived: Derived) => boolean;
  readonly decide: (
    facts: RoutingFacts,
    derived: Derived,
  ) => Omit<RoutingDecision, 'rule' | 'dominantProblem'>;
}

function dominantText(derived: Derived): string {
  return derived.dominant
    ? `Dominant probleem '${derived.dominant.label}'`
    : 'Geen probleemcategorie opgegeven';
}

/** The ordered rule table (DESIGN "Routing"): the first rule that applies decides. */
export const ROUTING_RULES: readonly RoutingRule[] = [
  {
    id: 'R1',
    applies: (facts) => facts.safetyConcern,
    decide: () => ({
      teamId: VEILIG_THUIS,
      flags: [],
      explanation:
        'Zorgen over veiligheid (acute onveiligheid, huiselijk geweld of onveiligheid kind): direct doorgezet naar Veilig Thuis volgens de Meldcode, ongeacht toestemming.',
    }),
  },
  {
    id: 'R2',
    applies: (facts) => facts.openCaseTeamId !== undefined,
    decide: (facts) => {
      const teamId = facts.openCaseTeamId as string;
      return {
        teamId,
        flags: [],
        explanation: `Het huishouden heeft een lopende casus bij ${teamLabel(teamId)}: één huishouden, één plan.`,
      };
    },
  },
  {
    id: 'R6',
    applies: (_facts, derived) => derived.wijk === undefined,
    decide: (facts) => ({
      teamId: TOEGANG,
      flags: ['buiten-werkgebied'],
      explanation: facts.postcode
        ? `Postcode ${facts.postcode.slice(0, 4)} ligt buiten het werkgebied: naar Toegang voor centrale triage.`
        : 'Geen postcode bekend: naar Toegang voor centrale triage.',
    }),
  },
  {
    id: 'R4',
    applies: (_facts, derived) => derived.forMinors,
    decide: (_facts, derived) => {
      const teamId = jeugdEnGezinTeam(derived.wijk as WijkId);
      return {
        teamId,
        flags: [],
        explanation: `${dominantText(derived)} betreft minderjarige kinderen: ${teamLabel(teamId)} (wijk ${wijkLabel(derived.wijk as WijkId)} op postcode).`,
      };
    },
  },
  {
    id: 'R5',
    applies: () => true,
    decide: (facts, derived) => {
      const teamId = sociaalTeam(derived.wijk as WijkId);
      const unknown = !facts.household.compositionKnown;
      return {
        teamId,
        flags: unknown ? ['samenstelling-onbekend'] : [],
        explanation:
          `${dominantText(derived)} betreft geen minderjarige kinderen: ${teamLabel(teamId)} (wijk ${wijkLabel(derived.wijk as WijkId)} op postcode).` +
          (unknown ? ' Samenstelling van het huishouden onbekend: controleer of er kinderen zijn.' : ''),
      };
    },
  },
];

export function routeSignal(facts: RoutingFacts): RoutingDecision {
  const dominant = dominantProblem(facts.categories);
  const derived: Derived = {
    dominant,
    wijk: wijkForPostcode(facts.postcode),
    forMinors: dominant !== undefined && relatesToMinorChildren(dominant, facts.household.hasMinor),
  };
  // R5 always applies, so the table always decides.
  const rule = ROUTING_RULES.find((candidate) => candidate.applies(facts, derived)) as RoutingRule;
  return { rule: rule.id, dominantProblem: dominant?.id, ...rule.decide(facts, derived) };
}
