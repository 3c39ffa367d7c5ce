import type { HouseholdFacts } from './household.ts';
import { dominantProblem, type ProblemCategory, relatesToMinorChildren } from './problem-categories.ts';
import { jeugdEnGezinTeam, sociaalTeam, TOEGANG, teamLabel, VEILIG_THUIS } from './teams.ts';
import { locateWijk, type WijkId, type WijkLocation, wijkLabel } from './wijken.ts';

/** Flags shown in the inbox (API.md). */
export const SIGNAL_FLAGS = [
  'meervoudig',
  'opeenvolgend',
  'samenstelling-onbekend',
  'buiten-werkgebied',
  'grensgebied',
  'niet-in-brp',
  'warme-overdracht',
  'dreigend',
] as const;
export type SignalFlag = (typeof SIGNAL_FLAGS)[number];

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
  readonly location: WijkLocation;
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

/** The wijk R4/R5 route to; only called once R6 has let through the addresses outside the area. */
function wijkOf(derived: Derived): WijkId {
  if (!derived.location.inArea) throw new Error('R4/R5 zonder wijk: R6 had moeten beslissen');
  return derived.location.wijk;
}

/** DESIGN R6: a straddling PC4 without a PC6 override routes to its majority wijk, flagged for a check. */
function wijkFlags(derived: Derived): SignalFlag[] {
  return derived.location.inArea && derived.location.grensgebied ? ['grensgebied'] : [];
}

function wijkText(derived: Derived): string {
  const location = derived.location;
  if (!location.inArea) return '';
  const text = `wijk ${wijkLabel(location.wijk)} op postcode`;
  if (!location.grensgebied) return text;
  const others = location.alsoIn.map(wijkLabel).join(' of ');
  return `${text}; de postcode ligt op de grens met ${others}: controleer de wijk`;
}

/** DESIGN R6: why an address goes to central triage, in words. */
function outsideAreaText(postcode: string | undefined, location: WijkLocation): string {
  const pc4 = (postcode ?? '').replace(/\s+/g, '').slice(0, 4);
  const reason = location.inArea ? undefined : location.reason;
  if (reason === 'postbus')
    return `Postcode ${pc4} is een postbusgebied zonder woonadressen: naar Toegang voor centrale triage.`;
  if (reason === 'buiten-utrecht')
    return `Postcode ${pc4} ligt buiten het werkgebied: naar Toegang voor centrale triage.`;
  return 'Geen postcode bekend: naar Toegang voor centrale triage.';
}

/** B1: when the BRP settled the composition, the explanation says so ("volgens de BRP …"). */
function brpText(facts: RoutingFacts): string {
  const minors = facts.household.brpMinors;
  if (minors === undefined) return '';
  if (minors === 0) return ' (volgens de BRP wonen er geen minderjarigen op het adres)';
  return minors === 1
    ? ' (volgens de BRP woont er 1 minderjarige op het adres)'
    : ` (volgens de BRP wonen er ${minors} minderjarigen op het adres)`;
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
    applies: (_facts, derived) => !derived.location.inArea,
    decide: (facts, derived) => ({
      teamId: TOEGANG,
      flags: ['buiten-werkgebied'],
      explanation: outsideAreaText(facts.postcode, derived.location),
    }),
  },
  {
    id: 'R4',
    applies: (_facts, derived) => derived.forMinors,
    decide: (facts, derived) => {
      const teamId = jeugdEnGezinTeam(wijkOf(derived));
      return {
        teamId,
        flags: wijkFlags(derived),
        explanation: `${dominantText(derived)} betreft minderjarige kinderen${brpText(facts)}: ${teamLabel(teamId)} (${wijkText(derived)}).`,
      };
    },
  },
  {
    id: 'R5',
    applies: () => true,
    decide: (facts, derived) => {
      const teamId = sociaalTeam(wijkOf(derived));
      const unknown = !facts.household.compositionKnown;
      return {
        teamId,
        flags: [...wijkFlags(derived), ...(unknown ? (['samenstelling-onbekend'] as const) : [])],
        explanation:
          `${dominantText(derived)} betreft geen minderjarige kinderen${brpText(facts)}: ${teamLabel(teamId)} (${wijkText(derived)}).` +
          (unknown ? ' Samenstelling van het huishouden onbekend: controleer of er kinderen zijn.' : ''),
      };
    },
  },
];

export function routeSignal(facts: RoutingFacts): RoutingDecision {
  const dominant = dominantProblem(facts.categories);
  const derived: Derived = {
    dominant,
    location: locateWijk(facts.postcode),
    forMinors: dominant !== undefined && relatesToMinorChildren(dominant, facts.household.hasMinor),
  };
  // R5 always applies, so the table always decides.
  const rule = ROUTING_RULES.find((candidate) => candidate.applies(facts, derived)) as RoutingRule;
  return { rule: rule.id, dominantProblem: dominant?.id, ...rule.decide(facts, derived) };
}
