import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  MAX_AMOUNT,
  MAX_HOUSE_NUMBER,
  MAX_HOUSEHOLD_COUNT,
  TEXT_LIMITS,
} from '../../shared/api/field-schemas.ts';
import { planRentArrears } from '../../shared/application/rent-arrears-intake.ts';
import { csvLayout, decodeCsv } from '../../shared/intake/csv-layout.ts';
import {
  canonicalColumn,
  RENT_ARREARS_COLUMNS,
  REQUIRED_COLUMNS,
} from '../../shared/intake/rent-arrears-columns.ts';
import {
  columnLetter,
  FORMAT_COLUMNS,
  FORMAT_LIMITS,
  TEMPLATE_HEADER,
  templateCsv,
} from '../../web/src/rent-arrears-format.ts';

// Issue 15: the format page ("Bestandsformaat") lists the columns of the rent-arrears list and offers
// a template to download. Both come from the parser's own list of columns, and the template is
// read here by the service's own parser: what the page hands out is what the service accepts.

const bytes = () => new Uint8Array(Buffer.from(templateCsv(), 'utf8'));

describe('the format page and its template (issue 15, DESIGN I2, I3)', () => {
  it('the template is read by the service as one accepted row, no unknown columns, no rejections', async () => {
    // Act
    const { plan, warnings } = await planRentArrears(bytes(), {
      source: 'bo-ex',
      today: '2026-11-23',
      secret: 'test-secret',
    });

    // Assess
    expect(plan.received).toBe(1);
    expect(plan.rejected).toEqual([]);
    expect(warnings).toEqual([]);
    const [row] = plan.packs.flatMap((pack) => pack.signals.flatMap((signal) => signal.rows));
    expect(row?.label).toEqual({ row: 2, reference: 'HN-100231' });
    // Every example value was read, none left out as empty.
    expect(row?.input).toMatchObject({
      sourceReference: 'HN-100231',
      person: { initials: 'J.', prefix: 'van', surname: 'Dijk', birthDate: '1984-03-14', bsn: '111222333' },
      address: { postcode: '3561AB', houseNumber: 12, houseNumberSuffix: 'bis', city: 'Utrecht' },
      amount: 1234.56,
      arrearsSince: '2026-08-01',
      monthlyRent: 645,
      evictionDate: '2027-01-15',
      minorsInHousehold: 2,
    });
  });

  it('is `;`-separated UTF-8 with a BOM, its header on row 1, naming every column the parser knows', () => {
    // Act
    const text = decodeCsv(bytes()).text;
    const layout = csvLayout(text, parse);

    // Assess
    expect(templateCsv().startsWith('\uFEFF')).toBe(true);
    expect(templateCsv().endsWith('\r\n')).toBe(true);
    expect(layout.delimiter).toBe(';');
    expect(layout.headerRow).toBe(1);
    expect(layout.header).toEqual(TEMPLATE_HEADER);
    expect(layout.columns.missing).toEqual([]);
    expect(layout.columns.unknown).toEqual([]);
    expect([...layout.columns.index.keys()]).toEqual(RENT_ARREARS_COLUMNS);
    // The names as the parser itself writes them.
    expect(TEMPLATE_HEADER.map(canonicalColumn)).toEqual(TEMPLATE_HEADER);
  });

  it('lists the parser columns in its order with its required ones, lettered as a spreadsheet does', () => {
    expect(FORMAT_COLUMNS.map((column) => column.name)).toEqual(RENT_ARREARS_COLUMNS);
    expect(FORMAT_COLUMNS.filter((column) => column.required).map((column) => column.name)).toEqual(
      REQUIRED_COLUMNS,
    );
    expect(FORMAT_COLUMNS.map((column) => column.letter).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect([columnLetter(25), columnLetter(26), columnLetter(27), columnLetter(701)]).toEqual([
      'Z',
      'AA',
      'AB',
      'ZZ',
    ]);
    for (const column of FORMAT_COLUMNS) {
      expect(column.format, column.name).toMatch(/\S/);
      expect(column.example, column.name).toMatch(/\S/);
    }
  });

  it("names the field schemas' own limits", () => {
    expect(FORMAT_LIMITS).toEqual({
      reference: TEXT_LIMITS.reference,
      initials: TEXT_LIMITS.initials,
      prefix: TEXT_LIMITS.prefix,
      surname: TEXT_LIMITS.surname,
      street: TEXT_LIMITS.street,
      city: TEXT_LIMITS.city,
      houseNumberSuffix: TEXT_LIMITS.houseNumberSuffix,
      email: TEXT_LIMITS.email,
      maxHouseNumber: MAX_HOUSE_NUMBER,
      maxHouseholdCount: MAX_HOUSEHOLD_COUNT,
      maxAmount: MAX_AMOUNT,
    });
  });
});
