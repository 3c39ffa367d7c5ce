import { type CalendarDate, isCalendarDate } from './amsterdam-time.ts';

/**
 * DESIGN I2: amounts as Dutch ERPs export them — `1.234,56`, `1234,56`, `1234.56`, `€ 1.234,56`,
 * `1200`. A comma is always the decimal separator and dots then group thousands. With dots only,
 * groups of exactly three digits (`1.234`, `12.345.678`) are thousands — a Dutch export never writes a
 * three-decimal euro amount — and anything else (`1234.5`, `1234.56`) is a decimal point.
 * Returns undefined when the text is not an amount.
 */
export function parseAmount(text: string): number | undefined {
  const compact = text.replace(/€|EUR|\s/gi, '');
  if (!/^-?[\d.,]+$/.test(compact) || !/\d/.test(compact)) return undefined;
  let normalised: string;
  if (compact.includes(',')) {
    if (!/^-?\d{1,3}(\.\d{3})*,\d{1,2}$|^-?\d+,\d{1,2}$/.test(compact)) return undefined;
    normalised = compact.replaceAll('.', '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(compact)) {
    normalised = compact.replaceAll('.', '');
  } else if (/^-?\d+(\.\d{1,2})?$/.test(compact)) {
    normalised = compact;
  } else {
    return undefined;
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}

const DUTCH_DATE = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * DESIGN I2: dates as `dd-mm-jjjj`, `d-m-jjjj`, `dd/mm/jjjj` or `jjjj-mm-dd`, returned as
 * `YYYY-MM-DD`. Undefined when the text is no real date (31-02-1975 is not).
 */
export function parseDate(text: string): CalendarDate | undefined {
  const trimmed = text.trim();
  const dutch = DUTCH_DATE.exec(trimmed);
  const iso = ISO_DATE.exec(trimmed);
  const [year, month, day] = dutch
    ? [dutch[3], dutch[2], dutch[1]]
    : iso
      ? [iso[1], iso[2], iso[3]]
      : [undefined, undefined, undefined];
  if (!year || !month || !day) return undefined;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
}

/**
 * DESIGN I3: a BSN is nine digits passing the elfproef (weights 9..2 and −1). Eight-digit numbers
 * are BSNs that lost their leading zero in a spreadsheet, so they are padded first. Returns the
 * nine-digit BSN, or undefined when it fails.
 */
export function validBsn(text: string): string | undefined {
  const digits = text.trim();
  if (!/^\d{8,9}$/.test(digits)) return undefined;
  const bsn = digits.padStart(9, '0');
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += Number(bsn[index]) * (9 - index);
  sum -= Number(bsn[8]);
  return sum % 11 === 0 && bsn !== '000000000' ? bsn : undefined;
}
