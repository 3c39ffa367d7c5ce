import { describe, expect, it } from 'vitest';
import { assessMinors, type BrpBirthDate, compositionOf } from '../../shared/domain/household-composition.ts';

// DESIGN R3 with B1: members under 18 on the receipt date, from the BRP's (partial) birth dates.
// The oracle below is computed from first principles, independent of household.ts: the 18th
// birthday as a date string (29 February → 1 March in a year without it), compared as text.

const RECEIPT = '2026-11-30';

function eighteenthBirthday(birthDate: string): string {
  const [year, month, day] = birthDate.split('-');
  const target = Number(year) + 18;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  return month === '02' && day === '29' && !leap ? `${target}-03-01` : `${target}-${month}-${day}`;
}
const oracleMinor = (birthDate: string, on: string) => eighteenthBirthday(birthDate) > on;

const datum = (date: string): BrpBirthDate => ({ kind: 'datum', date });

describe('assessMinors (R3 from the BRP, B1)', () => {
  it.each([
    '2008-11-30', // 18 today: an adult
    '2008-12-01', // 18 tomorrow: a minor
    '2008-02-29',
    '2010-06-15',
    '1984-03-14',
    '2026-01-01',
  ])('counts %s as the first-principles oracle does on the receipt date', (birthDate) => {
    const result = assessMinors([datum(birthDate)], RECEIPT);

    expect(result.minorsUnder18).toBe(oracleMinor(birthDate, RECEIPT) ? 1 : 0);
  });

  it('a 29 February birthday turns 18 on 1 March in a year without one', () => {
    expect(assessMinors([datum('2008-02-29')], '2026-02-28').minorsUnder18).toBe(1);
    expect(assessMinors([datum('2008-02-29')], '2026-03-01').minorsUnder18).toBe(0);
  });

  it('counts a family: two adults and two children are two minors', () => {
    const family = ['1984-03-14', '1986-07-01', '2014-05-02', '2017-09-23'].map(datum);

    expect(assessMinors(family, RECEIPT)).toEqual({ minorsUnder18: 2, certainlyAMinor: true });
  });

  it('places a year or year-month that lies wholly on one side of the 18th birthday', () => {
    const partial: BrpBirthDate[] = [
      { kind: 'jaar', year: 2012 },
      { kind: 'jaar-maand', year: 2008, month: 12 },
      { kind: 'jaar', year: 1990 },
    ];

    expect(assessMinors(partial, RECEIPT)).toEqual({ minorsUnder18: 2, certainlyAMinor: true });
  });

  it('leaves the count unknown when a partial date straddles the 18th birthday, or no date is known', () => {
    const straddling: BrpBirthDate[] = [{ kind: 'jaar', year: 2008 }];
    const straddlingMonth: BrpBirthDate[] = [{ kind: 'jaar-maand', year: 2008, month: 11 }];
    const unknown: BrpBirthDate[] = [datum('1980-01-01'), { kind: 'onbekend' }];

    expect(assessMinors(straddling, RECEIPT)).toEqual({ minorsUnder18: undefined, certainlyAMinor: false });
    // Born some day in November 2008: on 15 November 2026 some of those days are 18 already, some not.
    expect(assessMinors(straddlingMonth, '2026-11-15').minorsUnder18).toBeUndefined();
    expect(assessMinors(straddlingMonth, RECEIPT).minorsUnder18).toBe(0);
    expect(assessMinors(unknown, RECEIPT).minorsUnder18).toBeUndefined();
  });

  it('still knows a minor lives there when another member cannot be placed', () => {
    const result = assessMinors([datum('2015-01-01'), { kind: 'onbekend' }], RECEIPT);

    expect(result).toEqual({ minorsUnder18: undefined, certainlyAMinor: true });
  });

  it('an empty address has no minors (and compositionOf leaves it unknown: niet-in-brp)', () => {
    expect(assessMinors([], RECEIPT)).toEqual({ minorsUnder18: 0, certainlyAMinor: false });
    expect(
      compositionOf(undefined, { residents: assessMinors([], RECEIPT), nobodyRegistered: true }),
    ).toEqual({ source: 'onbekend', certainlyAMinor: false });
  });
});

describe('compositionOf (B1: what is kept, and from where)', () => {
  const brpTwo = { residents: { minorsUnder18: 2, certainlyAMinor: true } };

  it('the partner’s count wins over the BRP’s', () => {
    expect(compositionOf(0, brpTwo)).toEqual({ minorsUnder18: 0, source: 'partner', certainlyAMinor: false });
  });

  it('the BRP’s count when the partner gave none', () => {
    expect(compositionOf(undefined, brpTwo)).toEqual({
      minorsUnder18: 2,
      source: 'brp',
      certainlyAMinor: true,
    });
  });

  it('unknown without an answer, or when the BRP answered but could not count', () => {
    expect(compositionOf(undefined, undefined)).toEqual({ source: 'onbekend', certainlyAMinor: false });
    expect(compositionOf(undefined, { compositionPending: true })).toEqual({
      source: 'onbekend',
      certainlyAMinor: false,
    });
    expect(
      compositionOf(undefined, { residents: { minorsUnder18: undefined, certainlyAMinor: true } }),
    ).toEqual({ source: 'onbekend', certainlyAMinor: true });
  });
});
