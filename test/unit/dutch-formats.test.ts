import { describe, expect, it } from 'vitest';
import { parseAmount, parseDate, validBsn } from '../../shared/domain/dutch-formats.ts';

describe('I2 amounts', () => {
  it.each([
    ['1.234,56', 1234.56],
    ['1234,56', 1234.56],
    ['1234.56', 1234.56],
    ['€ 1.234,56', 1234.56],
    ['€1.234,56', 1234.56],
    ['€ 812,40', 812.4],
    ['1200', 1200],
    ['60,00', 60],
    ['1.234', 1234],
    ['12.345.678,9', 12345678.9],
    ['0,5', 0.5],
    ['  310,00 ', 310],
  ])('%s → %d', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it.each(['', 'abc', '1,2,3', '12,345', '1.23.4', '€', '12 euro', '1.2345'])(
    '%j is not an amount',
    (text) => {
      expect(parseAmount(text)).toBeUndefined();
    },
  );
});

describe('I2 dates', () => {
  it.each([
    ['14-03-1984', '1984-03-14'],
    ['5-5-1988', '1988-05-05'],
    ['12/12/1979', '1979-12-12'],
    ['1961-07-30', '1961-07-30'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each([
    '31-02-1975',
    '29-02-2023',
    '2026-13-01',
    '00-01-2026',
    '1984/03/14',
    '14.03.1984',
    '14-03-84',
    '',
  ])('%j is not a date (I3)', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});

describe('I3 BSN elfproef', () => {
  it.each([
    ['111222333', '111222333'],
    ['123456782', '123456782'],
    ['11222333', undefined],
    ['012345672', '012345672'],
    ['12345672', '012345672'],
  ])('%s → %s', (text, expected) => {
    expect(validBsn(text)).toBe(expected);
  });

  it.each(['123456789', '000000000', '1234567', '1234567890', '11122233a'])('%s fails', (text) => {
    expect(validBsn(text)).toBeUndefined();
  });
});
