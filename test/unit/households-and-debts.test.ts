import { describe, expect, it } from 'vitest';
import { type DebtSignalInput, debtSignalToSignal } from '../../shared/domain/debt-signal.ts';
import { type HouseholdEntry, householdFindings } from '../../shared/domain/household-history.ts';
import { householdKey, normaliseAddress, signalIdFor } from '../../shared/domain/household-key.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';

const SECRET = 'x'.repeat(48);
const entry = (
  overrides: Partial<HouseholdEntry> & Pick<HouseholdEntry, 'signalId' | 'receivedAt'>,
): HouseholdEntry => ({
  source: 'bo-ex',
  status: 'open',
  teamId: 'bt-sociaal-oost',
  amount: 500,
  ...overrides,
});
const now = { signalId: 'new', receivedAt: '2026-11-23T10:00:00+01:00', source: 'bo-ex', amount: 500 };

describe('M1 household key', () => {
  it('normalises postcode, number and suffix, and hashes them with the secret', () => {
    expect(normaliseAddress({ postcode: '3562 cd', houseNumber: 4, houseNumberSuffix: ' bis' })).toBe(
      '3562CD|4|BIS',
    );
    expect(householdKey({ postcode: '3562 cd', houseNumber: 4, houseNumberSuffix: 'bis' }, SECRET)).toBe(
      householdKey({ postcode: '3562CD', houseNumber: 4, houseNumberSuffix: 'BIS' }, SECRET),
    );
    expect(householdKey({ postcode: '3562CD', houseNumber: 4 }, SECRET)).not.toBe(
      householdKey({ postcode: '3562CD', houseNumber: 4 }, 'y'.repeat(48)),
    );
    expect(householdKey({ postcode: '3562CD', houseNumber: 4 }, SECRET)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('I5: a dedupe key always gives the same opaque signal id, another key another id', () => {
    const id = signalIdFor(['bo-ex', 'huurachterstand', 'HN-1', '2026-09-01'], SECRET);

    expect(id).toMatch(/^sig_[0-9a-f]{32}$/);
    expect(signalIdFor(['bo-ex', 'huurachterstand', 'HN-1', '2026-09-01'], SECRET)).toBe(id);
    expect(signalIdFor(['bo-ex', 'huurachterstand', 'HN-1', '2026-10-01'], SECRET)).not.toBe(id);
  });
});

describe('M2/M3/C3 household findings', () => {
  it('no history: nothing', () => {
    expect(householdFindings([], now)).toEqual({
      openCase: undefined,
      meervoudig: false,
      opeenvolgend: false,
      sameMonthOpenSignalIds: [],
      declinedRecently: false,
    });
  });

  it('M2 meervoudig: another signal in the same calendar month (Amsterdam), from any partner', () => {
    const findings = householdFindings(
      [entry({ signalId: 'a', receivedAt: '2026-11-01T00:30:00+01:00', source: 'werk-en-inkomen' })],
      now,
    );
    expect(findings.meervoudig).toBe(true);
    expect(findings.opeenvolgend).toBe(false);
    expect(findings.sameMonthOpenSignalIds).toEqual(['a']);
  });

  it('M2 by the Amsterdam month: 31 Oct 23:30 UTC is already November in Utrecht', () => {
    const findings = householdFindings([entry({ signalId: 'a', receivedAt: '2026-10-31T23:30:00Z' })], now);
    expect(findings.meervoudig).toBe(true);
  });

  it.each([
    ['2026-10-15T10:00:00+02:00', true],
    ['2026-05-02T10:00:00+02:00', true],
    ['2026-04-30T10:00:00+02:00', false],
  ])('M2 opeenvolgend: a signal of %s is in the previous six months: %s', (receivedAt, expected) => {
    const findings = householdFindings([entry({ signalId: 'a', receivedAt, status: 'closed' })], now);
    expect(findings.opeenvolgend).toBe(expected);
    expect(findings.meervoudig).toBe(false);
  });

  it('M3: the earliest open signal is the open case; closed and not-routed ones are not', () => {
    const findings = householdFindings(
      [
        entry({
          signalId: 'closed',
          receivedAt: '2026-06-01T10:00:00+02:00',
          status: 'closed',
          teamId: 'bt-jg-zuid',
        }),
        entry({ signalId: 'later', receivedAt: '2026-10-01T10:00:00+02:00', teamId: 'bt-jg-oost' }),
        entry({ signalId: 'first', receivedAt: '2026-09-01T10:00:00+02:00', teamId: 'bt-sociaal-oost' }),
        entry({
          signalId: 'ignored',
          receivedAt: '2026-08-01T10:00:00+02:00',
          status: 'not-routed',
          teamId: undefined,
        }),
      ],
      now,
    );
    expect(findings.openCase).toEqual({ teamId: 'bt-sociaal-oost', signalId: 'first' });
  });

  it.each([
    ['same partner, declined 3 months ago, same amount', 'bo-ex', '2026-08-20T10:00:00+02:00', 500, true],
    ['same partner, declined 3 months ago, amount rose', 'bo-ex', '2026-08-20T10:00:00+02:00', 900, false],
    ['same partner, declined 7 months ago', 'bo-ex', '2026-04-20T10:00:00+02:00', 500, false],
    ['another partner', 'mitros', '2026-08-20T10:00:00+02:00', 500, false],
  ])('C3: %s → declined recently: %s', (_name, source, closedAt, amount, expected) => {
    const declined = entry({
      signalId: 'a',
      receivedAt: '2026-03-01T10:00:00+01:00',
      status: 'closed',
      source,
      amount: 500,
      outcome: 'inwoner-hoeft-geen-hulp',
      closedAt,
    });
    expect(householdFindings([declined], { ...now, amount }).declinedRecently).toBe(expected);
  });
});

describe('debt signal → signal (I4, C3, D2, R2–R6)', () => {
  const rent: DebtSignalInput = {
    kind: 'huurachterstand',
    sourceReference: 'HN-1',
    person: { initials: 'J.', surname: 'Dijk', birthDate: '1984-03-14' },
    address: { postcode: '3561AB', houseNumber: 12 },
    amount: 1234.56,
    arrearsSince: '2026-08-01',
    minorsInHousehold: 0,
  };
  const context = {
    signalId: 'sig_1',
    source: 'bo-ex',
    receivedAt: new Date('2026-11-23T10:00:00+01:00'),
    householdKey: 'hh',
    household: householdFindings([], now),
    calendar: municipalCalendar,
  };

  it('I4: below the €75 threshold → not routed, niet-opgepakt-onterecht', () => {
    expect(debtSignalToSignal({ ...rent, amount: 74.99 }, context)).toEqual({
      routed: false,
      outcome: 'niet-opgepakt-onterecht',
    });
    expect(debtSignalToSignal({ ...rent, amount: 75 }, context).routed).toBe(true);
  });

  it('C3: a recent objection to this partner → niet-opgepakt-herhaalde-melding', () => {
    const household = { ...context.household, declinedRecently: true };
    expect(debtSignalToSignal(rent, { ...context, household })).toEqual({
      routed: false,
      outcome: 'niet-opgepakt-herhaalde-melding',
    });
  });

  it.each([
    [{ minorsInHousehold: 2 }, 'bt-jg-overvecht', 'R4', []],
    [{ minorsInHousehold: 0 }, 'bt-sociaal-overvecht', 'R5', []],
    [{ minorsInHousehold: undefined }, 'bt-sociaal-overvecht', 'R5', ['samenstelling-onbekend']],
    [{ address: { postcode: '2011AB', houseNumber: 1 } }, 'toegang', 'R6', ['buiten-werkgebied']],
  ])('%j → %s (%s)', (change, teamId, rule, flags) => {
    const result = debtSignalToSignal({ ...rent, ...change }, context);
    expect(result.routed && [result.signal.teamId, result.signal.routing.rule, result.signal.flags]).toEqual([
      teamId,
      rule,
      flags,
    ]);
  });

  it('R2/M3: an open case wins over R4, the signal joins that case; flags from the household', () => {
    const household = {
      ...context.household,
      openCase: { teamId: 'bt-sociaal-oost', signalId: 'sig_first' },
      meervoudig: true,
      opeenvolgend: true,
    };
    const result = debtSignalToSignal({ ...rent, minorsInHousehold: 3 }, { ...context, household });

    expect(result.routed && result.signal).toMatchObject({
      teamId: 'bt-sociaal-oost',
      routing: { rule: 'R2' },
      caseId: 'sig_first',
      flags: ['meervoudig', 'opeenvolgend'],
    });
  });

  it('D2: an eviction date is threatening — 3 working days, huisvesting-dreigend dominant, flag dreigend', () => {
    const result = debtSignalToSignal(
      { ...rent, evictionDate: '2026-12-15', minorsInHousehold: undefined },
      context,
    );

    expect(result.routed && result.signal).toMatchObject({
      dueDate: '2026-11-26',
      threatening: true,
      dominantProblem: 'huisvesting-dreigend',
      flags: ['samenstelling-onbekend', 'dreigend'],
    });
  });

  it('D2: an eindeleveringssignaal is threatening too; energy debts are financien', () => {
    const energy = { ...rent, kind: 'eindelevering' as const, supplier: 'Vattenfall' };
    const result = debtSignalToSignal(energy, context);

    expect(result.routed && result.signal).toMatchObject({
      dueDate: '2026-11-26',
      categories: ['huisvesting-dreigend', 'financien'],
    });
    const early = debtSignalToSignal({ ...rent, kind: 'energieschuld' }, context);
    expect(early.routed && [early.signal.dueDate, early.signal.categories]).toEqual([
      '2026-11-30',
      ['financien'],
    ]);
  });

  it('warme overdracht is shown as a flag', () => {
    const result = debtSignalToSignal({ ...rent, warmHandover: true }, context);
    expect(result.routed && result.signal.flags).toContain('warme-overdracht');
  });
});
