import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { receivePartnerUpload } from '../../shared/application/partner-upload.ts';
import { fixedClock } from '../../shared/domain/clock.ts';
import { NotThisUploadError, rejectedOverviewCsv, rejectedRowsCsv } from '../../web/src/csv.ts';
import { inMemoryIntake } from '../support/in-memory-intake.ts';
import { readSampleBytes } from '../support/samples.ts';

// Issue 15: the rejected rows of ANY earlier upload, not only of the one just sent. The service keeps
// no row data, so the partner chooses the file again and the browser builds the download from it —
// after checking it is that upload's file: as many rows as the receipt received, and at every
// rejected row the huurdernummer the receipt has. Without the file, an overview of row number,
// huurdernummer and errors.

async function receiptOf(bytes: Uint8Array) {
  const { deps } = inMemoryIntake({ clock: fixedClock('2026-11-23T10:00:00+01:00') });
  const { receipt } = await receivePartnerUpload(
    { kind: 'rent-arrears', source: 'bo-ex', bytes, attestation: 'sociale-incasso' },
    deps,
    Number.POSITIVE_INFINITY,
  );
  const rejected = (receipt.rows ?? []).flatMap((line) =>
    line.status === 'rejected'
      ? [{ row: line.row as number, reference: line.reference, errors: line.errors }]
      : [],
  );
  return { received: receipt.counts.received, rejected };
}

const sample = () => readSampleBytes('rent-arrears-bo-ex.csv');
/** The sample's rows as Windows-1252 text lines (row 1 the header). */
const sampleLines = () => Buffer.from(sample()).toString('latin1').split('\r\n');
const asFile = (lines: readonly string[]) => new Uint8Array(Buffer.from(lines.join('\r\n'), 'latin1'));
const firstCells = (csv: string) =>
  (parse(csv.slice(1), { delimiter: ';', relax_column_count: true }) as string[][]).map((cells) => cells[0]);

describe('the rejected rows of an earlier upload (issue 15)', () => {
  it('the file chosen again gives its rejected rows, as the upload just sent does', async () => {
    // Prepare
    const { received, rejected } = await receiptOf(sample());

    // Act
    const csv = rejectedRowsCsv(sample(), rejected, { received });

    // Assess
    expect(firstCells(csv)).toEqual(['Huurdernummer', 'HN-100234', 'HN-100235', 'HN-100236', 'HN-100238']);
    expect(csv).toBe(rejectedRowsCsv(sample(), rejected));
  });

  it('another file with as many rows but another huurdernummer on a rejected row is refused', async () => {
    // Prepare: row 5 (rejected) now names another tenant.
    const { received, rejected } = await receiptOf(sample());
    const lines = sampleLines();
    lines[4] = (lines[4] as string).replace('HN-100234', 'HN-200234');

    // Act
    const attempt = () => rejectedRowsCsv(asFile(lines), rejected, { received });

    // Assess
    expect(attempt).toThrow(NotThisUploadError);
    expect(attempt).toThrow(
      'Dit bestand hoort niet bij deze aanlevering: rij 5 heeft er een ander huurdernummer dan op het ontvangstbewijs. Kies het bestand dat u toen verstuurde.',
    );
  });

  it('a file with another number of rows is refused, even for a receipt without huurdernummers', async () => {
    // Prepare: a receipt from before issue 15 (no references), and the file with a row more.
    const { received, rejected } = await receiptOf(sample());
    const old = rejected.map(({ row, errors }) => ({ row, errors }));
    const lines = sampleLines();
    lines.splice(3, 0, lines[2] as string);

    // Act
    const attempt = () => rejectedRowsCsv(asFile(lines), old, { received });

    // Assess
    expect(attempt).toThrow(
      'Dit bestand hoort niet bij deze aanlevering: het telt 9 rijen, de aanlevering 8 rijen. Kies het bestand dat u toen verstuurde.',
    );
    expect(rejectedRowsCsv(sample(), old, { received })).toBe(rejectedRowsCsv(sample(), rejected));
  });

  it('without the file: row number, huurdernummer and fouten, no formula a spreadsheet would run', () => {
    // Act
    const csv = rejectedOverviewCsv([
      { row: 5, reference: 'HN-100234', errors: [{ message: 'Geboortedatum is geen geldige datum.' }] },
      { row: 7, errors: [{ message: 'Bezwaar.' }, { message: 'Nog iets; met "aanhalingstekens".' }] },
      { row: 9, reference: '=HYPERLINK("x")', errors: [] },
    ]);

    // Assess
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parse(csv.slice(1), { delimiter: ';' })).toEqual([
      ['rij', 'huurdernummer', 'fouten'],
      ['5', 'HN-100234', 'Geboortedatum is geen geldige datum.'],
      ['7', '', 'Bezwaar. Nog iets; met "aanhalingstekens".'],
      ['9', `'=HYPERLINK("x")`, ''],
    ]);
  });
});
