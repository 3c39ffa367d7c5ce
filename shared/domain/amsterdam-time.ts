// Calendar dates and wall-clock times in Europe/Amsterdam, independent of the machine's TZ.
// Only UTC arithmetic (Date.UTC, getUTC*) and Intl with an explicit timeZone are used, so a Lambda
// running in UTC, a laptop in Auckland and a CI runner in Los Angeles all agree.

/** A calendar date without a time zone, formatted 'YYYY-MM-DD'. */
export type CalendarDate = string;

const TIME_ZONE = 'Europe/Amsterdam';
const DAY_MS = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?$/;

// One formatter for the module, built on first use: building it loads the time-zone data, some
// 25 ms that a function which never reads Amsterdam's clock (most API routes) should not pay at
// its cold start (issue 13).
let wallClockFormatter: Intl.DateTimeFormat | undefined;
const newWallClockFormatter = () =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Amsterdam's wall clock at an instant, read from Intl (slow: used once per UTC hour, see below). */
function intlWallClockOf(instant: Date): WallClock {
  wallClockFormatter ??= newWallClockFormatter();
  const parts = wallClockFormatter.formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = parts.find((part) => part.type === type)?.value;
    if (value === undefined) throw new Error(`Intl returned no ${type} for Europe/Amsterdam`);
    return Number(value);
  };
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

const HOUR_MS = 3_600_000;
const offsetByUtcHour = new Map<number, number>();

/**
 * Amsterdam's UTC offset in minutes, cached per UTC hour: the clocks change at 01:00 UTC, so the
 * offset is constant within every UTC hour. This keeps Intl (costly) off the hot path — routing a
 * 30,000-row list computes thousands of dates.
 */
function offsetAt(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const { year, month, day, hour: h, minute, second } = intlWallClockOf(new Date(start));
    offset = Math.round((Date.UTC(year, month - 1, day, h, minute, second) - start) / 60_000);
    if (offsetByUtcHour.size > 50_000) offsetByUtcHour.clear();
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

function wallClockOf(instant: Date): WallClock {
  const local = new Date(instant.getTime() + offsetAt(instant.getTime()) * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function toCalendarDate(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Splits a CalendarDate; throws a RangeError for anything that is not a real date. */
function parseCalendarDate(date: CalendarDate): { year: number; month: number; day: number } {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** True for a real date in 'YYYY-MM-DD' form (so '2026-02-30' is false). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  // Date.UTC rolls 30 February over into March; a real date survives the round trip.
  const roundTrip = new Date(Date.UTC(year, month - 1, day));
  return (
    roundTrip.getUTCFullYear() === year &&
    roundTrip.getUTCMonth() === month - 1 &&
    roundTrip.getUTCDate() === day
  );
}

/** The calendar date of an instant on the wall clocks of Amsterdam. */
export function amsterdamDateOf(instant: Date): CalendarDate {
  const { year, month, day } = wallClockOf(instant);
  return toCalendarDate(year, month, day);
}

/** Amsterdam's offset from UTC at that instant: 60 in winter (CET), 120 in summer (CEST). */
export function amsterdamOffsetMinutes(instant: Date): number {
  return offsetAt(instant.getTime());
}

/** ISO 8601 with the Amsterdam offset, to the second: '2026-11-23T10:02:11+01:00'. */
export function formatAmsterdam(instant: Date): string {
  const { year, month, day, hour, minute, second } = wallClockOf(instant);
  const offset = amsterdamOffsetMinutes(instant);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const time = `${pad(hour)}:${pad(minute)}:${pad(second)}`;
  return `${toCalendarDate(year, month, day)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The instant at which Amsterdam clocks show `time` ('HH:MM:SS' or 'HH:MM:SS.mmm') on `date`.
 * The offset is tried as it is a day before and a day after, which brackets any DST switch.
 * - In the autumn overlap (a time shown twice) the earlier instant, still in summer time, is returned.
 * - In the spring gap (a time never shown) the time is read with the winter offset, which lands
 *   one hour later on the clock (02:30 becomes 03:30+02:00), like Temporal's 'compatible'.
 * Deadlines use 23:59:59.999, which is never in a gap or overlap in Amsterdam.
 */
export function amsterdamInstant(date: CalendarDate, time: string): Date {
  const { year, month, day } = parseCalendarDate(date);
  const match = WALL_TIME.exec(time);
  if (!match) throw new RangeError(`Not a wall-clock time (HH:MM:SS[.mmm]): ${time}`);
  const [hour, minute, second] = match.slice(1, 4).map(Number) as [number, number, number];
  const millisecond = Number(match[4] ?? '0');
  if (hour > 23 || minute > 59 || second > 59) throw new RangeError(`Not a wall-clock time: ${time}`);

  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const offsetBefore = amsterdamOffsetMinutes(new Date(wallAsUtc - DAY_MS));
  const offsetAfter = amsterdamOffsetMinutes(new Date(wallAsUtc + DAY_MS));
  const candidates = [offsetBefore, offsetAfter]
    .map((offset) => ({ offset, instant: wallAsUtc - offset * 60_000 }))
    .filter(({ offset, instant }) => amsterdamOffsetMinutes(new Date(instant)) === offset)
    .map(({ instant }) => instant);
  const chosen = candidates.length > 0 ? Math.min(...candidates) : wallAsUtc - offsetBefore * 60_000;
  return new Date(chosen);
}

/** The date `days` calendar days later (or earlier when negative). */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const { year, month, day } = parseCalendarDate(date);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return toCalendarDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const { year, month, day } = parseCalendarDate(date);
  const sundayIsZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayIsZero === 0 ? 7 : sundayIsZero;
}
