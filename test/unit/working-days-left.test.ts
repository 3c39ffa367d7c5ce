import { describe, expect, it } from 'vitest';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import { type Signal, toListItem } from '../../shared/domain/signal.ts';
import { workingDaysLeft } from '../../shared/domain/working-days-left.ts';

// Issue 15 build 5, DESIGN D1–D2: the inbox counts days left as the promise does, in working days
// of the Algemene termijnenwet. The expectations are counted by hand on the 2026/2027 calendar:
// Christmas is Friday 25 and Saturday 26 December 2026; Easter 2027 is Sunday 28 March, so Goede
// Vrijdag is 26 March and Tweede Paasdag 29 March.
describe('workingDaysLeft (D1–D2)', () => {
  it.each([
    ['2026-12-21', '2026-12-28', 4, '22, 23, 24 and 28 December; Christmas and the weekend do not count'],
    ['2026-12-28', '2026-12-28', 0, 'the due date itself: the last day'],
    [
      '2027-03-24',
      '2027-03-30',
      2,
      'Thursday 25 and Tuesday 30 March; Goede Vrijdag and Tweede Paasdag do not count',
    ],
    [
      '2026-12-29',
      '2026-12-24',
      -2,
      'late by Monday 28 and Tuesday 29; Christmas and the weekend do not count',
    ],
    ['2026-12-05', '2026-12-04', 0, 'the Saturday after a Friday due date: no working day has gone by'],
    ['2026-12-07', '2026-12-04', -1, 'the Monday after: one working day late'],
  ])('today %s, due %s → %i (%s)', (today, due, expected) => {
    expect(workingDaysLeft(municipalCalendar, today, due)).toBe(expected);
  });
});

describe('the inbox row carries it only while the first contact is awaited', () => {
  const base = {
    signalId: 'sig_x',
    status: 'open',
    dueDate: '2026-12-28',
    deadlineAt: '2026-12-28T23:59:59+01:00',
    flags: [],
    person: { surname: 'Test' },
    address: { postcode: '3561AB', houseNumber: 1 },
    routing: { rule: 'R5', explanation: '' },
  } as unknown as Signal;
  const now = new Date('2026-12-21T09:00:00+01:00');

  it('open, no contact yet: the working days left', () => {
    expect(toListItem(base, now).workingDaysLeft).toBe(4);
  });

  it('after the first contact, or closed: none', () => {
    expect(
      toListItem({ ...base, firstContactAt: '2026-12-21T08:00:00+01:00' }, now).workingDaysLeft,
    ).toBeUndefined();
    expect(toListItem({ ...base, status: 'closed' }, now).workingDaysLeft).toBeUndefined();
  });
});
