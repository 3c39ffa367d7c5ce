// Working days (DESIGN D1) and the first-contact deadline (DESIGN D2).

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
  isWorkingDay(date: CalendarDate): boolean;
  /** The n-th working day after `date`; `date` itself never counts. */
  addWorkingDays(date: CalendarDate, n: number): CalendarDate;
  /** The Dutch name of the general holiday on `date` (D1), if any. Extra closing days have none. */
  holidayName(date: CalendarDate): string | undefined;
}

export interface FirstContactDeadline {
  receivedDate: CalendarDate;
  dueDate: CalendarDate;
  deadline: Date;
  deadlineAt: string;
}

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
 * D1: the general holidays of the Algemene termijnenwet art. 3 that can fall on a weekday, sorted.
 * Eerste Paasdag and Eerste Pinksterdag are always Sundays; Goede Vrijdag is not a general holiday.
 * Koningsdag follows the rule in force since 2014; earlier years are not modelled.
 */
export function generalHolidays(year: number): { date: CalendarDate; name: string }[] {
  const easter = easterSunday(year);
  const kingsDay = isoWeekday(`${year}-04-27`) === 7 ? `${year}-04-26` : `${year}-04-27`;
  const holidays = [
    { date: `${year}-01-01`, name: 'Nieuwjaarsdag' },
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

/** D1: Monday–Friday minus general holidays minus the configured extra closing days. */
export function createWorkingDayCalendar(
  options: { extraClosingDays?: CalendarDate[] } = {},
): WorkingDayCalendar {
  const extraClosingDays = new Set(options.extraClosingDays ?? []);
  for (const date of extraClosingDays) {
    if (!isCalendarDate(date)) throw new RangeError(`Extra closing day is not a calendar date: ${date}`);
  }
  // Holidays are computed per year on first use; a calendar typically sees only a few years.
  const holidaysByYear = new Map<number, Map<CalendarDate, string>>();

  function holidayName(date: CalendarDate): string | undefined {
    const year = Number(date.slice(0, 4));
    let holidays = holidaysByYear.get(year);
    if (!holidays) {
      holidays = new Map(generalHolidays(year).map(({ date: day, name }) => [day, name]));
      holidaysByYear.set(year, holidays);
    }
    return holidays.get(date);
  }

  function isWorkingDay(date: CalendarDate): boolean {
    // isoWeekday validates the date before the holiday lookup relies on its year.
    return isoWeekday(date) <= 5 && holidayName(date) === undefined && !extraClosingDays.has(date);
  }

  function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
    let current = date;
    let remaining = n;
    while (remaining > 0) {
      current = addCalendarDays(current, 1);
      if (isWorkingDay(current)) remaining -= 1;
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
