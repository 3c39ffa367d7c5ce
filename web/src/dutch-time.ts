// Time as people in Utrecht read it (issue 15 build 5–6): dates in Dutch with the year when it is
// not this year, and a date-time entry that is Dutch whatever the browser's locale — a native
// `datetime-local` shows mm/dd/yyyy and AM/PM in an English browser. "This year" and "now" are the
// service's (its test clock when frozen), never the browser's, so the screens agree with the API.

import {
  addCalendarDays,
  amsterdamDateOf as calendarDateOf,
  isoWeekday,
} from '../../shared/domain/amsterdam-time.ts';

const ZONE = 'Europe/Amsterdam';

const dayMonth = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: ZONE });
const dayMonthYear = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: ZONE,
});
const clock = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: ZONE });
const parts = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: ZONE,
});

const two = (n: number) => String(n).padStart(2, '0');

/** A calendar date (`YYYY-MM-DD`) or an instant, as the instant that stands for it. */
const instantOf = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);

/** The Amsterdam wall-clock fields of an instant. */
function amsterdamFields(instant: Date) {
  const map = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(map.year),
    month: Number(map.month),
    day: Number(map.day),
    hour: Number(map.hour),
    minute: Number(map.minute),
  };
}

/** "3 dec." this year, "3 dec. 2025" any other year; `today` is the service's date. */
export function formatDutchDate(value: string | undefined, today: string): string {
  if (!value) return '—';
  const instant = instantOf(value);
  const sameYear = amsterdamFields(instant).year === Number(today.slice(0, 4));
  return (sameYear ? dayMonth : dayMonthYear).format(instant);
}

/** "3 dec. 14:05", with the year when it is not this year. */
export function formatDutchDateTime(value: string | undefined, today: string): string {
  if (!value) return '—';
  return `${formatDutchDate(value, today)} ${clock.format(new Date(value))}`;
}

/** The Amsterdam date and time of an instant, as the Dutch entry fields show them. */
export function dutchEntryOf(instant: Date): { date: string; time: string } {
  const f = amsterdamFields(instant);
  return { date: `${two(f.day)}-${two(f.month)}-${f.year}`, time: `${two(f.hour)}:${two(f.minute)}` };
}

export type DutchDate =
  | { readonly ok: true; readonly date: string }
  | { readonly ok: false; readonly message: string };

/**
 * A Dutch calendar date (`31-12-2026`, also `31-12-26`, `/` or `.` between) as `YYYY-MM-DD`, the form
 * the API's dates take (a period filter, a date-time entry's date part). A date that does not exist
 * (29-02-2026, 12/31/2026 read as day 12 of month 31) is refused in Dutch, never rolled over.
 */
export function parseDutchDate(dateText: string): DutchDate {
  const date = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\s*$/.exec(dateText);
  if (!date) return { ok: false, message: 'Vul een datum in als dag-maand-jaar, bijvoorbeeld 31-12-2026.' };
  const day = Number(date[1]);
  const month = Number(date[2]);
  const year = date[3]?.length === 2 ? 2000 + Number(date[3]) : Number(date[3]);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  )
    return { ok: false, message: `${dateText.trim()} bestaat niet. Controleer dag en maand.` };
  return { ok: true, date: `${year}-${two(month)}-${two(day)}` };
}

/** `2026-12-01` → `01-12-2026`: a date as the Dutch entry fields show it. */
export function dutchEntryOfDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}-${month}-${year}`;
}

const longDateTime = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: ZONE,
});

/**
 * "dinsdag 1 december 2026, 09:00" — an instant in full, on the Amsterdam clock: the test clock's
 * banner, where the date is the whole point and so always carries its weekday and year.
 */
export function formatDutchLongDateTime(value: string): string {
  const instant = new Date(value);
  return `${longDateTime.format(instant)}, ${clock.format(instant)}`;
}

export type DutchDateTime =
  | { readonly ok: true; readonly iso: string }
  | { readonly ok: false; readonly field: 'date' | 'time'; readonly message: string };

/**
 * The instant of a Dutch date (`31-12-2026`, also `31-12-26`, `/` or `.` between) and time (`9:05`,
 * `09.05`) on the Amsterdam clock, as an ISO string with its offset (`+01:00` in winter, `+02:00` in
 * summer). A time that does not exist (the hour skipped when summer time starts) is refused rather
 * than moved; in the hour that occurs twice in October the first (summer-time) one is taken.
 */
export function parseDutchDateTime(dateText: string, timeText: string): DutchDateTime {
  const date = parseDutchDate(dateText);
  if (!date.ok) return { ok: false, field: 'date', message: date.message };
  const [year, month, day] = date.date.split('-').map(Number) as [number, number, number];
  const time = /^\s*(\d{1,2})[:.]?(\d{2})\s*$/.exec(timeText);
  const hour = Number(time?.[1]);
  const minute = Number(time?.[2]);
  if (!time || hour > 23 || minute > 59)
    return { ok: false, field: 'time', message: 'Vul een tijd in als uu:mm, bijvoorbeeld 09:30.' };
  // Try the two offsets Amsterdam uses; keep the one whose wall clock is the one asked.
  for (const offset of [2, 1]) {
    const instant = new Date(Date.UTC(year, month - 1, day, hour - offset, minute));
    const f = amsterdamFields(instant);
    if (f.year === year && f.month === month && f.day === day && f.hour === hour && f.minute === minute) {
      return {
        ok: true,
        iso: `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:00+0${offset}:00`,
      };
    }
  }
  return {
    ok: false,
    field: 'time',
    message: `${two(hour)}:${two(minute)} bestaat niet op ${dateText.trim()}: de klok gaat dan een uur vooruit.`,
  };
}

/**
 * Days left as the promise counts them (D1–D2: working days, Algemene termijnenwet), from the
 * service's figure: positive left, 0 the last day, negative late.
 */
export function workingDaysText(workingDaysLeft: number, overdue: boolean): string {
  if (overdue || workingDaysLeft < 0) {
    const late = Math.max(1, -workingDaysLeft);
    return `${late} ${late === 1 ? 'werkdag' : 'werkdagen'} te laat`;
  }
  if (workingDaysLeft === 0) return 'vandaag de laatste dag';
  return `nog ${workingDaysLeft} ${workingDaysLeft === 1 ? 'werkdag' : 'werkdagen'}`;
}

/** What a Dutch date-time field holds: the two texts as typed. */
export interface DateTimeValue {
  readonly date: string;
  readonly time: string;
}

export const EMPTY_DATE_TIME: DateTimeValue = { date: '', time: '' };

/**
 * The field's check for useFormErrors: the ISO instant, or the Dutch message keyed by the part that
 * is wrong. Empty is allowed when `optional` (e.g. "leeg: nu") and then gives no instant.
 */
export function checkDateTime(
  id: string,
  value: DateTimeValue,
  { optional = false } = {},
): { iso?: string; errors: Record<string, string> } {
  if (optional && value.date.trim() === '' && value.time.trim() === '') return { errors: {} };
  const parsed = parseDutchDateTime(value.date, value.time);
  if (parsed.ok) return { iso: parsed.iso, errors: {} };
  return { errors: { [`${id}-${parsed.field}`]: parsed.message } };
}

/** The Amsterdam calendar date (`YYYY-MM-DD`) of an instant: "today" of the service's `now`. */
export const amsterdamDateOf = (value: string): string => calendarDateOf(new Date(value));

export { addCalendarDays };

/** The Monday of the week (Monday to Sunday, as in the Netherlands) of a calendar date. */
export function mondayOf(date: string): string {
  return addCalendarDays(date, 1 - isoWeekday(date));
}

const weekdayDayMonth = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const weekdayDayMonthYear = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-12-01` → "dinsdag 1 december", with the year when it is not the year of `today`. */
export function formatDutchDay(date: string, today: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  return (date.slice(0, 4) === today.slice(0, 4) ? weekdayDayMonth : weekdayDayMonthYear).format(noon);
}

/** The Amsterdam wall-clock time of an instant: "09:30". */
export function formatDutchClock(value: string): string {
  return clock.format(new Date(value));
}

/** The ISO week number of a calendar date (weeks from Monday; week 1 holds the year's first Thursday). */
export function isoWeekNumber(date: string): number {
  const thursday = addCalendarDays(mondayOf(date), 3);
  const yearStart = Date.parse(`${thursday.slice(0, 4)}-01-01T00:00:00Z`);
  return Math.floor((Date.parse(`${thursday}T00:00:00Z`) - yearStart) / 86_400_000 / 7) + 1;
}
