import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWholeReceipt } from './support/receipt-pages.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// DESIGN I1 with the worst receipt lines: rows rejected for every column at once carry a dozen
// field errors each, some twenty times the bytes of an accepted line. Their lines are stored in
// chunks and read back in pages; DynamoDB refuses any item over 400 KB, so a chunk or page must be
// bounded by its bytes, not only by its number of lines — or such a file is never finished.
let t: TestRuntime;
const ROWS = 1_500;
const HEADER =
  'Huurdernummer;Voorletters;Tussenvoegsel;Achternaam;Geboortedatum;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Telefoon;Email;Achterstand bedrag;Achterstand sinds;Maandhuur;Aantal minderjarigen;Ontruimingsdatum;BSN;Bezwaar';

/** Every value wrong: the row is rejected with an error on nearly every column. */
function hopelessRow(index: number): string {
  const long = 'x'.repeat(300);
  return [
    `T${index}`,
    `=A${index}`,
    long,
    `=HYPERLINK("${index}")`,
    '31-02-1975',
    long,
    'nul',
    long,
    '3562',
    long,
    'bel me',
    'geen-mail',
    'veel',
    '99-99-2026',
    'duur',
    'drie',
    '32-13-2026',
    '123456789',
    'misschien',
  ].join(';');
}

beforeAll(async () => {
  t = await startTestRuntime();
  await t.setClock('2026-11-23T10:00:00+01:00');
});

afterAll(async () => {
  await t?.stop();
});

describe('I1: a file of hopeless rows is finished and read back whole', () => {
  it(`${ROWS} rows, each rejected with many field errors: 202 klaar, every row on the receipt once`, async () => {
    // Prepare
    const csv = [HEADER, ...Array.from({ length: ROWS }, (_, index) => hopelessRow(index + 1))].join('\r\n');

    // Act
    const answer = await t.api.request<{ uploadId: string; status: string; counts: Record<string, number> }>(
      'POST',
      '/intake/rent-arrears?attest=sociale-incasso',
      {
        token: 'dev-bo-ex',
        body: new Uint8Array(Buffer.from(csv, 'utf8')),
        headers: { 'content-type': 'text/csv' },
      },
    );
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(202);
    await t.drain();
    const { receipt } = await readWholeReceipt<{
      status: string;
      counts: Record<string, number>;
      rows: { row: number; status: string; errors?: unknown[] }[];
    }>(t.api, answer.body.uploadId, 'dev-bo-ex');

    // Assess
    expect(receipt.status).toBe('klaar');
    expect(receipt.counts).toMatchObject({ received: ROWS, rejected: ROWS, accepted: 0 });
    expect(receipt.rows.map((line) => line.row)).toEqual(
      Array.from({ length: ROWS }, (_, index) => index + 2),
    );
    expect(Math.min(...receipt.rows.map((line) => line.errors?.length ?? 0))).toBeGreaterThanOrEqual(10);
    const bytesPerLine = JSON.stringify(receipt.rows).length / ROWS;
    console.info(`receipt-item-size: ${Math.round(bytesPerLine)} bytes per rejected line`);
  }, 180_000);
});
