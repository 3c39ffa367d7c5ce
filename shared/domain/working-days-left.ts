import { addCalendarDays, type CalendarDate } from './amsterdam-time.ts';
import type { WorkingDayCalendar } from './working-days.ts';

/** Beyond this the inbox says "te laat" anyway; counting further only costs time (P1 keeps a year). */
const LONGEST_COUNT = 400;

/**
 * D1–D2 as a worker reads a deadline: how many working days are left, the way the promise counts
 * them (issue 15 build 5: "nog 7 dagen" in calendar days misled when the promise is five working
 * days). Positive: the working days after `today` up to and including the due date — 0 on the due
 * date itself, the last day. Negative: the working days after the due date up to and including
 * `today`, i.e. how late. A weekend after the due date counts no working day, so it is still 0: the
 * caller's `overdue` (D2, past the end of the due date) says it is late.
 */
export function workingDaysLeft(
  calendar: WorkingDayCalendar,
  today: CalendarDate,
  dueDate: CalendarDate,
): number {
  const [from, to, sign] = today <= dueDate ? [today, dueDate, 1] : [dueDate, today, -1];
  let count = 0;
  let day = from;
  for (let step = 0; step < LONGEST_COUNT && day < to; step++) {
    day = addCalendarDays(day, 1);
    if (calendar.isWorkingDay(day)) count++;
  }
  return count === 0 ? 0 : sign * count; // never -0
}
