import { describe, expect, it } from 'vitest';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import { careReportToSignal } from '../../shared/domain/care-report.ts';
import { DomainError } from '../../shared/domain/domain-error.ts';
import { nextEscalation, recipientFor, withEscalation } from '../../shared/domain/escalation-ladder.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import { close, reroute } from '../../shared/domain/team-actions.ts';
import { sampleCareReports } from '../support/samples.ts';

function signalReceived(receivedAt: string, overrides: Partial<Signal> = {}): Signal {
  const result = careReportToSignal(careReportSchema.parse(sampleCareReports()[0]), {
    signalId: 'sig_ladder',
    source: 'politie-utrecht',
    receivedAt: new Date(receivedAt),
    calendar: municipalCalendar,
  });
  if (!result.routed) throw new Error('sample 456 routes');
  return { ...result.signal, ...overrides };
}

const instant = (iso: string) => new Date(iso);
const WORKER = { id: 'dev-bt-sociaal-overvecht', role: 'team-member', scope: 'bt-sociaal-overvecht' };

describe('D4 escalation ladder', () => {
  it('level 1 at the end of the due date, level 2 two and level 3 five working days later', () => {
    const received = signalReceived('2026-11-23T10:00:00+01:00'); // due Monday 30 November

    expect(nextEscalation(received, municipalCalendar)).toEqual({
      level: 1,
      dueAfter: instant('2026-11-30T23:59:59.999+01:00'),
    });
    const afterOne = { ...received, escalationLevel: 1 as const };
    expect(nextEscalation(afterOne, municipalCalendar)).toEqual({
      level: 2,
      dueAfter: instant('2026-12-02T23:59:59.999+01:00'),
    });
    const afterTwo = { ...received, escalationLevel: 2 as const };
    expect(nextEscalation(afterTwo, municipalCalendar)).toEqual({
      level: 3,
      dueAfter: instant('2026-12-07T23:59:59.999+01:00'),
    });
    expect(nextEscalation({ ...received, escalationLevel: 3 }, municipalCalendar)).toBeUndefined();
  });

  it('counts working days over Christmas and New Year (D1)', () => {
    const received = signalReceived('2026-12-17T10:00:00+01:00'); // due Thursday 24 December

    expect(received.dueDate).toBe('2026-12-24');
    expect(nextEscalation({ ...received, escalationLevel: 1 }, municipalCalendar)?.dueAfter).toEqual(
      instant('2026-12-29T23:59:59.999+01:00'),
    );
    expect(nextEscalation({ ...received, escalationLevel: 2 }, municipalCalendar)?.dueAfter).toEqual(
      instant('2027-01-04T23:59:59.999+01:00'),
    );
  });

  it('nothing more once first contact is made or the signal is closed (D3)', () => {
    const received = signalReceived('2026-11-23T10:00:00+01:00');

    expect(
      nextEscalation({ ...received, firstContactAt: '2026-11-24T10:00:00+01:00' }, municipalCalendar),
    ).toBeUndefined();
    expect(nextEscalation({ ...received, status: 'closed' }, municipalCalendar)).toBeUndefined();
  });

  it('a Veilig Thuis forward is level 3 at once, once (C2)', () => {
    const forwarded = signalReceived('2026-11-23T10:00:00+01:00', {
      status: 'forwarded',
      teamId: 'veilig-thuis',
    });

    expect(nextEscalation(forwarded, municipalCalendar)).toEqual({
      level: 3,
      dueAfter: instant('2026-11-23T08:59:59.999Z'),
    });
    expect(nextEscalation({ ...forwarded, escalationLevel: 3 }, municipalCalendar)).toBeUndefined();
  });

  it.each([
    [1, 'bt-jg-zuid', { role: 'coordinator', scope: 'bt-jg-zuid' }],
    [2, 'bt-jg-zuid', { role: 'manager', scope: 'jg' }],
    [2, 'bt-sociaal-west', { role: 'manager', scope: 'sociaal' }],
    [3, 'bt-sociaal-west', { role: 'municipality', scope: 'gemeente' }],
    [2, 'toegang', { role: 'manager', scope: 'toegang' }],
    [3, 'veilig-thuis', { role: 'veilig-thuis', scope: 'veilig-thuis' }],
  ] as const)('level %i of %s goes to %j', (level, teamId, recipient) => {
    expect(recipientFor(level, teamId)).toEqual(recipient);
  });

  it('recording an escalation is idempotent', () => {
    const received = signalReceived('2026-11-23T10:00:00+01:00');
    const escalation = {
      level: 1 as const,
      at: '2026-12-01T00:00:01+01:00',
      recipient: recipientFor(1, received.teamId),
    };

    const once = withEscalation(received, escalation);
    const twice = withEscalation(once, escalation);

    expect(once.escalationLevel).toBe(1);
    expect(once.version).toBe(received.version + 1);
    expect(twice).toBe(once);
  });
});

describe('team actions', () => {
  const now = new Date('2026-11-25T10:00:00+01:00');

  it('reroute keeps the deadline and appends to the history', () => {
    const signal = signalReceived('2026-11-23T10:00:00+01:00');

    const moved = reroute(signal, 'bt-jg-overvecht', 'Kinderen in beeld', 'dev-bt-sociaal-overvecht', now);

    expect([moved.teamId, moved.dueDate, moved.deadlineAt]).toEqual([
      'bt-jg-overvecht',
      signal.dueDate,
      signal.deadlineAt,
    ]);
    expect(moved.routingHistory).toHaveLength(2);
    expect(moved.routingHistory[1]).toMatchObject({
      rule: 'reroute',
      teamId: 'bt-jg-overvecht',
      by: 'dev-bt-sociaal-overvecht',
    });
  });

  it.each([
    [
      'unknown team',
      () => reroute(signalReceived('2026-11-23T10:00:00+01:00'), 'bt-x', 'r', 'w', now),
      'unknown-team',
    ],
    [
      'same team',
      () => reroute(signalReceived('2026-11-23T10:00:00+01:00'), 'bt-sociaal-overvecht', 'r', 'w', now),
      'same-team',
    ],
    [
      'unknown outcome (O1)',
      () => close(signalReceived('2026-11-23T10:00:00+01:00'), 'klaar', WORKER, now),
      'unknown-outcome',
    ],
    [
      'closing twice',
      () =>
        close(signalReceived('2026-11-23T10:00:00+01:00', { status: 'closed' }), 'al-bekend', WORKER, now),
      'signal-not-open',
    ],
  ])('refuses %s', (_name, action, code) => {
    expect(action).toThrow(DomainError);
    expect(action).toThrow(expect.objectContaining({ code }));
  });

  it('close keeps the outcome and the moment', () => {
    const closed = close(
      signalReceived('2026-11-23T10:00:00+01:00'),
      'niet-opgepakt-andere-reden',
      WORKER,
      now,
    );

    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'niet-opgepakt-andere-reden',
      closedAt: '2026-11-25T10:00:00+01:00',
      closedBy: { principalId: WORKER.id, role: 'team-member', scope: 'bt-sociaal-overvecht' },
      closedFrom: 'open',
    });
  });
});
