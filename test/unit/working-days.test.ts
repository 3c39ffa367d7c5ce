import { describe, expect, it } from 'vitest';
import decreesFile from '../../config/termijnenwet-decrees.json' with { type: 'json' };
import {
  addCalendarDays,
  amsterdamDateOf,
  amsterdamInstant,
  amsterdamOffsetMinutes,
  formatAmsterdam,
  isCalendarDate,
  isoWeekday,
} from '../../shared/domain/amsterdam-time.ts';
import {
  CALENDAR_EXACT_FROM,
  createWorkingDayCalendar,
  decreedDayName,
  easterSunday,
  FIRST_CONTACT_WORKING_DAYS,
  firstContactDeadline,
  generalHolidays,
  isPastDeadline,
  THREATENING_SITUATION_WORKING_DAYS,
} from '../../shared/domain/working-days.ts';

// All expected values below were worked out by hand from a calendar, not by calling the code.
// test/unit/termijnenwet-oracle.test.ts checks every day from 2014 to 2100 against an oracle.

/** The decreed days of config/termijnenwet-decrees.json (art. 3 lid 3), as the municipal calendar has them. */
const decrees = decreesFile.decrees;
const DECREE_2023 = 'Gelijkgestelde dag (Besluit gelijkstelling 2023–2025)';
const DECREE_2026 = 'Gelijkgestelde dag (Besluit gelijkstelling 2026–2028)';

describe('easterSunday (D1: Easter is computed)', () => {
  it.each([
    [1818, '1818-03-22'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2031, '2031-04-13'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is %s', (year, expected) => {
    // Prepare: the year. Act
    const easter = easterSunday(year);
    // Assess
    expect(easter).toBe(expected);
  });
});

describe('generalHolidays (D1: Algemene termijnenwet art. 3 lid 1 and lid 2)', () => {
  it.each([
    [
      2026,
      [
        { date: '2026-01-01', name: 'Nieuwjaarsdag' },
        { date: '2026-04-03', name: 'Goede Vrijdag' },
        { date: '2026-04-06', name: 'Tweede Paasdag' },
        { date: '2026-04-27', name: 'Koningsdag' },
        { date: '2026-05-05', name: 'Bevrijdingsdag' },
        { date: '2026-05-14', name: 'Hemelvaartsdag' },
        { date: '2026-05-25', name: 'Tweede Pinksterdag' },
        { date: '2026-12-25', name: 'Eerste Kerstdag' },
        { date: '2026-12-26', name: 'Tweede Kerstdag' },
      ],
    ],
    [
      2027,
      [
        { date: '2027-01-01', name: 'Nieuwjaarsdag' },
        { date: '2027-03-26', name: 'Goede Vrijdag' },
        { date: '2027-03-29', name: 'Tweede Paasdag' },
        { date: '2027-04-27', name: 'Koningsdag' },
        { date: '2027-05-05', name: 'Bevrijdingsdag' },
        { date: '2027-05-06', name: 'Hemelvaartsdag' },
        { date: '2027-05-17', name: 'Tweede Pinksterdag' },
        { date: '2027-12-25', name: 'Eerste Kerstdag' },
        { date: '2027-12-26', name: 'Tweede Kerstdag' },
      ],
    ],
    [
      2028,
      [
        { date: '2028-01-01', name: 'Nieuwjaarsdag' },
        { date: '2028-04-14', name: 'Goede Vrijdag' },
        { date: '2028-04-17', name: 'Tweede Paasdag' },
        { date: '2028-04-27', name: 'Koningsdag' },
        { date: '2028-05-05', name: 'Bevrijdingsdag' },
        { date: '2028-05-25', name: 'Hemelvaartsdag' },
        { date: '2028-06-05', name: 'Tweede Pinksterdag' },
        { date: '2028-12-25', name: 'Eerste Kerstdag' },
        { date: '2028-12-26', name: 'Tweede Kerstdag' },
      ],
    ],
  ])('D1: the general holidays of %i, sorted by date', (year, expected) => {
    // Act
    const holidays = generalHolidays(year);
    // Assess
    expect(holidays).toEqual(expected);
  });

  it.each([
    [2025, '2025-04-26'],
    [2031, '2031-04-26'],
  ])('D1: Koningsdag %i moves to 26 April because 27 April is a Sunday', (year, expected) => {
    // Act
    const kingsDay = generalHolidays(year).find((holiday) => holiday.name === 'Koningsdag');
    // Assess
    expect(kingsDay?.date).toBe(expected);
  });

  it('D1: exact from 2014 on — 2013 (Koninginnedag, 30 April) is refused, 2014 is not', () => {
    // Act & Assess
    expect(CALENDAR_EXACT_FROM).toBe('2014-01-01');
    expect(() => generalHolidays(2013)).toThrow(RangeError);
    expect(generalHolidays(2014).find((holiday) => holiday.name === 'Koningsdag')?.date).toBe('2014-04-26');
  });
});

describe('createWorkingDayCalendar (D1)', () => {
  const calendar = createWorkingDayCalendar({ decrees });

  it.each([
    ['2026-11-23', true, undefined], // Monday
    ['2026-11-27', true, undefined], // Friday
    ['2026-11-28', false, undefined], // Saturday
    ['2026-11-29', false, undefined], // Sunday
    ['2026-04-03', false, 'Goede Vrijdag'], // art. 3 lid 2
    ['2027-03-26', false, 'Goede Vrijdag'],
    ['2026-04-06', false, 'Tweede Paasdag'],
    ['2026-05-14', false, 'Hemelvaartsdag'],
    ['2026-05-15', false, DECREE_2026], // the Friday after Hemelvaartsdag, art. 3 lid 3
    ['2026-01-02', false, DECREE_2026],
    ['2027-05-07', false, DECREE_2026],
    ['2028-04-28', false, DECREE_2026],
    ['2028-05-26', false, DECREE_2026],
    ['2024-12-27', false, DECREE_2023],
    ['2029-05-11', true, undefined], // the Friday after Hemelvaartsdag 2029: no decree yet
    ['2026-05-25', false, 'Tweede Pinksterdag'],
    ['2027-05-06', false, 'Hemelvaartsdag'],
    ['2027-05-17', false, 'Tweede Pinksterdag'],
    ['2028-05-25', false, 'Hemelvaartsdag'],
    ['2028-06-05', false, 'Tweede Pinksterdag'],
    ['2026-05-05', false, 'Bevrijdingsdag'], // every year, not only every fifth
    ['2027-01-01', false, 'Nieuwjaarsdag'],
    ['2031-04-26', false, 'Koningsdag'], // a Saturday anyway, but named
    ['2031-04-28', true, undefined], // no Monday substitute for a Sunday Koningsdag
  ])('D1: %s is a working day: %s (holiday %s)', (date, working, name) => {
    // Act & Assess
    expect(calendar.isWorkingDay(date)).toBe(working);
    expect(calendar.holidayName(date)).toBe(name);
  });

  it.each([
    ['2026-11-23', 1, '2026-11-24'], // Monday → Tuesday
    ['2026-11-21', 1, '2026-11-23'], // Saturday → Monday: the start day never counts
    ['2026-11-27', 1, '2026-11-30'], // Friday → Monday
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-05-13', 1, '2026-05-18'], // over Hemelvaartsdag and the decreed Friday
    ['2026-04-02', 1, '2026-04-07'], // over Goede Vrijdag, the weekend and Tweede Paasdag
    ['2026-05-22', 1, '2026-05-26'], // over Tweede Pinksterdag
    ['2026-12-24', 1, '2026-12-28'], // over both Kerstdagen and the weekend
  ])('D1: addWorkingDays(%s, %i) is %s', (date, n, expected) => {
    // Act & Assess
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it('D1: rejects a negative or fractional number of working days', () => {
    // Act & Assess
    expect(() => calendar.addWorkingDays('2026-11-23', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
  });

  it('D1: extra closing days come from configuration', () => {
    // Prepare
    const configured = createWorkingDayCalendar({ extraClosingDays: ['2026-11-27', '2026-12-24'] });
    // Act & Assess
    expect(configured.isWorkingDay('2026-11-27')).toBe(false);
    expect(configured.holidayName('2026-11-27')).toBeUndefined();
    expect(calendar.isWorkingDay('2026-11-27')).toBe(true);
    expect(configured.addWorkingDays('2026-11-26', 1)).toBe('2026-11-30');
  });

  it('D1: an extra closing day that is not a calendar date is refused', () => {
    // Act & Assess
    expect(() => createWorkingDayCalendar({ extraClosingDays: ['2026-02-30'] })).toThrow(RangeError);
  });

  it('D1: decreed days are data — without the decrees 15 May 2026 is an ordinary Friday', () => {
    // Prepare
    const withoutDecrees = createWorkingDayCalendar();
    // Act & Assess
    expect(withoutDecrees.isWorkingDay('2026-05-15')).toBe(true);
    expect(withoutDecrees.holidayName('2026-05-15')).toBeUndefined();
    expect(withoutDecrees.holidayName('2026-04-03')).toBe('Goede Vrijdag'); // computed, not data
  });

  it('D1: a new decree needs only data; its days are named after the years it covers', () => {
    // Prepare
    const next = {
      title: 'Besluit gelijkstelling van 11 mei 2029 met een algemeen erkende feestdag',
      days: ['2029-05-11'],
    };
    const extended = createWorkingDayCalendar({ decrees: [...decrees, next] });
    // Act & Assess
    expect(decreedDayName(next)).toBe('Gelijkgestelde dag (Besluit gelijkstelling 2029)');
    expect(extended.holidayName('2029-05-11')).toBe('Gelijkgestelde dag (Besluit gelijkstelling 2029)');
    expect(extended.addWorkingDays('2029-05-09', 1)).toBe('2029-05-14'); // over Hemelvaartsdag and the 11th
  });

  it.each([
    ['a day that is not a calendar date', [{ title: 'Besluit gelijkstelling X', days: ['2026-02-30'] }]],
    ['a day in another format', [{ title: 'Besluit gelijkstelling X', days: ['15-05-2026'] }]],
    ['a decree without a title', [{ title: ' ', days: ['2026-05-15'] }]],
    ['a decree without days', [{ title: 'Besluit gelijkstelling X', days: [] }]],
  ])('D1: a decree with %s is refused', (_label, invalid) => {
    // Act & Assess
    expect(() => createWorkingDayCalendar({ decrees: invalid })).toThrow(RangeError);
  });

  it('D1: dates before 2014 are refused (Koninginnedag), 2014-01-01 on are answered', () => {
    // Act & Assess
    expect(() => calendar.isWorkingDay('2013-12-31')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2013-12-29')).toThrow(RangeError); // a Sunday: refused too
    expect(() => calendar.holidayName('2013-04-30')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2013-12-31', 1)).toThrow(RangeError);
    expect(calendar.holidayName('2014-01-01')).toBe('Nieuwjaarsdag');
    expect(calendar.addWorkingDays('2014-01-01', 1)).toBe('2014-01-02');
  });
});

describe('firstContactDeadline (D2)', () => {
  const calendar = createWorkingDayCalendar({ decrees });

  it('D2: N is 5, or 3 in a threatening situation', () => {
    // Assess
    expect(FIRST_CONTACT_WORKING_DAYS).toBe(5);
    expect(THREATENING_SITUATION_WORKING_DAYS).toBe(3);
  });

  it.each([
    // label, receivedAt, receivedDate, dueDate, deadlineAt, deadline (UTC)
    [
      'DESIGN example: Wed 23 Dec 10:00, Kerstdagen skipped',
      '2026-12-23T10:00:00+01:00',
      '2026-12-23',
      '2026-12-31',
      '2026-12-31T23:59:59+01:00',
      '2026-12-31T22:59:59.999Z',
    ],
    [
      'Monday 23 Nov',
      '2026-11-23T10:02:11+01:00',
      '2026-11-23',
      '2026-11-30',
      '2026-11-30T23:59:59+01:00',
      '2026-11-30T22:59:59.999Z',
    ],
    [
      'Saturday',
      '2026-11-21T12:00:00+01:00',
      '2026-11-21',
      '2026-11-27',
      '2026-11-27T23:59:59+01:00',
      '2026-11-27T22:59:59.999Z',
    ],
    [
      'Sunday',
      '2026-11-22T12:00:00+01:00',
      '2026-11-22',
      '2026-11-27',
      '2026-11-27T23:59:59+01:00',
      '2026-11-27T22:59:59.999Z',
    ],
    [
      'on Koningsdag (Bevrijdingsdag still after the due date)',
      '2026-04-27T10:00:00+02:00',
      '2026-04-27',
      '2026-05-04',
      '2026-05-04T23:59:59+02:00',
      '2026-05-04T21:59:59.999Z',
    ],
    [
      'on Hemelvaartsdag (the decreed Friday after it skipped)',
      '2026-05-14T10:00:00+02:00',
      '2026-05-14',
      '2026-05-22',
      '2026-05-22T23:59:59+02:00',
      '2026-05-22T21:59:59.999Z',
    ],
    [
      'Thu 25 Mar 2027, Goede Vrijdag and Tweede Paasdag skipped',
      '2027-03-25T10:00:00+01:00',
      '2027-03-25',
      '2027-04-05',
      '2027-04-05T23:59:59+02:00',
      '2027-04-05T21:59:59.999Z',
    ],
    [
      'before Bevrijdingsdag',
      '2026-04-30T10:00:00+02:00',
      '2026-04-30',
      '2026-05-08',
      '2026-05-08T23:59:59+02:00',
      '2026-05-08T21:59:59.999Z',
    ],
    [
      'before Tweede Pinksterdag',
      '2026-05-22T10:00:00+02:00',
      '2026-05-22',
      '2026-06-01',
      '2026-06-01T23:59:59+02:00',
      '2026-06-01T21:59:59.999Z',
    ],
    [
      'late Monday evening in UTC, already Tuesday in Amsterdam (winter)',
      '2026-11-23T23:30:00Z',
      '2026-11-24',
      '2026-12-01',
      '2026-12-01T23:59:59+01:00',
      '2026-12-01T22:59:59.999Z',
    ],
    [
      'the last second of Monday in Amsterdam (winter)',
      '2026-11-23T22:59:59Z',
      '2026-11-23',
      '2026-11-30',
      '2026-11-30T23:59:59+01:00',
      '2026-11-30T22:59:59.999Z',
    ],
    [
      '30 June in UTC, already Wed 1 July in Amsterdam (summer)',
      '2026-06-30T22:30:00Z',
      '2026-07-01',
      '2026-07-08',
      '2026-07-08T23:59:59+02:00',
      '2026-07-08T21:59:59.999Z',
    ],
    [
      'the last second of Tue 30 June in Amsterdam (summer)',
      '2026-06-30T21:59:59Z',
      '2026-06-30',
      '2026-07-07',
      '2026-07-07T23:59:59+02:00',
      '2026-07-07T21:59:59.999Z',
    ],
    [
      'due before the spring DST switch of 29 March',
      '2026-03-20T10:00:00+01:00',
      '2026-03-20',
      '2026-03-27',
      '2026-03-27T23:59:59+01:00',
      '2026-03-27T22:59:59.999Z',
    ],
    [
      'received in winter time, due after the spring DST switch',
      '2026-03-23T10:00:00+01:00',
      '2026-03-23',
      '2026-03-30',
      '2026-03-30T23:59:59+02:00',
      '2026-03-30T21:59:59.999Z',
    ],
    [
      'due before the autumn DST switch of 25 October',
      '2026-10-16T10:00:00+02:00',
      '2026-10-16',
      '2026-10-23',
      '2026-10-23T23:59:59+02:00',
      '2026-10-23T21:59:59.999Z',
    ],
    [
      'received in summer time, due after the autumn DST switch',
      '2026-10-19T10:00:00+02:00',
      '2026-10-19',
      '2026-10-26',
      '2026-10-26T23:59:59+01:00',
      '2026-10-26T22:59:59.999Z',
    ],
    [
      'year boundary: Tue 29 Dec, Nieuwjaarsdag skipped',
      '2026-12-29T10:00:00+01:00',
      '2026-12-29',
      '2027-01-06',
      '2027-01-06T23:59:59+01:00',
      '2027-01-06T22:59:59.999Z',
    ],
    [
      'year boundary: on Eerste Kerstdag',
      '2026-12-25T10:00:00+01:00',
      '2026-12-25',
      '2027-01-04',
      '2027-01-04T23:59:59+01:00',
      '2027-01-04T22:59:59.999Z',
    ],
    [
      'year boundary: Thu 24 Dec',
      '2026-12-24T16:00:00+01:00',
      '2026-12-24',
      '2027-01-04',
      '2027-01-04T23:59:59+01:00',
      '2027-01-04T22:59:59.999Z',
    ],
  ])('D2: 5 working days, received %s', (_label, receivedAt, receivedDate, dueDate, deadlineAt, deadline) => {
    // Act
    const result = firstContactDeadline(new Date(receivedAt), { threatening: false }, calendar);
    // Assess
    expect(result.receivedDate).toBe(receivedDate);
    expect(result.dueDate).toBe(dueDate);
    expect(result.deadlineAt).toBe(deadlineAt);
    expect(result.deadline.toISOString()).toBe(deadline);
  });

  it.each([
    ['Mon 23 Nov', '2026-11-23T10:00:00+01:00', '2026-11-26', '2026-11-26T23:59:59+01:00'],
    ['Fri 27 Nov', '2026-11-27T10:00:00+01:00', '2026-12-02', '2026-12-02T23:59:59+01:00'],
    ['Wed 23 Dec', '2026-12-23T10:00:00+01:00', '2026-12-29', '2026-12-29T23:59:59+01:00'],
    [
      'Wed 25 Mar, over the spring DST switch',
      '2026-03-25T10:00:00+01:00',
      '2026-03-30',
      '2026-03-30T23:59:59+02:00',
    ],
  ])(
    'D2: 3 working days in a threatening situation, received %s',
    (_label, receivedAt, dueDate, deadlineAt) => {
      // Act
      const result = firstContactDeadline(new Date(receivedAt), { threatening: true }, calendar);
      // Assess
      expect(result.dueDate).toBe(dueDate);
      expect(result.deadlineAt).toBe(deadlineAt);
    },
  );

  it.each([
    [
      'Fri 27 Nov closed: Mon 23 Nov is due Tue 1 Dec',
      ['2026-11-27'],
      '2026-11-23T10:00:00+01:00',
      '2026-12-01',
    ],
    [
      '24 Dec closed: DESIGN example is due Mon 4 Jan',
      ['2026-12-24'],
      '2026-12-23T10:00:00+01:00',
      '2027-01-04',
    ],
  ])('D1/D2: extra closing day from configuration, %s', (_label, extraClosingDays, receivedAt, dueDate) => {
    // Prepare
    const configured = createWorkingDayCalendar({ decrees, extraClosingDays });
    // Act
    const result = firstContactDeadline(new Date(receivedAt), { threatening: false }, configured);
    // Assess
    expect(result.dueDate).toBe(dueDate);
  });
});

describe('isPastDeadline (D2: the deadline is the end of the due date in Amsterdam)', () => {
  it.each([
    ['2026-11-30T23:30:00+01:00', false],
    ['2026-11-30T23:59:59.999+01:00', false],
    ['2026-12-01T00:00:00+01:00', true],
    ['2026-12-01T00:01:00+01:00', true],
  ])('D2: due Mon 30 Nov 2026, at %s past: %s', (now, expected) => {
    // Prepare
    const { deadlineAt } = firstContactDeadline(
      new Date('2026-11-23T10:02:11+01:00'),
      { threatening: false },
      createWorkingDayCalendar(),
    );
    // Act & Assess
    expect(deadlineAt).toBe('2026-11-30T23:59:59+01:00');
    expect(isPastDeadline(deadlineAt, new Date(now))).toBe(expected);
  });

  it.each([
    ['2026-03-30T23:59:59.999+02:00', false],
    ['2026-03-31T00:00:00+02:00', true],
  ])('D2: in summer time, at %s past: %s', (now, expected) => {
    // Act & Assess
    expect(isPastDeadline('2026-03-30T23:59:59+02:00', new Date(now))).toBe(expected);
  });
});

describe('Amsterdam calendar helpers', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    [' 2026-01-01', false],
    ['', false],
  ])('isCalendarDate(%j) is %s', (value, expected) => {
    // Act & Assess
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ['2026-11-23', 1],
    ['2026-11-27', 5],
    ['2026-11-29', 7],
  ])('isoWeekday(%s) is %i', (date, expected) => {
    expect(isoWeekday(date)).toBe(expected);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-28', 2, '2026-03-30'], // over the DST switch: still whole days
  ])('addCalendarDays(%s, %i) is %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-01-15T12:00:00Z', 60, '2026-01-15', '2026-01-15T13:00:00+01:00'],
    ['2026-07-15T12:00:00.789Z', 120, '2026-07-15', '2026-07-15T14:00:00+02:00'],
    ['2026-03-29T00:59:59Z', 60, '2026-03-29', '2026-03-29T01:59:59+01:00'],
    ['2026-03-29T01:00:00Z', 120, '2026-03-29', '2026-03-29T03:00:00+02:00'],
    ['2026-10-25T00:59:59Z', 120, '2026-10-25', '2026-10-25T02:59:59+02:00'],
    ['2026-10-25T01:00:00Z', 60, '2026-10-25', '2026-10-25T02:00:00+01:00'],
    ['2026-12-31T23:00:00Z', 60, '2027-01-01', '2027-01-01T00:00:00+01:00'],
  ])('at %s Amsterdam is UTC+%i min, on %s, shown as %s', (instant, offset, date, formatted) => {
    // Prepare
    const at = new Date(instant);
    // Act & Assess
    expect(amsterdamOffsetMinutes(at)).toBe(offset);
    expect(amsterdamDateOf(at)).toBe(date);
    expect(formatAmsterdam(at)).toBe(formatted);
  });

  it.each([
    ['2026-11-30', '23:59:59.999', '2026-11-30T22:59:59.999Z'],
    ['2026-07-08', '23:59:59', '2026-07-08T21:59:59.000Z'],
    ['2026-03-29', '01:30:00', '2026-03-29T00:30:00.000Z'], // before the spring gap
    ['2026-03-29', '02:30:00', '2026-03-29T01:30:00.000Z'], // in the gap: read as 03:30+02:00
    ['2026-10-25', '02:30:00', '2026-10-25T00:30:00.000Z'], // in the overlap: the earlier (+02:00)
    ['2026-10-25', '03:30:00', '2026-10-25T02:30:00.000Z'],
  ])('amsterdamInstant(%s, %s) is %s', (date, time, expected) => {
    expect(amsterdamInstant(date, time).toISOString()).toBe(expected);
  });
});
