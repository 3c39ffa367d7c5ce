import { describe, expect, it } from 'vitest';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import {
  ladderPausedByAppointment,
  planAppointment,
  recordAppointmentOutcome,
} from '../../shared/domain/appointments.ts';
import { careReportToSignal } from '../../shared/domain/care-report.ts';
import { DomainError } from '../../shared/domain/domain-error.ts';
import { nextEscalation, withEscalation } from '../../shared/domain/escalation-ladder.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import { type Signal, toDetail, toListItem } from '../../shared/domain/signal.ts';
import { sampleCareReports } from '../support/samples.ts';

// Issue 17 in the domain: the first conversation as an appointment (DESIGN A1) and the ladder it may
// pause (A2, D4). Received Monday 23 November 2026, due Monday 30 November (deadline 23:59:59).

const WORKER = 'dev-bt-sociaal-overvecht';
const at = (iso: string) => new Date(iso);

function received(overrides: Partial<Signal> = {}): Signal {
  const result = careReportToSignal(careReportSchema.parse(sampleCareReports()[0]), {
    signalId: 'sig_afspraak',
    source: 'politie-utrecht',
    receivedAt: at('2026-11-23T10:00:00+01:00'),
    calendar: municipalCalendar,
  });
  if (!result.routed) throw new Error('sample routes');
  return { ...result.signal, ...overrides };
}

const plan = (
  signal: Signal,
  startsAt: string,
  opVerzoekInwoner: boolean,
  id = 'afs_1',
  now = '2026-11-24T09:00:00+01:00',
) =>
  planAppointment(signal, { startsAt: at(startsAt), place: 'thuis', opVerzoekInwoner }, WORKER, at(now), id);

/** Level 1 delivered on Tuesday 1 December, as the sweep would record it. */
const afterLevelOne = (signal: Signal) =>
  withEscalation(signal, {
    level: 1,
    at: '2026-12-01T00:00:05+01:00',
    recipient: { role: 'coordinator', scope: signal.teamId },
  });

describe('A1: planning the first conversation', () => {
  it('plans one, shows it as the next appointment, and keeps who and when', () => {
    const planned = plan(received(), '2026-11-26T14:00:00+01:00', false);

    expect(planned.appointments).toEqual([
      {
        appointmentId: 'afs_1',
        startsAt: '2026-11-26T14:00:00+01:00',
        place: 'thuis',
        opVerzoekInwoner: false,
        note: undefined,
        status: 'gepland',
        plannedAt: '2026-11-24T09:00:00+01:00',
        plannedBy: WORKER,
      },
    ]);
    expect(planned.firstConversation?.next?.startsAt).toBe('2026-11-26T14:00:00+01:00');
  });

  it('one stands at a time: reschedule is cancel + plan, and the history keeps both', () => {
    const planned = plan(received(), '2026-11-26T14:00:00+01:00', false);

    expect(() => plan(planned, '2026-11-27T14:00:00+01:00', false, 'afs_2')).toThrow(
      expect.objectContaining({ code: 'appointment-already-planned' }),
    );
    const cancelled = recordAppointmentOutcome(
      planned,
      'afs_1',
      'geannuleerd',
      WORKER,
      at('2026-11-25T09:00:00+01:00'),
    );
    const moved = plan(cancelled, '2026-11-27T14:00:00+01:00', false, 'afs_2');

    expect(moved.appointments?.map((each) => [each.appointmentId, each.status])).toEqual([
      ['afs_1', 'geannuleerd'],
      ['afs_2', 'gepland'],
    ]);
    expect(moved.firstConversation?.next?.startsAt).toBe('2026-11-27T14:00:00+01:00');
  });

  it('the list and the page show the planned one as next while the signal is open, not once it is closed', () => {
    const planned = plan(received(), '2026-11-26T14:00:00+01:00', false);
    const closed: Signal = { ...planned, status: 'closed' };
    const now = at('2026-11-25T09:00:00+01:00');

    expect(toListItem(planned, now).nextAppointmentAt).toBe('2026-11-26T14:00:00+01:00');
    expect(toDetail(planned, now).nextAppointmentAt).toBe('2026-11-26T14:00:00+01:00');
    expect(toListItem(closed, now).nextAppointmentAt).toBeUndefined();
    expect(toDetail(closed, now).nextAppointmentAt).toBeUndefined();
  });

  it('refuses an appointment before receipt, or on a closed signal', () => {
    expect(() => plan(received(), '2026-11-22T14:00:00+01:00', false)).toThrow(DomainError);
    expect(() => plan(received({ status: 'closed' }), '2026-11-26T14:00:00+01:00', false)).toThrow(
      expect.objectContaining({ code: 'signal-not-open' }),
    );
  });

  it('held or missed only once its time has come; cancelled any time; never twice', () => {
    const planned = plan(received(), '2026-11-26T14:00:00+01:00', false);
    const before = at('2026-11-26T13:59:00+01:00');

    expect(() => recordAppointmentOutcome(planned, 'afs_1', 'gehouden', WORKER, before)).toThrow(
      expect.objectContaining({ code: 'appointment-in-future' }),
    );
    expect(() => recordAppointmentOutcome(planned, 'afs_1', 'niet-verschenen', WORKER, before)).toThrow(
      DomainError,
    );
    const cancelled = recordAppointmentOutcome(planned, 'afs_1', 'geannuleerd', WORKER, before);
    expect(() =>
      recordAppointmentOutcome(cancelled, 'afs_1', 'gehouden', WORKER, at('2026-11-26T15:00:00+01:00')),
    ).toThrow(expect.objectContaining({ code: 'appointment-not-planned' }));
    expect(() => recordAppointmentOutcome(planned, 'afs_x', 'gehouden', WORKER, before)).toThrow(
      expect.objectContaining({ code: 'appointment-not-found' }),
    );
  });

  it('a held appointment is a reached contact (afspraak op locatie) at its start: the first contact, in time', () => {
    const planned = plan(received(), '2026-11-26T14:00:00+01:00', false);

    const held = recordAppointmentOutcome(
      planned,
      'afs_1',
      'gehouden',
      WORKER,
      at('2026-11-26T16:00:00+01:00'),
    );

    expect(held.appointments?.[0]).toMatchObject({ status: 'gehouden', statusBy: WORKER });
    expect(held.contactAttempts).toEqual([
      expect.objectContaining({
        kind: 'afspraak-op-locatie',
        reached: true,
        at: '2026-11-26T14:00:00+01:00',
      }),
    ]);
    expect(held.firstContactAt).toBe('2026-11-26T14:00:00+01:00');
    expect(held.firstContactInTime).toBe(true);
    expect(held.version).toBe(planned.version + 1);
    expect(nextEscalation(held, municipalCalendar)).toBeUndefined();
  });

  it('a held appointment after an earlier reached contact does not move the first contact', () => {
    const contacted = received({
      contactAttempts: [],
      firstContactAt: '2026-11-24T10:00:00+01:00',
      firstContactInTime: true,
    });
    const planned = plan(contacted, '2026-12-03T14:00:00+01:00', true);

    const held = recordAppointmentOutcome(
      planned,
      'afs_1',
      'gehouden',
      WORKER,
      at('2026-12-03T15:00:00+01:00'),
    );

    expect(held.firstContactAt).toBe('2026-11-24T10:00:00+01:00');
    expect(held.contactAttempts).toHaveLength(1);
  });
});

describe('A2: the ladder pauses for the resident’s own late appointment', () => {
  it('pauses (and leaves the sparse index) while it stands after the deadline at the resident’s request', () => {
    const planned = plan(received(), '2026-12-03T14:00:00+01:00', true);

    expect(ladderPausedByAppointment(planned)).toBe(true);
    expect(nextEscalation(planned, municipalCalendar)).toBeUndefined();
  });

  it('never pauses for an appointment the team chose late', () => {
    const planned = plan(received(), '2026-12-03T14:00:00+01:00', false);

    expect(ladderPausedByAppointment(planned)).toBe(false);
    expect(nextEscalation(planned, municipalCalendar)).toEqual({
      level: 1,
      dueAfter: at('2026-11-30T23:59:59.999+01:00'),
    });
  });

  it('an own-request appointment within the deadline does not pause: it is not late', () => {
    const planned = plan(received(), '2026-11-30T23:59:59+01:00', true);

    expect(nextEscalation(planned, municipalCalendar)?.level).toBe(1);
  });

  it('resumes where it was after niet-verschenen: the level it waited for, none sent twice, none skipped', () => {
    const escalated = afterLevelOne(received());
    const planned = plan(escalated, '2026-12-08T14:00:00+01:00', true, 'afs_1', '2026-12-01T10:00:00+01:00');
    expect(nextEscalation(planned, municipalCalendar)).toBeUndefined();

    const missed = recordAppointmentOutcome(
      planned,
      'afs_1',
      'niet-verschenen',
      WORKER,
      at('2026-12-08T15:00:00+01:00'),
    );

    // Level 2 was due after 2 December: due at once, and level 1 is not sent again.
    expect(nextEscalation(missed, municipalCalendar)).toEqual({
      level: 2,
      dueAfter: at('2026-12-02T23:59:59.999+01:00'),
    });
    expect(missed.escalations.map((escalation) => escalation.level)).toEqual([1]);
    expect(missed.escalationLevel).toBe(1);
  });

  it('resumes after a cancellation too', () => {
    const planned = plan(received(), '2026-12-03T14:00:00+01:00', true);

    const cancelled = recordAppointmentOutcome(
      planned,
      'afs_1',
      'geannuleerd',
      WORKER,
      at('2026-11-27T09:00:00+01:00'),
    );

    expect(nextEscalation(cancelled, municipalCalendar)?.level).toBe(1);
  });
});
