import { describe, expect, it } from 'vitest';
import wijkenConfig from '../../config/wijken.json' with { type: 'json' };
import { type RoutingFacts, routeSignal } from '../../shared/domain/routing.ts';
import { createWijkLocator, locateWijk } from '../../shared/domain/wijken.ts';

// DESIGN R6 against the researched Utrecht wijk map (../shared/reference-data/wijken.json), written
// out here as the independent expectation: majority wijk per residential PC4, the PC4s that straddle
// a wijk border, the PC6 overrides and the PO-box-only PC4s. If config/wijken.json drifts from this
// table, or the lookup misreads it, a family goes to the wrong team — these tests say which.
const RESIDENTIAL: Record<string, string> = {
  ...pc4s('binnenstad', '3511 3512'),
  ...pc4s('oost', '3581 3582 3583 3584 3585'),
  ...pc4s('noordoost', '3514 3515 3571 3572 3573'),
  ...pc4s('overvecht', '3561 3562 3563 3564 3565 3566'),
  ...pc4s('noordwest', '3513 3551 3552 3553 3554 3555'),
  ...pc4s('west', '3531 3532 3533 3534 3542'),
  ...pc4s('zuidwest', '3521 3522 3526 3527'),
  ...pc4s('zuid', '3523 3524 3525'),
  ...pc4s('leidsche-rijn', '3528 3541 3543 3544 3545'),
  ...pc4s('vleuten-de-meern', '3451 3452 3453 3454 3455 3546'),
};
const STRADDLING: Record<string, string> = {
  '3513': 'Binnenstad',
  '3514': 'Binnenstad',
  '3521': 'Binnenstad',
  '3542': 'Leidsche Rijn',
  '3545': 'Vleuten-De Meern',
  '3546': 'Leidsche Rijn',
  '3582': 'Zuid',
};
const PO_BOX_ONLY = '3450 3500 3501 3502 3503 3504 3505 3506 3507 3508 3509 3540'.split(' ');

function pc4s(wijk: string, list: string): Record<string, string> {
  return Object.fromEntries(list.split(' ').map((pc4) => [pc4, wijk]));
}

const adults = { hasMinor: false, compositionKnown: true };
const withMinor = { hasMinor: true, compositionKnown: true };

function route(postcode: string | undefined, overrides: Partial<RoutingFacts> = {}) {
  return routeSignal({
    safetyConcern: false,
    categories: ['financien'],
    household: adults,
    postcode,
    ...overrides,
  });
}

describe('R6: the Utrecht wijk map', () => {
  it('has the 47 residential PC4s of the ten wijken, in step with config/wijken.json', () => {
    expect(Object.keys(RESIDENTIAL)).toHaveLength(47);
    const configured = Object.fromEntries(
      Object.entries(wijkenConfig.wijken).flatMap(([wijk, list]) => list.map((pc4) => [pc4, wijk])),
    );
    expect(configured).toEqual(RESIDENTIAL);
    expect(Object.keys(wijkenConfig.straddles).sort()).toEqual(Object.keys(STRADDLING).sort());
    expect([...wijkenConfig.postbusOnly].sort()).toEqual([...PO_BOX_ONLY].sort());
  });

  it.each(Object.entries(RESIDENTIAL))('R5/R4: PC4 %s routes to the teams of wijk %s', (pc4, wijk) => {
    const adult = route(`${pc4} XY`);
    expect(adult).toMatchObject({ rule: 'R5', teamId: `bt-sociaal-${wijk}` });
    const family = route(`${pc4}XY`, { household: withMinor });
    expect(family).toMatchObject({ rule: 'R4', teamId: `bt-jg-${wijk}` });
    const straddles = pc4 in STRADDLING;
    expect(adult.flags.includes('grensgebied'), `grensgebied for ${pc4}`).toBe(straddles);
    expect(family.flags.includes('grensgebied'), `grensgebied for ${pc4}`).toBe(straddles);
  });

  it.each(Object.entries(STRADDLING))(
    'grensgebied: straddling PC4 %s goes to its majority wijk, and the explanation names %s to check',
    (pc4, other) => {
      const decision = route(`${pc4}ZZ`);
      expect(decision.teamId).toBe(`bt-sociaal-${RESIDENTIAL[pc4]}`);
      expect(decision.flags).toEqual(['grensgebied']);
      expect(decision.explanation).toContain(`de postcode ligt op de grens met ${other}: controleer de wijk`);
    },
  );

  it('a PC6 override wins over its straddling PC4, without the grensgebied flag', () => {
    for (const pc6 of ['3521AL', '3521 al', '3521CB']) {
      expect(route(pc6)).toMatchObject({ rule: 'R5', teamId: 'bt-sociaal-binnenstad', flags: [] });
    }
    // The rest of 3521 stays with its majority wijk, flagged.
    expect(route('3521AK')).toMatchObject({ teamId: 'bt-sociaal-zuidwest', flags: ['grensgebied'] });
  });

  it.each(PO_BOX_ONLY)('a PO-box-only PC4 (%s) goes to Toegang as outside the area', (pc4) => {
    const decision = route(`${pc4}AA`);
    expect(decision).toMatchObject({ rule: 'R6', teamId: 'toegang', flags: ['buiten-werkgebied'] });
    expect(decision.explanation).toBe(
      `Postcode ${pc4} is een postbusgebied zonder woonadressen: naar Toegang voor centrale triage.`,
    );
  });

  it('outside Utrecht and without a postcode: Toegang, buiten-werkgebied', () => {
    expect(route('1012AB')).toMatchObject({
      rule: 'R6',
      teamId: 'toegang',
      flags: ['buiten-werkgebied'],
      explanation: 'Postcode 1012 ligt buiten het werkgebied: naar Toegang voor centrale triage.',
    });
    expect(route(undefined).explanation).toBe('Geen postcode bekend: naar Toegang voor centrale triage.');
    expect(route('  ').teamId).toBe('toegang');
  });

  it.each([
    ['3513', 'noordwest'],
    ['3525', 'zuid'],
    ['3528', 'leidsche-rijn'],
    ['3542', 'west'],
  ])('the old table put %s in the wrong wijk; now %s', (pc4, wijk) => {
    expect(locateWijk(`${pc4}AB`)).toMatchObject({ inArea: true, wijk });
  });

  it.each(['3515', '3534', '3546', '3565', '3566'])('%s, missing before, is in the area now', (pc4) => {
    expect(route(`${pc4}AB`).teamId).toBe(`bt-sociaal-${RESIDENTIAL[pc4]}`);
  });
});

describe('R6: a broken wijk table fails at load, not at a family', () => {
  const table = { wijken: { oost: ['3581'], zuid: ['3523'] }, pc6: {}, straddles: {}, postbusOnly: [] };

  it.each([
    [
      'a PC4 in two wijken',
      { ...table, wijken: { oost: ['3581'], zuid: ['3581'] } },
      /3581 staat bij oost en bij zuid/,
    ],
    ['an unknown wijk', { ...table, wijken: { ...table.wijken, maan: ['9999'] } }, /onbekende wijk 'maan'/],
    ['a PC6 override to an unknown wijk', { ...table, pc6: { '3581AB': 'mars' } }, /onbekende wijk 'mars'/],
    ['a straddling PC4 that is not residential', { ...table, straddles: { '3500': ['oost'] } }, /3500/],
    ['a residential PO-box PC4', { ...table, postbusOnly: ['3581'] }, /3581 is zowel postbus- als woon-PC4/],
  ])('%s', (_name, broken, message) => {
    expect(() => createWijkLocator(broken)).toThrow(message);
  });
});
