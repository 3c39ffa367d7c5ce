import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import { createWorkingDayCalendar, firstContactDeadline } from '../../shared/domain/working-days.ts';

// DESIGN D1/D2 against an oracle this file computes from first principles: its own Easter, its own
// day arithmetic (whole UTC days since 1970), the Algemene termijnenwet art. 3 written out below and
// the decreed days read from config/termijnenwet-decrees.json. Nothing here calls the project's date
// helpers, so a mistake in them cannot hide in the oracle.

const ROOT = resolve(import.meta.dirname, '../..');
const DECREES_FILE = resolve(ROOT, 'config/termijnenwet-decrees.json');
const REFERENCE_DECREES_FILE = resolve(ROOT, '../shared/reference-data/termijnenwet-decrees.json');

interface Decree {
  title: string;
  days: string[];
}
const decrees = (JSON.parse(readFileSync(DECREES_FILE, 'utf8')) as { decrees: Decree[] }).decrees;
const extraClosingDays = (
  JSON.parse(readFileSync(resolve(ROOT, 'config/calendar.json'), 'utf8')) as { extraClosingDays: string[] }
).extraClosingDays;

// --- day arithmetic: a day is a whole number of days since 1970-01-01 (a Thursday) ---------------
const DAY_MS = 86_400_000;
const dayOf = (year: number, month: number, date: number): number => Date.UTC(year, month - 1, date) / DAY_MS;
const dayOfIso = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday. */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher), as 22 March + n. */
function oracleEaster(year: number): number {
  const golden = year % 19;
  const century = Math.floor(year / 100);
  const yearInCentury = year % 100;
  const skippedLeapCenturies = Math.floor(century / 4);
  const centuryRest = century % 4;
  const lunarCorrection = Math.floor((century + 8) / 25);
  const lunarShift = Math.floor((century - lunarCorrection + 1) / 3);
  const epact = (19 * golden + century - skippedLeapCenturies - lunarShift + 15) % 30;
  const leapYears = Math.floor(yearInCentury / 4);
  const yearRest = yearInCentury % 4;
  const toSunday = (32 + 2 * centuryRest + 2 * leapYears - epact - yearRest) % 7;
  const lateFullMoon = Math.floor((golden + 11 * epact + 22 * toSunday) / 451);
  return dayOf(year, 3, 22) + epact + toSunday - 7 * lateFullMoon;
}

/**
 * Algemene termijnenwet art. 3. Lid 1: "de Zondag, de Nieuwjaarsdag, de Christelijke tweede Paas- en
 * Pinksterdag, de beide Kerstdagen, de Hemelvaartsdag, de dag waarop de verjaardag van de Koning
 * wordt gevierd en de vijfde mei" — Koningsdag 27 April, 26 April when the 27th is a Sunday (since
 * 2014). Lid 2: Goede Vrijdag. Lid 3: the days a Besluit gelijkstelling names (the decrees file).
 * Sundays are not listed: no Sunday is a working day anyway.
 */
function art3Days(year: number): Map<number, string> {
  const easter = oracleEaster(year);
  const april27 = dayOf(year, 4, 27);
  const days = new Map<number, string>([
    [dayOf(year, 1, 1), 'Nieuwjaarsdag'],
    [easter + 1, 'Tweede Paasdag'],
    [easter + 39, 'Hemelvaartsdag'],
    [easter + 50, 'Tweede Pinksterdag'],
    [weekdayOf(april27) === 0 ? april27 - 1 : april27, 'Koningsdag'],
    [dayOf(year, 5, 5), 'Bevrijdingsdag'],
    [dayOf(year, 12, 25), 'Eerste Kerstdag'],
    [dayOf(year, 12, 26), 'Tweede Kerstdag'],
    [easter - 2, 'Goede Vrijdag'], // lid 2
  ]);
  return days;
}

// Built once: every art. 3 day of 2014–2101 (2101 for due dates stepping past the end).
const FIRST = dayOf(2014, 1, 1);
const LAST = dayOf(2100, 12, 31);
const art3 = new Map<number, string>();
for (let year = 2014; year <= 2101; year += 1) {
  for (const [day, name] of art3Days(year)) art3.set(day, name);
}
const decreed = new Set(decrees.flatMap((decree) => decree.days.map(dayOfIso)));
const extra = new Set(extraClosingDays.map(dayOfIso));

function oracleIsWorkingDay(day: number, withExtraDays: boolean): boolean {
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6) return false;
  if (art3.has(day) || decreed.has(day)) return false;
  return !(withExtraDays && extra.has(day));
}

function oracleAddWorkingDays(day: number, n: number): number {
  let current = day;
  for (let counted = 0; counted < n; ) {
    current += 1;
    if (oracleIsWorkingDay(current, true)) counted += 1;
  }
  return current;
}

/** EU summer time: from the last Sunday of March to the last Sunday of October (01:00 UTC). */
function oracleOffsetAtEndOfDay(day: number): string {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  const lastSunday = (month: number): number => {
    const last = dayOf(year, month + 1, 0);
    return last - weekdayOf(last);
  };
  return day >= lastSunday(3) && day < lastSunday(10) ? '+02:00' : '+01:00';
}

/** The first `limit` disagreements, and how many there are. */
function disagreements(
  days: Iterable<number>,
  check: (day: number) => string | undefined,
): { count: number; first: string[] } {
  const found: string[] = [];
  for (const day of days) {
    const problem = check(day);
    if (problem !== undefined) found.push(`${isoOf(day)}: ${problem}`);
  }
  return { count: found.length, first: found.slice(0, 10) };
}

function* range(from: number, to: number): Generator<number> {
  for (let day = from; day <= to; day += 1) yield day;
}

describe('the oracle itself', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2049, '2049-04-18'],
    [2100, '2100-03-28'],
  ])('D1: its Easter %i is the known %s, a Sunday', (year, expected) => {
    expect(isoOf(oracleEaster(year))).toBe(expected);
    expect(weekdayOf(oracleEaster(year))).toBe(0);
  });

  it('D1: its day arithmetic knows weekdays and leap years', () => {
    expect(weekdayOf(dayOfIso('2026-11-23'))).toBe(1); // a Monday
    expect(isoOf(dayOfIso('2028-02-28') + 1)).toBe('2028-02-29');
    expect(isoOf(dayOfIso('2100-02-28') + 1)).toBe('2100-03-01');
  });

  it('D1: the decrees file holds real dates, each decree with its title, and is the reference copy', () => {
    expect(decrees.length).toBeGreaterThan(0);
    for (const decree of decrees) {
      expect(decree.title).toMatch(/^Besluit gelijkstelling /);
      for (const day of decree.days) expect(isoOf(dayOfIso(day))).toBe(day);
    }
    if (existsSync(REFERENCE_DECREES_FILE)) {
      expect(readFileSync(DECREES_FILE).equals(readFileSync(REFERENCE_DECREES_FILE))).toBe(true);
    }
  });
});

describe('D1: every day 2014-01-01..2100-12-31 against the oracle', () => {
  it('D1: a calendar built with the decrees file (no extra days) agrees on every working day', () => {
    const calendar = createWorkingDayCalendar({ decrees });
    const result = disagreements(range(FIRST, LAST), (day) => {
      const project = calendar.isWorkingDay(isoOf(day));
      const oracle = oracleIsWorkingDay(day, false);
      return project === oracle ? undefined : `isWorkingDay ${project}, oracle ${oracle}`;
    });
    expect(result).toEqual({ count: 0, first: [] });
  });

  it('D1: municipalCalendar (decrees file + config/calendar.json) agrees on every working day', () => {
    const result = disagreements(range(FIRST, LAST), (day) => {
      const project = municipalCalendar.isWorkingDay(isoOf(day));
      const oracle = oracleIsWorkingDay(day, true);
      return project === oracle ? undefined : `isWorkingDay ${project}, oracle ${oracle}`;
    });
    expect(result).toEqual({ count: 0, first: [] });
  });

  it('D1: holidayName names exactly the art. 3 days (lid 1 and 2 by their own name, lid 3 as decreed)', () => {
    const result = disagreements(range(FIRST, LAST), (day) => {
      const project = municipalCalendar.holidayName(isoOf(day));
      const named = art3.get(day);
      if (named !== undefined)
        return project === named ? undefined : `holidayName ${project}, oracle ${named}`;
      if (decreed.has(day)) {
        return project?.startsWith('Gelijkgestelde dag (Besluit gelijkstelling ')
          ? undefined
          : `holidayName ${project}, oracle a decreed day`;
      }
      return project === undefined ? undefined : `holidayName ${project}, oracle none`;
    });
    expect(result).toEqual({ count: 0, first: [] });
  });
});

describe('D2: every day of receipt 2024–2030 against the oracle', () => {
  const from = dayOf(2024, 1, 1);
  const to = dayOf(2030, 12, 31);

  it.each([5, 3])('D1: addWorkingDays(date, %i) agrees with the oracle stepping', (n) => {
    const result = disagreements(range(from, to), (day) => {
      const project = municipalCalendar.addWorkingDays(isoOf(day), n);
      const oracle = isoOf(oracleAddWorkingDays(day, n));
      return project === oracle ? undefined : `+${n} is ${project}, oracle ${oracle}`;
    });
    expect(result).toEqual({ count: 0, first: [] });
  });

  it.each([
    [false, 5],
    [true, 3],
  ])(
    'D2: firstContactDeadline, threatening %s (+%i): due date and deadline instant agree',
    (threatening, n) => {
      const result = disagreements(range(from, to), (day) => {
        // 12:00 UTC is 13:00 or 14:00 in Amsterdam: the same calendar date.
        const { receivedDate, dueDate, deadlineAt } = firstContactDeadline(
          new Date(`${isoOf(day)}T12:00:00Z`),
          { threatening },
          municipalCalendar,
        );
        const due = oracleAddWorkingDays(day, n);
        const expected = `${isoOf(day)} → ${isoOf(due)} ${isoOf(due)}T23:59:59${oracleOffsetAtEndOfDay(due)}`;
        const actual = `${receivedDate} → ${dueDate} ${deadlineAt}`;
        return actual === expected ? undefined : `${actual}, oracle ${expected}`;
      });
      expect(result).toEqual({ count: 0, first: [] });
    },
  );
});

describe('D1/D2 named cases', () => {
  it.each([
    // label, received (Amsterdam), due in 5 working days, due in 3 (threatening)
    ['Goede Vrijdag 2027: Thu 25 Mar 2027', '2027-03-25T10:00:00+01:00', '2027-04-05', '2027-04-01'],
    [
      'Hemelvaart 2026 + decreed Fri 15 May: Mon 11 May 2026',
      '2026-05-11T10:00:00+02:00',
      '2026-05-20',
      '2026-05-18',
    ],
    [
      'Hemelvaart 2028 (Thu 25 May) + decreed Fri 26 May: Wed 24 May 2028',
      '2028-05-24T10:00:00+02:00',
      '2028-06-02',
      '2028-05-31',
    ],
    [
      'Koningsdag Thu 27 Apr 2028 + decreed Fri 28 Apr: Tue 25 Apr 2028',
      '2028-04-25T10:00:00+02:00',
      '2028-05-04',
      '2028-05-02',
    ],
    ['decreed Fri 2 Jan 2026: Wed 31 Dec 2025', '2025-12-31T10:00:00+01:00', '2026-01-09', '2026-01-07'],
    [
      'Koningsdag on Sat 26 Apr 2031: Fri 25 Apr 2031',
      '2031-04-25T10:00:00+02:00',
      '2031-05-02',
      '2031-04-30',
    ],
    ['DESIGN example: Wed 23 Dec 2026 10:00', '2026-12-23T10:00:00+01:00', '2026-12-31', '2026-12-29'],
  ])('D1/D2: %s', (_label, receivedAt, dueIn5, dueIn3) => {
    const normal = firstContactDeadline(new Date(receivedAt), { threatening: false }, municipalCalendar);
    const threatening = firstContactDeadline(new Date(receivedAt), { threatening: true }, municipalCalendar);
    expect(normal.dueDate).toBe(dueIn5);
    expect(threatening.dueDate).toBe(dueIn3);
    // The oracle agrees with the hand-worked dates.
    const received = dayOfIso(receivedAt.slice(0, 10));
    expect(isoOf(oracleAddWorkingDays(received, 5))).toBe(dueIn5);
    expect(isoOf(oracleAddWorkingDays(received, 3))).toBe(dueIn3);
  });

  it('D2: the DESIGN example is due at the end of Thu 31 Dec 2026 in Amsterdam (winter time)', () => {
    const result = firstContactDeadline(
      new Date('2026-12-23T10:00:00+01:00'),
      { threatening: false },
      municipalCalendar,
    );
    expect(result.deadlineAt).toBe('2026-12-31T23:59:59+01:00');
  });

  it.each([
    ['2027-03-26', false, 'Goede Vrijdag'],
    ['2026-05-14', false, 'Hemelvaartsdag'],
    ['2026-05-15', false, 'decreed'],
    ['2028-04-27', false, 'Koningsdag'],
    ['2028-04-28', false, 'decreed'],
    ['2028-05-25', false, 'Hemelvaartsdag'],
    ['2028-05-26', false, 'decreed'],
    ['2026-01-02', false, 'decreed'],
    ['2031-04-26', false, 'Koningsdag'], // 27 April 2031 is a Sunday
    ['2031-04-27', false, undefined], // the Sunday itself: not a working day, not Koningsdag
    ['2031-04-28', true, undefined], // no Monday substitute
  ])('D1: %s is a working day: %s (%s)', (date, working, name) => {
    expect(municipalCalendar.isWorkingDay(date)).toBe(working);
    const project = municipalCalendar.holidayName(date);
    if (name === 'decreed') expect(project).toMatch(/^Gelijkgestelde dag \(Besluit gelijkstelling /);
    else expect(project).toBe(name);
  });
});
