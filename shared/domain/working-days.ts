// Working days (DESIGN D1) and the first-contact deadline (DESIGN D2): the Algemene termijnenwet
// art. 3 complete — lid 1 and lid 2 (Goede Vrijdag) computed from the year, lid 3 (the days a Besluit
// gelijkstelling names) as data. Exact from 2014 on. Background: docs/deadlines.md.

import type { CalendarDate } from './amsterdam-time.ts';
import {
  addCalendarDays,
  amsterdamDateOf,
  amsterdamInstant,
  formatAmsterdam,
  isCalendarDate,
  isoWeekday,
} from './amsterdam-time.ts';

/** D2: first contact within five working days of receipt. */
export const FIRST_CONTACT_WORKING_DAYS = 5;
/** D2: three working days in a threatening situation (Wgs art. 4(2)). */
export const THREATENING_SITUATION_WORKING_DAYS = 3;

export interface WorkingDayCalendar {
  /** Refuses (RangeError) a date before {@link CALENDAR_EXACT_FROM}. */
  isWorkingDay(date: CalendarDate): boolean;
  /** The n-th working day after `date`; `date` itself never counts. Refuses a start before 2014. */
  addWorkingDays(date: CalendarDate, n: number): CalendarDate;
  /**
   * The Dutch name of the art. 3 day on `date` (D1), if any: a lid 1 holiday, Goede Vrijdag (lid 2)
   * or a decreed day (lid 3, see {@link decreedDayName}). Extra closing days have none.
   */
  holidayName(date: CalendarDate): string | undefined;
}

/**
 * D1, art. 3 lid 3: one Besluit gelijkstelling as published in the Staatscourant — the days it puts
 * on a par with a general holiday, with its title as the source. The municipality's list is
 * `config/termijnenwet-decrees.json`; the next decree is added there, without a code change.
 */
export interface TermijnenwetDecree {
  title: string;
  days: CalendarDate[];
}

export interface FirstContactDeadline {
  receivedDate: CalendarDate;
  dueDate: CalendarDate;
  deadline: Date;
  deadlineAt: string;
}

/**
 * D1: the calendar is exact from this date on. Before 2014 Koningsdag was Koninginnedag (30 April),
 * which is not modelled; the calendar refuses earlier dates (RangeError) rather than answer wrongly.
 * Receipts are never that old: no caller passes such a date (only a test clock set before 2014 would,
 * and then routing fails loudly instead of storing a wrong deadline).
 */
export const CALENDAR_EXACT_FROM: CalendarDate = '2014-01-01';
const EXACT_FROM_YEAR = Number(CALENDAR_EXACT_FROM.slice(0, 4));

/** Easter Sunday of the Gregorian calendar (Anonymous Gregorian algorithm, Meeus). */
export function easterSunday(year: number): CalendarDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Year outside the Gregorian range this supports: ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * D1: the days of the Algemene termijnenwet art. 3 lid 1 and lid 2 that can fall on a weekday,
 * sorted — everything computed from the year; the decreed days of lid 3 are data (see
 * {@link TermijnenwetDecree}). Eerste Paasdag and Eerste Pinksterdag are always Sundays. Koningsdag
 * follows the rule in force since 2014, so years before 2014 are refused (RangeError).
 */
export function generalHolidays(year: number): { date: CalendarDate; name: string }[] {
  if (!Number.isInteger(year) || year < EXACT_FROM_YEAR) {
    throw new RangeError(`The holiday calendar is exact from ${EXACT_FROM_YEAR} on, not for: ${year}`);
  }
  const easter = easterSunday(year);
  const kingsDay = isoWeekday(`${year}-04-27`) === 7 ? `${year}-04-26` : `${year}-04-27`;
  const holidays = [
    { date: `${year}-01-01`, name: 'Nieuwjaarsdag' },
    { date: addCalendarDays(easter, -2), name: 'Goede Vrijdag' },
    { date: addCalendarDays(easter, 1), name: 'Tweede Paasdag' },
    { date: addCalendarDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addCalendarDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: kingsDay, name: 'Koningsdag' },
    { date: `${year}-05-05`, name: 'Bevrijdingsdag' },
    { date: `${year}-12-25`, name: 'Eerste Kerstdag' },
    { date: `${year}-12-26`, name: 'Tweede Kerstdag' },
  ];
  // 'YYYY-MM-DD' strings of one year sort chronologically as text.
  return holidays.sort((left, right) => left.date.localeCompare(right.date));
}

/**
 * D1, art. 3 lid 3: the name `holidayName` gives a decreed day, e.g. 'Gelijkgestelde dag (Besluit
 * gelijkstelling 2026–2028)': short, with the years the decree covers so it can be found in
 * `config/termijnenwet-decrees.json`.
 */
export function decreedDayName(decree: TermijnenwetDecree): string {
  const years = [...new Set(decree.days.map((day) => day.slice(0, 4)))].sort();
  const first = years[0];
  const last = years[years.length - 1];
  const span = first === last ? first : `${first}–${last}`;
  return `Gelijkgestelde dag (Besluit gelijkstelling ${span})`;
}

function validDecree(decree: TermijnenwetDecree, index: number): TermijnenwetDecree {
  if (typeof decree?.title !== 'string' || decree.title.trim() === '') {
    throw new RangeError(`Besluit gelijkstelling #${index + 1} has no title`);
  }
  if (!Array.isArray(decree.days) || decree.days.length === 0) {
    throw new RangeError(`${decree.title}: no days`);
  }
  for (const day of decree.days) {
    if (typeof day !== 'string' || !isCalendarDate(day)) {
      throw new RangeError(`${decree.title}: not a calendar date: ${String(day)}`);
    }
  }
  return decree;
}

/**
 * D1: Monday–Friday minus the days of the Algemene termijnenwet art. 3 — lid 1 and lid 2 computed
 * ({@link generalHolidays}), lid 3 from `decrees` — minus the municipality's `extraClosingDays`.
 * Both lists are validated here (real calendar dates; each decree with its title). The calendar is
 * exact from 2014 on and refuses earlier dates ({@link CALENDAR_EXACT_FROM}); it is exact as far as
 * the decrees go, so the municipality adds each new Besluit gelijkstelling to its data when published.
 */
export function createWorkingDayCalendar(
  options: { decrees?: readonly TermijnenwetDecree[]; extraClosingDays?: readonly CalendarDate[] } = {},
): WorkingDayCalendar {
  const extraClosingDays = new Set(options.extraClosingDays ?? []);
  for (const date of extraClosingDays) {
    if (!isCalendarDate(date)) throw new RangeError(`Extra closing day is not a calendar date: ${date}`);
  }
  const decreedDays = new Map<CalendarDate, string>();
  (options.decrees ?? []).forEach((decree, index) => {
    const name = decreedDayName(validDecree(decree, index));
    for (const day of decree.days) if (!decreedDays.has(day)) decreedDays.set(day, name);
  });
  // Holidays are computed per year on first use; a calendar typically sees only a few years.
  const holidaysByYear = new Map<number, Map<CalendarDate, string>>();

  /** Validates `date`, refuses one before 2014, and returns its ISO weekday. */
  function checkedWeekday(date: CalendarDate): number {
    const weekday = isoWeekday(date); // validates first, so the text comparison compares real dates
    if (date < CALENDAR_EXACT_FROM) {
      throw new RangeError(
        `The working-day calendar is exact from ${CALENDAR_EXACT_FROM} on (Koninginnedag before 2014): ${date}`,
      );
    }
    return weekday;
  }

  function nameOf(date: CalendarDate): string | undefined {
    const year = Number(date.slice(0, 4));
    let holidays = holidaysByYear.get(year);
    if (!holidays) {
      holidays = new Map(generalHolidays(year).map(({ date: day, name }) => [day, name]));
      holidaysByYear.set(year, holidays);
    }
    return holidays.get(date) ?? decreedDays.get(date);
  }

  function isCheckedWorkingDay(date: CalendarDate, weekday: number): boolean {
    return weekday <= 5 && nameOf(date) === undefined && !extraClosingDays.has(date);
  }

  function holidayName(date: CalendarDate): string | undefined {
    checkedWeekday(date);
    return nameOf(date);
  }

  function isWorkingDay(date: CalendarDate): boolean {
    return isCheckedWorkingDay(date, checkedWeekday(date));
  }

  function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
    checkedWeekday(date);
    let current = date;
    let remaining = n;
    while (remaining > 0) {
      current = addCalendarDays(current, 1);
      if (isCheckedWorkingDay(current, isoWeekday(current))) remaining -= 1;
    }
    return current;
  }

  return { isWorkingDay, addWorkingDays, holidayName };
}

/**
 * D2: the first-contact deadline. The receipt day is the Amsterdam calendar date (not UTC) and
 * does not count; the deadline is the last millisecond of the due date on Amsterdam clocks, so its
 * UTC instant moves by an hour with daylight saving time.
 */
export function firstContactDeadline(
  receivedAt: Date,
  options: { threatening: boolean },
  calendar: WorkingDayCalendar,
): FirstContactDeadline {
  const workingDays = options.threatening ? THREATENING_SITUATION_WORKING_DAYS : FIRST_CONTACT_WORKING_DAYS;
  const receivedDate = amsterdamDateOf(receivedAt);
  const dueDate = calendar.addWorkingDays(receivedDate, workingDays);
  const deadline = amsterdamInstant(dueDate, '23:59:59.999');
  return { receivedDate, dueDate, deadline, deadlineAt: formatAmsterdam(deadline) };
}

/**
 * D2: true from 00:00:00.000 Amsterdam time on the day after the due date. `deadlineAt` is printed
 * to the second (23:59:59), so the 999 ms that formatAmsterdam dropped are added back here.
 */
export function isPastDeadline(deadlineAt: string, now: Date): boolean {
  const deadline = Date.parse(deadlineAt);
  if (Number.isNaN(deadline)) throw new RangeError(`Not an ISO 8601 instant: ${deadlineAt}`);
  return now.getTime() > deadline + 999;
}
