import { describe, expect, it } from 'vitest';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import {
  type CareReport,
  careReportToSignal,
  decideOnSafetyAndConsent,
} from '../../shared/domain/care-report.ts';
import { nextEscalation, recipientFor } from '../../shared/domain/escalation-ladder.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import { sampleCareReports } from '../support/samples.ts';

const [given, violence, refused, notAsked] = sampleCareReports().map((raw) =>
  careReportSchema.parse(raw),
) as unknown as [CareReport, CareReport, CareReport, CareReport];
const receivedAt = new Date('2026-11-23T10:00:00+01:00');
const context = { signalId: 'sig_test', source: 'politie-utrecht', receivedAt, calendar: municipalCalendar };

function safety(overrides: Partial<CareReport['safety']>): CareReport {
  return {
    ...given,
    safety: { acuteUnsafety: false, domesticViolence: false, childUnsafety: false, ...overrides },
  };
}

describe('C2: safety before consent', () => {
  it.each([
    ['acuteUnsafety', { acuteUnsafety: true }],
    ['domesticViolence', { domesticViolence: true }],
    ['childUnsafety', { childUnsafety: true }],
  ])('%s forwards to Veilig Thuis whatever the consent', (_name, flags) => {
    for (const consent of ['given', 'refused', 'not-asked'] as const) {
      expect(decideOnSafetyAndConsent({ ...safety(flags), consent })).toEqual({
        action: 'forward-to-veilig-thuis',
      });
    }
  });

  it.each([
    ['given', { action: 'route', outreachOnly: false }],
    ['not-asked', { action: 'route', outreachOnly: true }],
    ['refused', { action: 'not-routed', outcome: 'niet-opgepakt-geen-toestemming' }],
  ] as const)('consent %s without safety issue → %j', (consent, expected) => {
    expect(decideOnSafetyAndConsent({ ...safety({}), consent })).toEqual(expected);
  });
});

describe('care report → signal (samples/care-reports.json)', () => {
  it('…456 consent given, adult, psychisch dominant → Sociaal Overvecht with the summary (C2, R5, D2)', () => {
    const result = careReportToSignal(given, context);

    expect(result.routed).toBe(true);
    if (!result.routed) return;
    expect(result.signal).toMatchObject({
      teamId: 'bt-sociaal-overvecht',
      status: 'open',
      kind: 'zorgmelding',
      dominantProblem: 'psychisch',
      routing: { rule: 'R5' },
      flags: [],
      consent: 'given',
      summary: 'Buren melden verward gedrag; meneer wil graag hulp bij zijn administratie.',
      person: { initials: 'A.', surname: 'Jansen', birthDate: '1971-02-03' },
      receivedAt: '2026-11-23T10:00:00+01:00',
      dueDate: '2026-11-30',
      deadlineAt: '2026-11-30T23:59:59+01:00',
      escalationLevel: 0,
      escalations: [],
    });
  });

  it('…457 domestic violence → Veilig Thuis at once, escalation level 3, despite refused consent (C2, R1, D4)', () => {
    const result = careReportToSignal(violence, context);

    expect(result.routed).toBe(true);
    if (!result.routed) return;
    expect(result.signal).toMatchObject({
      teamId: 'veilig-thuis',
      status: 'forwarded',
      outcome: 'doorgezet-veilig-thuis',
      routing: { rule: 'R1' },
      // The level-3 escalation is delivered through the escalations queue (exactly once) and
      // recorded on the signal then; the ladder says it is due at once.
      escalationLevel: 0,
      escalations: [],
    });
    expect(nextEscalation(result.signal, municipalCalendar)).toEqual({
      level: 3,
      dueAfter: new Date(Date.parse('2026-11-23T10:00:00+01:00') - 1),
    });
    expect(recipientFor(3, result.signal.teamId)).toEqual({ role: 'veilig-thuis', scope: 'veilig-thuis' });
  });

  it('…458 consent refused, no safety issue → not routed, niet-opgepakt-geen-toestemming (C2)', () => {
    expect(careReportToSignal(refused, context)).toEqual({
      routed: false,
      outcome: 'niet-opgepakt-geen-toestemming',
    });
  });

  it('…459 consent not asked, jeugdcriminaliteit → J&G Noordwest, outreach data only, no summary (C2, R4)', () => {
    const result = careReportToSignal(notAsked, context);

    expect(result.routed).toBe(true);
    if (!result.routed) return;
    expect(result.signal).toMatchObject({
      teamId: 'bt-jg-noordwest',
      routing: { rule: 'R4' },
      consent: 'not-asked',
    });
    expect(result.signal.summary).toBeUndefined();
    expect(result.signal.person).toEqual({ initials: 'D.', prefix: undefined, surname: 'El Amrani' });
    expect(JSON.stringify(result.signal)).not.toContain('winkeldiefstal');
    expect(JSON.stringify(result.signal)).not.toContain('2010-10-10');
  });

  it('an urgent report is a threatening situation: 3 working days and flag dreigend (D2)', () => {
    const result = careReportToSignal({ ...given, urgent: true }, context);

    expect(result.routed && result.signal.dueDate).toBe('2026-11-26');
    expect(result.routed && result.signal.flags).toContain('dreigend');
  });

  it('the person being a minor makes a family-wide problem child-related (R3)', () => {
    // Prepare: a 16-year-old with debts and no household data.
    const minor = {
      ...given,
      categories: ['financien'],
      person: { surname: 'X', birthDate: '2010-01-01' },
      household: undefined,
    };

    const result = careReportToSignal(minor, context);

    expect(result.routed && result.signal.teamId).toBe('bt-jg-overvecht');
  });
});

describe('R3 for care reports: a household member is a minor only when under 18 on the receipt date', () => {
  // Receipt dates are Amsterdam calendar dates (D2); `financien` is family-wide, so the household's
  // minors decide between Jeugd & Gezin (R4) and Sociaal (R5).
  function routeWith(minors: { birthDate?: string }[], received: string) {
    const report: CareReport = {
      ...given,
      categories: ['financien'],
      person: { surname: 'X', birthDate: '1980-06-01' },
      household: { adults: 1, minors },
    };
    const result = careReportToSignal(report, { ...context, receivedAt: new Date(received) });
    if (!result.routed) throw new Error('expected a routed signal');
    return { rule: result.signal.routing.rule, teamId: result.signal.teamId };
  }
  const jeugdEnGezin = { rule: 'R4', teamId: 'bt-jg-overvecht' };
  const sociaal = { rule: 'R5', teamId: 'bt-sociaal-overvecht' };

  it('a "minor" born in 2003 is 23: the family goes to Sociaal (R5)', () => {
    expect(routeWith([{ birthDate: '2003-04-12' }], '2026-11-23T10:00:00+01:00')).toEqual(sociaal);
  });

  it('a child turning 18 on the receipt date is an adult (R5); one day younger is 17 (R4)', () => {
    expect(routeWith([{ birthDate: '2008-11-23' }], '2026-11-23T10:00:00+01:00')).toEqual(sociaal);
    expect(routeWith([{ birthDate: '2008-11-24' }], '2026-11-23T10:00:00+01:00')).toEqual(jeugdEnGezin);
  });

  it('the receipt date is the Amsterdam date: 00:30 on the birthday in Amsterdam is still 23:30 UTC the day before', () => {
    expect(routeWith([{ birthDate: '2008-11-23' }], '2026-11-22T23:30:00Z')).toEqual(sociaal);
    expect(routeWith([{ birthDate: '2008-11-23' }], '2026-11-22T22:30:00Z')).toEqual(jeugdEnGezin);
  });

  it('a 29 February birthday turns a year older on 1 March in a common year, on 29 February in a leap year', () => {
    const born = [{ birthDate: '2008-02-29' }];
    expect(routeWith(born, '2026-02-28T12:00:00+01:00')).toEqual(jeugdEnGezin); // 17
    expect(routeWith(born, '2026-03-01T12:00:00+01:00')).toEqual(sociaal); // 18
    const bornLeap = [{ birthDate: '2010-02-29' }];
    expect(routeWith(bornLeap, '2028-02-28T12:00:00+01:00')).toEqual(jeugdEnGezin); // 17
    expect(routeWith(bornLeap, '2028-02-29T12:00:00+01:00')).toEqual(sociaal); // 18
  });

  it('one real minor among adult children is enough (R4); a listed child without a birth date counts', () => {
    expect(
      routeWith([{ birthDate: '2003-04-12' }, { birthDate: '2015-01-01' }], '2026-11-23T10:00:00+01:00'),
    ).toEqual(jeugdEnGezin);
    expect(routeWith([{}], '2026-11-23T10:00:00+01:00')).toEqual(jeugdEnGezin);
    expect(routeWith([], '2026-11-23T10:00:00+01:00')).toEqual(sociaal);
  });
});
