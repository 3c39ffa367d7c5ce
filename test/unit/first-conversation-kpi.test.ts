import { describe, expect, it } from 'vitest';
import { firstContactKpi } from '../../shared/application/first-contact-kpi.ts';
import type { DueSignal } from '../../shared/application/ports.ts';
import type { CalendarDate } from '../../shared/domain/amsterdam-time.ts';
import type { Appointment } from '../../shared/domain/appointments.ts';
import { summariseFirstConversation } from '../../shared/domain/first-conversation.ts';

// Issue 17 acceptance 2 (DESIGN A3): the KPI per team and week of due date on 20 signals whose
// category was worked out by hand, one comment per signal. Week Mon 23 – Sun 29 November 2026; the
// service's clock stands on Friday 27 November 12:00, so deadlines up to Thursday have passed and
// Friday's has not. A deadline is the end of the due date, 23:59:59 Amsterdam time (D2).
const NOW = new Date('2026-11-27T12:00:00+01:00');
const WEEK = { from: '2026-11-23' as CalendarDate, to: '2026-11-29' as CalendarDate };
const A = 'bt-sociaal-overvecht';
const B = 'bt-jg-overvecht';

/** Day 1–3: December; 20–30: November. */
const at = (day: number, time: string) =>
  `2026-${day <= 3 ? '12' : '11'}-${String(day).padStart(2, '0')}T${time}+01:00`;

function appointment(status: Appointment['status'], startsAt: string, opVerzoekInwoner = false): Appointment {
  return {
    appointmentId: `afs_${startsAt}`,
    startsAt,
    place: 'thuis',
    opVerzoekInwoner,
    status,
    plannedAt: '2026-11-20T09:00:00+01:00',
    plannedBy: 'dev-test',
  };
}

let counter = 0;
function due(
  teamId: string,
  dueDay: number,
  facts: {
    firstContactAt?: string;
    appointments?: Appointment[];
    status?: DueSignal['status'];
  } = {},
): { teamId: string; signal: DueSignal } {
  const deadlineAt = at(dueDay, '23:59:59');
  return {
    teamId,
    signal: {
      signalId: `sig_${++counter}`,
      source: 'politie-utrecht',
      receivedAt: '2026-11-16T09:00:00+01:00',
      status: facts.status ?? 'open',
      deadlineAt,
      firstContactAt: facts.firstContactAt,
      firstConversation: summariseFirstConversation({ appointments: facts.appointments ?? [], deadlineAt }),
    },
  };
}

const SIGNALS = [
  // Team A: 12 signals, one of them forwarded to Veilig Thuis (not counted): 11 due.
  // 1 held in time: reached on the 20th, conversation on the due date; the resident asked for a
  // follow-up on 1 December, which does not make the first conversation "later".
  due(A, 23, {
    firstContactAt: at(20, '10:00:00'),
    appointments: [
      appointment('gehouden', at(23, '10:00:00')),
      appointment('gepland', at(1, '14:00:00'), true),
    ],
  }),
  // 2 held in time, at the last half hour of the due date (the held appointment is the first contact).
  due(A, 23, {
    firstContactAt: at(23, '23:30:00'),
    appointments: [appointment('gehouden', at(23, '23:30:00'))],
  }),
  // 3 later at own request: reached in time, the resident wants 1 December (planned).
  due(A, 24, {
    firstContactAt: at(24, '09:00:00'),
    appointments: [appointment('gepland', at(1, '10:00:00'), true)],
  }),
  // 4 later at own request, held after the deadline; its first contact was that late conversation.
  due(A, 24, {
    firstContactAt: at(26, '10:00:00'),
    appointments: [appointment('gehouden', at(26, '10:00:00'), true)],
  }),
  // 5 contact in time: the team itself chose a date after the deadline — not at the resident's request.
  due(A, 24, {
    firstContactAt: at(23, '16:00:00'),
    appointments: [appointment('gepland', at(30, '10:00:00'))],
  }),
  // 6 contact in time within the last second of the due date (the deadline is 23:59:59.999).
  due(A, 25, { firstContactAt: at(25, '23:59:59.500') }),
  // 7 late: first contact one second after the deadline.
  due(A, 25, { firstContactAt: at(26, '00:00:00') }),
  // 8 late: open, nobody reached, the deadline of the 25th has passed.
  due(A, 25),
  // 9 none yet: open, not reached, the deadline is tonight.
  due(A, 27),
  // 10 late: closed without any contact, after its deadline passed.
  due(A, 26, { status: 'closed' }),
  // 11 none yet: closed without contact, its deadline (tonight) has not passed.
  due(A, 27, { status: 'closed' }),
  // 12 forwarded to Veilig Thuis: not the team's to contact, not counted (as before).
  due(A, 26, { status: 'forwarded' }),
  // Team B: 8 signals, all due.
  // 13 contact in time; the resident's later appointment was cancelled, so it no longer counts.
  due(B, 23, {
    firstContactAt: at(20, '11:00:00'),
    appointments: [appointment('geannuleerd', at(30, '10:00:00'), true)],
  }),
  // 14 late: the resident asked for the 24th, after the deadline, but did not show; no contact at all.
  due(B, 23, { appointments: [appointment('niet-verschenen', at(24, '10:00:00'), true)] }),
  // 15 held in time, a day before the deadline.
  due(B, 26, {
    firstContactAt: at(25, '14:00:00'),
    appointments: [appointment('gehouden', at(25, '14:00:00'))],
  }),
  // 16 late: held after the deadline at a time the team chose; it was the first contact.
  due(B, 26, {
    firstContactAt: at(27, '09:00:00'),
    appointments: [appointment('gehouden', at(27, '09:00:00'))],
  }),
  // 17 later at own request: planned for 3 December, nobody contacted yet, deadline tonight.
  due(B, 27, { appointments: [appointment('gepland', at(3, '10:00:00'), true)] }),
  // 18 contact in time; the conversation this afternoon is planned, not yet held.
  due(B, 27, {
    firstContactAt: at(26, '09:00:00'),
    appointments: [appointment('gepland', at(27, '15:00:00'))],
  }),
  // 19 none yet: at the resident's request, but before the deadline — nothing pauses, nothing late.
  due(B, 27, { appointments: [appointment('gepland', at(27, '15:00:00'), true)] }),
  // 20 held in time; at the resident's own request, which does not matter within the deadline.
  due(B, 24, {
    firstContactAt: at(24, '14:00:00'),
    appointments: [appointment('gehouden', at(24, '14:00:00'), true)],
  }),
];

const store = {
  async dueBetween(teamId: string, from: CalendarDate, to: CalendarDate) {
    return SIGNALS.filter(
      (entry) =>
        entry.teamId === teamId &&
        entry.signal.deadlineAt.slice(0, 10) >= from &&
        entry.signal.deadlineAt.slice(0, 10) <= to,
    ).map((entry) => entry.signal);
  },
};

describe('the first-conversation KPI per team and week (DESIGN A3, issue 17)', () => {
  it('puts each of 20 hand-worked signals in its category, per team and in total', async () => {
    // Prepare / Act
    const kpi = await firstContactKpi([A, B], WEEK, NOW, store);

    // Assess: team A 11 due — held 1, 2; later 3, 4; contact 5, 6; none yet 9, 11; late 7, 8, 10.
    const [teamA, teamB] = kpi.teams;
    expect(SIGNALS).toHaveLength(20);
    expect(teamA?.teamId).toBe(A);
    expect(teamA?.due).toBe(11);
    expect(teamA?.firstConversation).toEqual({
      heldInTime: 2,
      laterAtOwnRequest: 2,
      contactInTime: 2,
      noneYet: 2,
      lateOtherwise: 3,
      percent: {
        heldInTime: 18.2,
        laterAtOwnRequest: 18.2,
        contactInTime: 18.2,
        noneYet: 18.2,
        lateOtherwise: 27.3,
      },
    });
    // The first-contact breakdown beside it: in time 1, 2, 3, 5, 6; late 4, 7; open overdue 8;
    // open within 9; closed without contact 10, 11.
    expect(teamA).toMatchObject({
      contactedInTime: 5,
      contactedLate: 2,
      openOverdue: 1,
      openWithinDeadline: 1,
      closedWithoutContact: 2,
      percentInTime: 45.5,
      conversationHeldInTime: 2,
      laterAtOwnRequest: 2,
    });

    // Team B 8 due — held 15, 20; later 17; contact 13, 18; none yet 19; late 14, 16.
    expect(teamB?.teamId).toBe(B);
    expect(teamB?.due).toBe(8);
    expect(teamB?.firstConversation).toEqual({
      heldInTime: 2,
      laterAtOwnRequest: 1,
      contactInTime: 2,
      noneYet: 1,
      lateOtherwise: 2,
      percent: {
        heldInTime: 25,
        laterAtOwnRequest: 12.5,
        contactInTime: 25,
        noneYet: 12.5,
        lateOtherwise: 25,
      },
    });
    expect(teamB).toMatchObject({
      contactedInTime: 4,
      contactedLate: 1,
      openOverdue: 1,
      openWithinDeadline: 2,
    });

    // In total 19 due: held 4, later 3, contact 4, none yet 3, late 5.
    expect(kpi.total.due).toBe(19);
    expect(kpi.total.firstConversation).toEqual({
      heldInTime: 4,
      laterAtOwnRequest: 3,
      contactInTime: 4,
      noneYet: 3,
      lateOtherwise: 5,
      percent: {
        heldInTime: 21.1,
        laterAtOwnRequest: 15.8,
        contactInTime: 21.1,
        noneYet: 15.8,
        lateOtherwise: 26.3,
      },
    });
    expect(kpi.total).toMatchObject({ conversationHeldInTime: 4, laterAtOwnRequest: 3 });
  });

  it('counts nothing and gives no percentage for a team with nothing due that week', async () => {
    const kpi = await firstContactKpi(['bt-sociaal-zuid'], WEEK, NOW, store);

    expect(kpi.teams[0]?.firstConversation).toEqual({
      heldInTime: 0,
      laterAtOwnRequest: 0,
      contactInTime: 0,
      noneYet: 0,
      lateOtherwise: 0,
      percent: {
        heldInTime: null,
        laterAtOwnRequest: null,
        contactInTime: null,
        noneYet: null,
        lateOtherwise: null,
      },
    });
  });

  it('no longer counts an appointment as "later at own request" once it is cancelled', async () => {
    // Signal 3's resident cancels the later appointment: the team reached them in time, nothing stands.
    const cancelled = summariseFirstConversation({
      appointments: [appointment('geannuleerd', at(1, '10:00:00'), true)],
      deadlineAt: at(24, '23:59:59'),
    });
    expect(cancelled).toEqual({});
    const planned = summariseFirstConversation({
      appointments: [appointment('gepland', at(1, '10:00:00'), true)],
      deadlineAt: at(24, '23:59:59'),
    });
    expect(planned).toEqual({
      next: {
        appointmentId: `afs_${at(1, '10:00:00')}`,
        startsAt: at(1, '10:00:00'),
        place: 'thuis',
        opVerzoekInwoner: true,
      },
      laterAtOwnRequest: true,
    });
  });
});
