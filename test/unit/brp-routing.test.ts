import { describe, expect, it } from 'vitest';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import { type CareReport, careReportToSignal } from '../../shared/domain/care-report.ts';
import { completeComposition, isUntouched } from '../../shared/domain/composition-completion.ts';
import { type DebtSignalInput, debtSignalToSignal } from '../../shared/domain/debt-signal.ts';
import type { BrpFindings } from '../../shared/domain/household-composition.ts';
import { householdFindings } from '../../shared/domain/household-history.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import { sampleCareReports } from '../support/samples.ts';

// Issue 16 in the domain: what the BRP's answer does to a signal (DESIGN B1–B3, R3–R5).

const RECEIVED_AT = '2026-11-23T10:00:00+01:00';
/** Sample rent-arrears row 3: Marshallaan 4 bis, 3562 CD (Overvecht), composition left empty. */
const ROW_3: DebtSignalInput = {
  kind: 'huurachterstand',
  sourceReference: 'HN-100232',
  person: { initials: 'M.', surname: 'Özdemir', birthDate: '1990-11-02' },
  address: {
    postcode: '3562CD',
    houseNumber: 4,
    houseNumberSuffix: 'bis',
    street: 'Marshallaan',
    city: 'Utrecht',
  },
  amount: 812.4,
  arrearsSince: '2026-09-15',
  monthlyRent: 612.5,
};
const context = (brp?: BrpFindings) => ({
  signalId: 'sig_row3',
  source: 'bo-ex',
  receivedAt: new Date(RECEIVED_AT),
  householdKey: 'k'.repeat(64),
  household: householdFindings([], { signalId: 'sig_row3', receivedAt: RECEIVED_AT, source: 'bo-ex' }),
  calendar: municipalCalendar,
  brp,
});
const TWO_MINORS: BrpFindings = {
  residents: { minorsUnder18: 2, certainlyAMinor: true },
  nobodyRegistered: false,
};
const NO_MINORS: BrpFindings = {
  residents: { minorsUnder18: 0, certainlyAMinor: false },
  nobodyRegistered: false,
};
const NOBODY: BrpFindings = {
  residents: { minorsUnder18: 0, certainlyAMinor: false },
  nobodyRegistered: true,
};

const routed = (result: ReturnType<typeof debtSignalToSignal>): Signal => {
  if (!result.routed) throw new Error(`not routed: ${result.outcome}`);
  return result.signal;
};

describe('B1: the BRP settles an unknown composition (R3–R5)', () => {
  it('without the BRP, row 3 goes to Buurtteam Sociaal with samenstelling-onbekend (as before issue 16)', () => {
    const signal = routed(debtSignalToSignal(ROW_3, context()));

    expect(signal.teamId).toBe('bt-sociaal-overvecht');
    expect(signal.flags).toContain('samenstelling-onbekend');
    expect(signal.household).toEqual({ minorsUnder18: undefined, source: 'onbekend' });
  });

  it('two minors according to the BRP: Jeugd & Gezin by R4, and the explanation says "volgens de BRP"', () => {
    const signal = routed(debtSignalToSignal(ROW_3, context(TWO_MINORS)));

    expect(signal.teamId).toBe('bt-jg-overvecht');
    expect(signal.routing.rule).toBe('R4');
    expect(signal.routing.explanation).toContain('volgens de BRP wonen er 2 minderjarigen op het adres');
    expect(signal.household).toEqual({ minorsUnder18: 2, source: 'brp' });
    expect(signal.flags).not.toContain('samenstelling-onbekend');
  });

  it('no minors according to the BRP: Sociaal by R5 without samenstelling-onbekend, saying why', () => {
    const signal = routed(debtSignalToSignal(ROW_3, context(NO_MINORS)));

    expect(signal.teamId).toBe('bt-sociaal-overvecht');
    expect(signal.routing.explanation).toContain('volgens de BRP wonen er geen minderjarigen op het adres');
    expect(signal.flags).not.toContain('samenstelling-onbekend');
  });

  it('the partner’s own count wins: the BRP is not what the explanation cites', () => {
    const signal = routed(debtSignalToSignal({ ...ROW_3, minorsInHousehold: 0 }, context(TWO_MINORS)));

    expect(signal.teamId).toBe('bt-sociaal-overvecht');
    expect(signal.household).toEqual({ minorsUnder18: 0, source: 'partner' });
    expect(signal.routing.explanation).not.toContain('BRP');
  });

  it('B2 niet-in-brp: nobody registered at the address — routed, flagged for the team, still unknown', () => {
    const signal = routed(debtSignalToSignal(ROW_3, context(NOBODY)));

    expect(signal.flags).toEqual(expect.arrayContaining(['niet-in-brp', 'samenstelling-onbekend']));
    expect(signal.household?.source).toBe('onbekend');
  });

  it('B3: a composition the BRP did not give is marked for the later retry', () => {
    const signal = routed(debtSignalToSignal(ROW_3, context({ compositionPending: true })));

    expect(signal.compositionPending).toBe(true);
    expect(signal.flags).toContain('samenstelling-onbekend');
    expect(routed(debtSignalToSignal(ROW_3, context(TWO_MINORS))).compositionPending).toBeUndefined();
  });
});

describe('B2: registered in another municipality', () => {
  it('a debt signal is not routed: geen-inwoner', () => {
    expect(debtSignalToSignal(ROW_3, context({ registeredElsewhere: true }))).toEqual({
      routed: false,
      outcome: 'geen-inwoner',
    });
  });

  it('below the threshold stays niet-opgepakt-onterecht (I4 decides first)', () => {
    expect(debtSignalToSignal({ ...ROW_3, amount: 60 }, context({ registeredElsewhere: true }))).toEqual({
      routed: false,
      outcome: 'niet-opgepakt-onterecht',
    });
  });

  it('a care report is never closed on BRP grounds', () => {
    const [given] = sampleCareReports().map((raw) => careReportSchema.parse(raw)) as unknown as [CareReport];
    const report: CareReport = { ...given, household: undefined };

    const result = careReportToSignal(report, {
      signalId: 'sig_cr',
      source: 'politie-utrecht',
      receivedAt: new Date(RECEIVED_AT),
      calendar: municipalCalendar,
      brp: { ...TWO_MINORS, registeredElsewhere: true },
    });

    expect(result.routed).toBe(true);
    if (result.routed) expect(result.signal.household).toEqual({ minorsUnder18: 2, source: 'brp' });
  });
});

describe('B3: the later retry fills in the composition once', () => {
  const pending = routed(debtSignalToSignal(ROW_3, context({ compositionPending: true })));
  const later = new Date('2026-11-23T11:00:00+01:00');

  it('an untouched signal moves to Jeugd & Gezin, the history saying why and by whom', () => {
    const completed = completeComposition(pending, TWO_MINORS, later);

    expect(completed.teamId).toBe('bt-jg-overvecht');
    expect(completed.compositionPending).toBeUndefined();
    expect(completed.household).toEqual({ minorsUnder18: 2, source: 'brp' });
    expect(completed.flags).not.toContain('samenstelling-onbekend');
    expect(completed.routingHistory).toHaveLength(2);
    expect(completed.routingHistory[1]).toMatchObject({ teamId: 'bt-jg-overvecht', rule: 'R4', by: 'brp' });
    expect(completed.routingHistory[1]?.explanation).toMatch(
      /^Samenstelling later uit de BRP: .*volgens de BRP/,
    );
    expect(completed.version).toBe(pending.version + 1);
    // The deadline was promised at receipt (D2) and does not move.
    expect(completed.dueDate).toBe(pending.dueDate);
  });

  it('a signal with a contact attempt keeps its team and gains the composition', () => {
    const worked: Signal = {
      ...pending,
      contactAttempts: [
        { kind: 'telefoon', reached: false, at: RECEIVED_AT, recordedAt: RECEIVED_AT, recordedBy: 'dev-x' },
      ] as unknown as Signal['contactAttempts'],
    };
    expect(isUntouched(worked)).toBe(false);

    const completed = completeComposition(worked, TWO_MINORS, later);

    expect(completed.teamId).toBe('bt-sociaal-overvecht');
    expect(completed.routingHistory).toHaveLength(1);
    expect(completed.household).toEqual({ minorsUnder18: 2, source: 'brp' });
    expect(completed.flags).not.toContain('samenstelling-onbekend');
  });

  it('a signal re-routed by a team, or escalated, is not untouched', () => {
    expect(isUntouched(pending)).toBe(true);
    expect(isUntouched({ ...pending, escalationLevel: 1 })).toBe(false);
    expect(
      isUntouched({
        ...pending,
        routing: { rule: 'reroute', explanation: 'x' },
        routingHistory: [
          ...pending.routingHistory,
          { ...pending.routingHistory[0], rule: 'reroute' } as never,
        ],
      }),
    ).toBe(false);
  });

  it('no minors: same team, explanation updated, no history step', () => {
    const completed = completeComposition(pending, NO_MINORS, later);

    expect(completed.teamId).toBe(pending.teamId);
    expect(completed.routingHistory).toEqual(pending.routingHistory);
    expect(completed.routing.explanation).toContain('volgens de BRP wonen er geen minderjarigen');
  });
});
