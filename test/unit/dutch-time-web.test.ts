import { describe, expect, it } from 'vitest';
import {
  amsterdamDateOf,
  checkDateTime,
  dutchEntryOf,
  dutchEntryOfDate,
  EMPTY_DATE_TIME,
  formatDutchDate,
  formatDutchDateTime,
  formatDutchLongDateTime,
  isoWeekNumber,
  mondayOf,
  parseDutchDate,
  parseDutchDateTime,
  workingDaysText,
} from '../../web/src/dutch-time.ts';

// Issue 15 builds 5–6: the web app's dates in Dutch with the year when it is not the service's
// year, and a Dutch date-time entry on the Amsterdam clock whatever the browser (and this process,
// TZ=Pacific/Auckland in `npm test`) thinks. The expected offsets are the EU rule stated by hand:
// summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.

describe('formatDutchDate / formatDutchDateTime', () => {
  it("leaves out the year of the service's year and writes any other", () => {
    expect(formatDutchDate('2026-12-03', '2026-12-01')).toBe('3 dec');
    expect(formatDutchDate('2025-12-03', '2026-12-01')).toBe('3 dec 2025');
    expect(formatDutchDate(undefined, '2026-12-01')).toBe('—');
  });

  it("takes the Amsterdam date of an instant, not the machine's", () => {
    // 31 Dec 23:30 UTC is already 1 Jan in Amsterdam: a new year, so the year is written.
    expect(formatDutchDate('2026-12-31T23:30:00Z', '2026-12-01')).toBe('1 jan 2027');
    expect(formatDutchDateTime('2026-07-01T07:05:00Z', '2026-12-01')).toBe('1 jul 09:05');
    expect(formatDutchDateTime('2025-01-15T07:05:00Z', '2026-12-01')).toBe('15 jan 2025 08:05');
  });
});

describe('parseDutchDateTime', () => {
  it.each([
    ['01-12-2026', '9:05', '2026-12-01T09:05:00+01:00'],
    ['1-7-2026', '09.30', '2026-07-01T09:30:00+02:00'],
    ['31/12/26', '2359', '2026-12-31T23:59:00+01:00'],
    // The last Sunday of March 2026 is the 29th: 01:59 is still winter, 03:00 already summer.
    ['29-03-2026', '01:59', '2026-03-29T01:59:00+01:00'],
    ['29-03-2026', '03:00', '2026-03-29T03:00:00+02:00'],
    // The last Sunday of October 2026 is the 25th: 02:30 happens twice; the first is summer time.
    ['25-10-2026', '02:30', '2026-10-25T02:30:00+02:00'],
    ['25-10-2026', '03:00', '2026-10-25T03:00:00+01:00'],
  ])('%s %s → %s', (date, time, iso) => {
    expect(parseDutchDateTime(date, time)).toEqual({ ok: true, iso });
    // The ISO string names the same instant as the Amsterdam wall clock (an independent round trip).
    const entry = dutchEntryOf(new Date(iso));
    expect(parseDutchDateTime(entry.date, entry.time)).toEqual({ ok: true, iso });
  });

  it.each([
    ['2026-12-01', '09:00', 'date', 'Vul een datum in als dag-maand-jaar, bijvoorbeeld 31-12-2026.'],
    ['12/31/2026', '09:00', 'date', '12/31/2026 bestaat niet. Controleer dag en maand.'],
    ['29-02-2026', '09:00', 'date', '29-02-2026 bestaat niet. Controleer dag en maand.'],
    ['01-12-2026', '9:05 PM', 'time', 'Vul een tijd in als uu:mm, bijvoorbeeld 09:30.'],
    ['01-12-2026', '24:00', 'time', 'Vul een tijd in als uu:mm, bijvoorbeeld 09:30.'],
    ['29-03-2026', '02:30', 'time', '02:30 bestaat niet op 29-03-2026: de klok gaat dan een uur vooruit.'],
  ])('refuses %s %s in Dutch, on the %s field', (date, time, field, message) => {
    expect(parseDutchDateTime(date, time)).toEqual({ ok: false, field, message });
  });
});

describe('parseDutchDate (a period filter: dates only)', () => {
  it.each([
    ['01-12-2026', '2026-12-01'],
    ['1-7-2026', '2026-07-01'],
    [' 31/12/26 ', '2026-12-31'],
    ['29.02.2028', '2028-02-29'],
  ])('%s → %s', (text, date) => {
    expect(parseDutchDate(text)).toEqual({ ok: true, date });
    // Back as the entry field shows it, and read again: the same date.
    expect(parseDutchDate(dutchEntryOfDate(date))).toEqual({ ok: true, date });
  });

  it.each([
    ['2026-12-01', 'Vul een datum in als dag-maand-jaar, bijvoorbeeld 31-12-2026.'],
    ['', 'Vul een datum in als dag-maand-jaar, bijvoorbeeld 31-12-2026.'],
    ['12/31/2026', '12/31/2026 bestaat niet. Controleer dag en maand.'],
    ['29-02-2026', '29-02-2026 bestaat niet. Controleer dag en maand.'],
    ['31-04-2026', '31-04-2026 bestaat niet. Controleer dag en maand.'],
  ])('refuses %s in Dutch', (text, message) => {
    expect(parseDutchDate(text)).toEqual({ ok: false, message });
  });

  it('writes a date as the entry field shows it', () => {
    expect(dutchEntryOfDate('2026-01-05')).toBe('05-01-2026');
  });
});

describe('formatDutchLongDateTime (the test clock banner)', () => {
  it('writes weekday, day, month, year and the Amsterdam time', () => {
    expect(formatDutchLongDateTime('2026-12-01T09:00:00+01:00')).toBe('dinsdag 1 december 2026, 09:00');
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(formatDutchLongDateTime('2026-12-31T23:30:00Z')).toBe('vrijdag 1 januari 2027, 00:30');
    expect(formatDutchLongDateTime('2026-07-01T07:05:00Z')).toBe('woensdag 1 juli 2026, 09:05');
  });
});

describe('workingDaysText (D1–D2: the promise counts working days)', () => {
  it.each([
    [3, false, 'nog 3 werkdagen'],
    [1, false, 'nog 1 werkdag'],
    [0, false, 'vandaag de laatste dag'],
    [-1, true, '1 werkdag te laat'],
    [-4, true, '4 werkdagen te laat'],
    // Past the due date on a weekend: late, though no working day has gone by yet.
    [0, true, '1 werkdag te laat'],
  ])('%i left (overdue %s) → %s', (left, overdue, text) => {
    expect(workingDaysText(left, overdue)).toBe(text);
  });
});

describe('checkDateTime (the Dutch date-time field, for useFormErrors)', () => {
  it('gives the instant, or the message on the part that is wrong', () => {
    expect(checkDateTime('contact-at', { date: '01-12-2026', time: '09:30' })).toEqual({
      iso: '2026-12-01T09:30:00+01:00',
      errors: {},
    });
    expect(checkDateTime('contact-at', { date: '01-12-2026', time: '9:30 AM' })).toEqual({
      errors: { 'contact-at-time': 'Vul een tijd in als uu:mm, bijvoorbeeld 09:30.' },
    });
    expect(checkDateTime('contact-at', { date: '', time: '' })).toEqual({
      errors: { 'contact-at-date': 'Vul een datum in als dag-maand-jaar, bijvoorbeeld 31-12-2026.' },
    });
  });

  it('lets an optional field stay empty, and then gives no instant', () => {
    expect(checkDateTime('contact-at', EMPTY_DATE_TIME, { optional: true })).toEqual({ errors: {} });
    expect(checkDateTime('contact-at', { date: '01-12-2026', time: '' }, { optional: true }).errors).toEqual({
      'contact-at-time': 'Vul een tijd in als uu:mm, bijvoorbeeld 09:30.',
    });
  });
});

describe('mondayOf / isoWeekNumber (issue 17: "Afspraken deze week", the dashboard weeks)', () => {
  // Oracle from ISO 8601 itself, by counting: week 1 is the week (Monday to Sunday) with 4 January;
  // walking day by day from the Monday of the week of 4 January 2019, the week number goes up by one
  // every Monday and starts again at 1 on the Monday of the week with the next 4 January.
  it('agrees with a day-by-day count for every day of 2019–2031', () => {
    const day = (date: Date) => date.toISOString().slice(0, 10);
    const jan4 = (year: number) => new Date(Date.UTC(year, 0, 4));
    const mondayBefore = (date: Date) => new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
    let cursor = mondayBefore(jan4(2019));
    let week = 1;
    let monday = day(cursor);
    while (cursor.getUTCFullYear() < 2032) {
      if (cursor.getUTCDay() === 1) {
        // The Monday of week 1 falls between 29 December and 4 January: this year's or the next's.
        const weekOneMondays = [0, 1].map((ahead) =>
          day(mondayBefore(jan4(cursor.getUTCFullYear() + ahead))),
        );
        week = weekOneMondays.includes(day(cursor)) ? 1 : day(cursor) === monday ? week : week + 1;
        monday = day(cursor);
      }
      expect([mondayOf(day(cursor)), isoWeekNumber(day(cursor))], day(cursor)).toEqual([monday, week]);
      cursor = new Date(cursor.getTime() + 86_400_000);
    }
  });

  it('the cases people know: 53 weeks in 2026, week 1 of 2027 on 4 January, week 48 of the demo', () => {
    expect(isoWeekNumber('2026-12-31')).toBe(53);
    expect(isoWeekNumber('2027-01-03')).toBe(53);
    expect([mondayOf('2027-01-04'), isoWeekNumber('2027-01-04')]).toEqual(['2027-01-04', 1]);
    expect([mondayOf('2026-11-29'), isoWeekNumber('2026-11-26')]).toEqual(['2026-11-23', 48]);
    expect(amsterdamDateOf('2026-11-29T23:30:00Z')).toBe('2026-11-30');
  });
});
