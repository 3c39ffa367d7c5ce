import { describe, expect, it } from 'vitest';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import { careReportToSignal } from '../../shared/domain/care-report.ts';
import { closableWithoutContact } from '../../shared/domain/closing-rules.ts';
import { recordContactAttempt } from '../../shared/domain/contact-attempts.ts';
import { DomainError } from '../../shared/domain/domain-error.ts';
import { nextEscalation, withEscalation } from '../../shared/domain/escalation-ladder.ts';
import { escalationResolution } from '../../shared/domain/escalation-resolution.ts';
import { partnerFeedback } from '../../shared/domain/feedback.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import { OUTCOME_CODES } from '../../shared/domain/outcomes.ts';
import { principalLabel } from '../../shared/domain/principal-labels.ts';
import { addMonths, retentionOf } from '../../shared/domain/retention.ts';
import { type Signal, toDetail } from '../../shared/domain/signal.ts';
import { close } from '../../shared/domain/team-actions.ts';
import { sampleCareReports } from '../support/samples.ts';

// Issue 15, build 2 and 4b: closing a signal — the zero-contact rule (DESIGN O1 with C4), who closed
// it, whether its escalations are resolved (D3, D4), and Veilig Thuis taking a forward into handling
// (C2), with the ladder (D4) and retention (P1) of such a closed forward.
const RECEIVED = '2026-11-23T10:00:00+01:00';
const NOW = new Date('2026-11-25T10:00:00+01:00');
const MEMBER = { id: 'dev-bt-sociaal-overvecht', role: 'team-member', scope: 'bt-sociaal-overvecht' };
const COORDINATOR = { id: 'sub-4711', role: 'coordinator', scope: 'bt-sociaal-oost' };
const VEILIG_THUIS = { id: 'dev-veilig-thuis', role: 'team-member', scope: 'veilig-thuis' };

function openSignal(): Signal {
  const result = careReportToSignal(careReportSchema.parse(sampleCareReports()[0]), {
    signalId: 'sig_close',
    source: 'politie-utrecht',
    receivedAt: new Date(RECEIVED),
    calendar: municipalCalendar,
  });
  if (!result.routed) throw new Error('sample 456 routes');
  return result.signal; // bt-sociaal-overvecht, due 2026-11-30
}

/** Sample 457: domestic violence, so R1 forwards it to Veilig Thuis (C2). */
function forward(): Signal {
  const result = careReportToSignal(careReportSchema.parse(sampleCareReports()[1]), {
    signalId: 'sig_forward',
    source: 'politie-utrecht',
    receivedAt: new Date(RECEIVED),
    calendar: municipalCalendar,
  });
  if (!result.routed || result.signal.status !== 'forwarded') throw new Error('sample 457 is forwarded');
  return result.signal;
}

const attempted = (signal: Signal, reached = false) =>
  recordContactAttempt(
    signal,
    { kind: 'telefoon', reached, at: new Date('2026-11-24T09:00:00+01:00') },
    MEMBER.id,
    NOW,
  );

function refusal(action: () => unknown): { code: string; field?: string | undefined; message: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('closing without any contact attempt: only as niet opgepakt (issue 15, O1, C4)', () => {
  const notPickedUp = OUTCOME_CODES.filter((outcome) => outcome.partner === 'niet-opgepakt');

  it('the outcome list has both kinds, and the rule follows its partner field alone', () => {
    expect(notPickedUp.map((outcome) => outcome.code)).toEqual([
      'niet-opgepakt-onterecht',
      'niet-opgepakt-herhaalde-melding',
      'niet-opgepakt-geen-toestemming',
      'niet-opgepakt-andere-reden',
    ]);
    for (const outcome of OUTCOME_CODES) {
      expect(closableWithoutContact(outcome)).toBe(outcome.partner === 'niet-opgepakt');
    }
  });

  it.each(OUTCOME_CODES.map((outcome) => [outcome.code, outcome.partner] as const))(
    '%s (partner: %s) without a contact attempt',
    (code, partner) => {
      const signal = openSignal();
      expect(signal.contactAttempts).toEqual([]);

      if (partner === 'niet-opgepakt') {
        expect(close(signal, code, MEMBER, NOW)).toMatchObject({ status: 'closed', outcome: code });
      } else {
        expect(refusal(() => close(signal, code, MEMBER, NOW))).toEqual({
          code: 'contact-attempt-required',
          field: 'outcome',
          message:
            "Zonder contactpoging kan dit signaal alleen worden afgesloten als 'niet opgepakt' (kies een uitkomst 'Niet opgepakt: …'). Leg anders eerst een contactpoging vast.",
        });
      }
    },
  );

  it.each(OUTCOME_CODES.map((outcome) => [outcome.code]))(
    '%s after one contact attempt, even one that did not reach the resident',
    (code) => {
      const closed = close(attempted(openSignal()), code, MEMBER, NOW);

      expect(closed).toMatchObject({ status: 'closed', outcome: code, closedFrom: 'open' });
      expect(partnerFeedback(undefined, closed)).toBe(
        OUTCOME_CODES.find((outcome) => outcome.code === code)?.partner,
      );
    },
  );

  it('an unknown code is still O1’s unknown-outcome, a closed signal still a conflict', () => {
    expect(refusal(() => close(openSignal(), 'opgelost', MEMBER, NOW)).code).toBe('unknown-outcome');
    const closed = close(attempted(openSignal()), 'vervolghulp', MEMBER, NOW);
    expect(refusal(() => close(closed, 'al-bekend', MEMBER, NOW)).code).toBe('signal-not-open');
  });
});

describe('who closed it (issue 15): kept as the principal, shown in words', () => {
  it('closedBy on the signal, with a readable displayName in the detail — never the id as a name', () => {
    const closed = close(attempted(openSignal()), 'vervolghulp', COORDINATOR, NOW);

    expect(closed.closedBy).toEqual({
      principalId: 'sub-4711',
      role: 'coordinator',
      scope: 'bt-sociaal-oost',
    });
    expect(toDetail(closed, NOW)).toMatchObject({
      status: 'closed',
      closedAt: '2026-11-25T10:00:00+01:00',
      closedBy: {
        principalId: 'sub-4711',
        role: 'coordinator',
        scope: 'bt-sociaal-oost',
        displayName: 'Coördinator · Buurtteam Sociaal Oost',
      },
    });
    expect(toDetail(openSignal(), NOW).closedBy).toBeUndefined();
  });

  it.each([
    [
      { role: 'team-member', scope: 'bt-jg-overvecht' },
      'Medewerker buurtteam · Buurtteam Jeugd & Gezin Overvecht',
    ],
    [{ role: 'coordinator', scope: 'veilig-thuis' }, 'Coördinator · Veilig Thuis'],
    [{ role: 'manager', scope: 'jg' }, 'Manager · Buurtteams Jeugd & Gezin'],
    [{ role: 'manager', scope: 'sociaal' }, 'Manager · Buurtteams Sociaal'],
    [{ role: 'police', scope: 'politie-utrecht' }, 'Politie · Politie Utrecht'],
    [{ role: 'housing-corporation', scope: 'bo-ex' }, 'Woningcorporatie · Bo-Ex'],
    [{ role: 'energy-forwarder', scope: 'werk-en-inkomen' }, 'Werk & Inkomen'],
    [{ role: 'municipality', scope: 'gemeente' }, 'Gemeente'],
    [{ role: 'admin', scope: '*' }, 'Beheerder'],
    [{ role: 'cbs', scope: 'cbs' }, 'CBS'],
  ])('principalLabel(%o) = %s', (principal, label) => {
    expect(principalLabel(principal)).toBe(label);
  });
});

describe('escalations resolved or not, derived (issue 15, D3, D4)', () => {
  const level1 = {
    level: 1 as const,
    at: '2026-12-01T00:00:00+01:00',
    recipient: { role: 'coordinator' as const, scope: 'bt-sociaal-overvecht' },
  };
  const escalated = () => withEscalation(openSignal(), level1);

  it('open without first contact: not resolved', () => {
    expect(escalationResolution(escalated())).toBeUndefined();
    expect(toDetail(escalated(), NOW).escalations).toEqual([{ ...level1, resolved: false }]);
  });

  it('an unreached attempt resolves nothing; the first reached contact does, at its own time', () => {
    expect(toDetail(attempted(escalated()), NOW).escalations[0]?.resolved).toBe(false);
    const reached = recordContactAttempt(
      escalated(),
      { kind: 'huisbezoek', reached: true, at: new Date('2026-12-02T14:00:00+01:00') },
      MEMBER.id,
      new Date('2026-12-02T15:00:00+01:00'),
    );

    expect(toDetail(reached, NOW).escalations).toEqual([
      {
        ...level1,
        resolved: true,
        resolvedAt: '2026-12-02T14:00:00+01:00',
        resolvedThrough: 'first-contact',
      },
    ]);
  });

  it('closing resolves it at the closing instant', () => {
    const closed = close(
      attempted(escalated()),
      'definitief-geen-contact',
      MEMBER,
      new Date('2026-12-03T11:00:00+01:00'),
    );

    expect(toDetail(closed, NOW).escalations).toEqual([
      { ...level1, resolved: true, resolvedAt: '2026-12-03T11:00:00+01:00', resolvedThrough: 'closed' },
    ]);
  });
});

describe('Veilig Thuis takes a forward into handling (issue 15 build 4b, C2)', () => {
  it('doorgezet-veilig-thuis closes the forward: closed, from forwarded, by Veilig Thuis, no contact asked', () => {
    const closed = close(forward(), 'doorgezet-veilig-thuis', VEILIG_THUIS, NOW);

    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'doorgezet-veilig-thuis',
      closedAt: '2026-11-25T10:00:00+01:00',
      closedFrom: 'forwarded',
      closedBy: { principalId: 'dev-veilig-thuis', role: 'team-member', scope: 'veilig-thuis' },
      contactAttempts: [],
    });
    // C4: the partner saw `afgerond` from the forward on, and still does.
    expect(partnerFeedback(undefined, forward())).toBe('afgerond');
    expect(partnerFeedback(undefined, closed)).toBe('afgerond');
    expect(toDetail(closed, NOW).closedBy?.displayName).toBe('Medewerker buurtteam · Veilig Thuis');
  });

  it.each(
    OUTCOME_CODES.filter((outcome) => outcome.code !== 'doorgezet-veilig-thuis').map((outcome) => [
      outcome.code,
    ]),
  )('any other outcome on a forward is refused: %s', (code) => {
    expect(refusal(() => close(forward(), code, VEILIG_THUIS, NOW))).toEqual({
      code: 'forward-outcome-required',
      field: 'outcome',
      message:
        "Een doorgezette melding neemt Veilig Thuis in behandeling met de uitkomst 'doorgezet-veilig-thuis' (Doorgezet naar Veilig Thuis); een andere uitkomst kan hier niet.",
    });
  });

  it('taken into handling twice is a conflict', () => {
    const closed = close(forward(), 'doorgezet-veilig-thuis', VEILIG_THUIS, NOW);
    expect(refusal(() => close(closed, 'doorgezet-veilig-thuis', VEILIG_THUIS, NOW)).code).toBe(
      'signal-not-open',
    );
  });

  it('D4: a forward waits for level 3 at once; taken into handling, it waits for nothing and is resolved', () => {
    const level3 = {
      level: 3 as const,
      at: RECEIVED,
      recipient: { role: 'veilig-thuis' as const, scope: 'veilig-thuis' },
    };
    expect(nextEscalation(forward(), municipalCalendar)?.level).toBe(3);
    expect(toDetail(withEscalation(forward(), level3), NOW).escalations).toEqual([
      { ...level3, resolved: false },
    ]);

    const delivered = close(withEscalation(forward(), level3), 'doorgezet-veilig-thuis', VEILIG_THUIS, NOW);
    const beforeSweep = close(forward(), 'doorgezet-veilig-thuis', VEILIG_THUIS, NOW);

    expect(nextEscalation(delivered, municipalCalendar)).toBeUndefined();
    // Taken into handling before the sweep delivered level 3: nothing left to tell Veilig Thuis.
    expect(nextEscalation(beforeSweep, municipalCalendar)).toBeUndefined();
    expect(toDetail(delivered, NOW).escalations).toEqual([
      { ...level3, resolved: true, resolvedAt: '2026-11-25T10:00:00+01:00', resolvedThrough: 'closed' },
    ]);
  });

  it('P1: a forward taken into handling still goes 6 months after receipt, reason forwarded', () => {
    const closed = close(forward(), 'doorgezet-veilig-thuis', VEILIG_THUIS, NOW);
    const sixMonths = { expiresAt: addMonths(new Date(RECEIVED), 6), reason: 'forwarded' };

    expect(retentionOf(forward())).toEqual(sixMonths);
    expect(retentionOf(closed)).toEqual(sixMonths);
    // A Buurtteam's closed case keeps its 12 months after closing.
    const buurtteam = close(attempted(openSignal()), 'vervolghulp', MEMBER, NOW);
    expect(retentionOf(buurtteam)).toEqual({ expiresAt: addMonths(NOW, 12), reason: 'closed' });
  });
});
