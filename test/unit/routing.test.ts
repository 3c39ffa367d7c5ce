import { describe, expect, it } from 'vitest';
import { dominantProblem, relatesToMinorChildren } from '../../shared/domain/problem-categories.ts';
import { type RoutingFacts, routeSignal } from '../../shared/domain/routing.ts';
import { wijkForPostcode } from '../../shared/domain/wijken.ts';

const adultsOnly = { hasMinor: false, compositionKnown: true };
const withMinor = { hasMinor: true, compositionKnown: true };
const unknownHousehold = { hasMinor: false, compositionKnown: false };

function facts(overrides: Partial<RoutingFacts>): RoutingFacts {
  return {
    safetyConcern: false,
    categories: ['financien'],
    household: adultsOnly,
    postcode: '3561AB',
    ...overrides,
  };
}

// One row per rule of the ordered table (DESIGN "Routing"): the facts, and the stored rule id,
// team, flags and the Dutch explanation the team sees.
describe('routing rule table R1–R6', () => {
  it.each([
    {
      rule: 'R1',
      name: 'safety concern goes to Veilig Thuis, even with an open case elsewhere',
      input: facts({ safetyConcern: true, openCaseTeamId: 'bt-sociaal-oost', categories: ['relaties'] }),
      teamId: 'veilig-thuis',
      flags: [],
      explanation:
        /^Zorgen over veiligheid .* direct doorgezet naar Veilig Thuis volgens de Meldcode, ongeacht toestemming\.$/,
    },
    {
      rule: 'R2',
      name: 'open case in the household: that team, whatever R4/R5 would say (M3)',
      input: facts({ openCaseTeamId: 'bt-sociaal-oost', categories: ['opvoeding'], household: withMinor }),
      teamId: 'bt-sociaal-oost',
      flags: [],
      explanation:
        /^Het huishouden heeft een lopende casus bij Buurtteam Sociaal Oost: één huishouden, één plan\.$/,
    },
    {
      rule: 'R4',
      name: 'child-related dominant problem → Jeugd & Gezin of the wijk',
      input: facts({ categories: ['jeugdcriminaliteit'], postcode: '3553AB', household: unknownHousehold }),
      teamId: 'bt-jg-noordwest',
      flags: [],
      explanation:
        /^Dominant probleem 'Jeugdcriminaliteit \/ overlast door jongeren' betreft minderjarige kinderen: Buurtteam Jeugd & Gezin Noordwest \(wijk Noordwest op postcode\)\.$/,
    },
    {
      rule: 'R4',
      name: 'family-wide dominant problem with a minor in the household → Jeugd & Gezin',
      input: facts({ categories: ['financien', 'huisvesting'], postcode: '3561 ab', household: withMinor }),
      teamId: 'bt-jg-overvecht',
      flags: [],
      explanation:
        /^Dominant probleem 'Schulden en betalingsachterstanden' betreft minderjarige kinderen: Buurtteam Jeugd & Gezin Overvecht/,
    },
    {
      rule: 'R5',
      name: 'individual dominant problem → Sociaal of the wijk, even with minors',
      input: facts({ categories: ['psychisch', 'overlast'], household: withMinor }),
      teamId: 'bt-sociaal-overvecht',
      flags: [],
      explanation:
        /^Dominant probleem 'Psychische problemen \/ verward gedrag' betreft geen minderjarige kinderen: Buurtteam Sociaal Overvecht \(wijk Overvecht op postcode\)\.$/,
    },
    {
      rule: 'R5',
      name: 'composition unknown → Sociaal with flag samenstelling-onbekend',
      input: facts({ categories: ['financien'], postcode: '3571AE', household: unknownHousehold }),
      teamId: 'bt-sociaal-noordoost',
      flags: ['samenstelling-onbekend'],
      explanation:
        /Buurtteam Sociaal Noordoost .* Samenstelling van het huishouden onbekend: controleer of er kinderen zijn\.$/,
    },
    {
      rule: 'R6',
      name: 'postcode outside Utrecht → Toegang, flag buiten-werkgebied',
      input: facts({ postcode: '1012AB' }),
      teamId: 'toegang',
      flags: ['buiten-werkgebied'],
      explanation: /^Postcode 1012 ligt buiten het werkgebied: naar Toegang voor centrale triage\.$/,
    },
    {
      rule: 'R6',
      name: 'no postcode → Toegang, flag buiten-werkgebied',
      input: facts({ postcode: undefined, categories: ['opvoeding'] }),
      teamId: 'toegang',
      flags: ['buiten-werkgebied'],
      explanation: /^Geen postcode bekend: naar Toegang voor centrale triage\.$/,
    },
  ])('$rule: $name', ({ rule, input, teamId, flags, explanation }) => {
    // Act
    const decision = routeSignal(input);

    // Assess
    expect(decision.rule).toBe(rule);
    expect(decision.teamId).toBe(teamId);
    expect(decision.flags).toEqual(flags);
    expect(decision.explanation).toMatch(explanation);
  });
});

describe('R3 dominant problem', () => {
  it.each([
    [['overlast', 'psychisch'], 'psychisch'],
    [['financien', 'huisvesting'], 'financien'],
    [['opvoeding', 'huiselijk-geweld'], 'huiselijk-geweld'],
    [['sociaal-isolement'], 'sociaal-isolement'],
    [['onbekend', 'werk-inkomen'], 'werk-inkomen'],
  ])('%j → %s (highest severity)', (categories, expected) => {
    expect(dominantProblem(categories)?.id).toBe(expected);
  });

  it('ties go to the first reported category', () => {
    // Prepare: the reference data has no equal severities, so a municipality's future table with a
    // tie is modelled here.
    const taxonomy = new Map([
      ['a', { id: 'a', label: 'A', severity: 50, scope: 'family' as const }],
      ['b', { id: 'b', label: 'B', severity: 50, scope: 'child' as const }],
    ]);

    // Act & Assess
    expect(dominantProblem(['a', 'b'], taxonomy)?.id).toBe('a');
    expect(dominantProblem(['b', 'a'], taxonomy)?.id).toBe('b');
    expect(dominantProblem([])).toBeUndefined();
  });

  it.each([
    ['veiligheid-kind', false, true],
    ['ontwikkeling-kind', false, true],
    ['huisvesting', true, true],
    ['huisvesting', false, false],
    ['relaties', true, true],
    ['psychisch', true, false],
    ['gezondheid', true, false],
  ])('%s with minor=%s relates to minor children: %s', (id, hasMinor, expected) => {
    const category = dominantProblem([id]);
    expect(category).toBeDefined();
    expect(relatesToMinorChildren(category as NonNullable<typeof category>, hasMinor)).toBe(expected);
  });
});

describe('R6 wijk lookup from wijken.json', () => {
  it.each([
    ['3511AA', 'binnenstad'],
    ['3561 ab', 'overvecht'],
    ['3584CS', 'oost'],
    ['3453XY', 'vleuten-de-meern'],
    ['3545AB', 'leidsche-rijn'],
    ['1012AB', undefined],
    [undefined, undefined],
  ])('%s → %s', (postcode, wijk) => {
    expect(wijkForPostcode(postcode)).toBe(wijk);
  });
});
