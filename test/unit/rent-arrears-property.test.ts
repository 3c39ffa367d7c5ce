import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_AMOUNT,
  MAX_HOUSE_NUMBER,
  MAX_HOUSEHOLD_COUNT,
  TEXT_LIMITS,
} from '../../shared/api/field-schemas.ts';
import { energySignalSchema } from '../../shared/api/partner-intake-schemas.ts';
import { receivePartnerUpload } from '../../shared/application/partner-upload.ts';
import type { UploadReceipt } from '../../shared/application/ports.ts';
import { fixedClock } from '../../shared/domain/clock.ts';
import { CsvFileError } from '../../shared/intake/csv-file.ts';
import { mapColumns } from '../../shared/intake/rent-arrears-columns.ts';
import { validateRentArrearsRow } from '../../shared/intake/rent-arrears-rows.ts';
import {
  RENT_ARREARS_ROW_COLUMNS,
  rentArrearsCsvArbitrary,
  rentArrearsRowArbitrary,
} from '../support/csv-arbitraries.ts';
import { inMemoryIntake } from '../support/in-memory-intake.ts';

// DESIGN I1 as a property: whatever a partner sends, every data row ends in exactly one status and
// the counts add up; a file that is no usable list at all is a CsvFileError (a 4xx), never a crash.
// In-memory ports stand in for DynamoDB and SQS here; test/integration runs the same over HTTP.
const upload = (deps: ReturnType<typeof inMemoryIntake>['deps'], bytes: Uint8Array) =>
  receivePartnerUpload(
    { kind: 'rent-arrears', source: 'bo-ex', bytes, attestation: 'sociale-incasso' },
    deps,
    Number.POSITIVE_INFINITY,
  );

const FILE_ERRORS = new Set([
  'unbalanced-quotes',
  'malformed-csv',
  'missing-columns',
  'no-rows',
  'empty-file',
  'not-a-csv',
]);

describe('I1 property: every row accounted for', () => {
  it('holds for thousands of generated files, sent once, again, and again as other bytes', async () => {
    const intake = inMemoryIntake({ clock: fixedClock('2026-11-23T10:00:00+01:00'), routeOnPublish: true });
    let receipts = 0;

    await fc.assert(
      fc.asyncProperty(rentArrearsCsvArbitrary, async (file) => {
        // The same file as other bytes: one more blank line at the end, which is no row.
        const resent = new Uint8Array([...file.bytes, 0x0d, 0x0a]);
        let first: UploadReceipt | undefined;
        for (const [attempt, bytes] of [file.bytes, file.bytes, resent].entries()) {
          let answer: Awaited<ReturnType<typeof upload>>;
          try {
            answer = await upload(intake.deps, bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(CsvFileError);
            expect(FILE_ERRORS.has((error as CsvFileError).code)).toBe(true);
            return;
          }
          const { receipt } = answer;
          receipts++;
          const { received, accepted, rejected, duplicate, updated } = receipt.counts;
          expect(receipt.status).toBe('klaar');
          expect(received).toBe(file.dataRows);
          expect(accepted + rejected + duplicate + updated).toBe(received);
          expect(receipt.rows).toHaveLength(received);
          expect(new Set(receipt.rows?.map((row) => row.row)).size).toBe(received);
          for (const row of receipt.rows ?? []) {
            expect(row.status === 'rejected').toBe(Boolean(row.errors?.length));
            expect(row.status === 'rejected').toBe(!row.signalId);
          }
          if (attempt === 0) first = receipt;
          // I5: the same bytes again are the same request: the first receipt, replayed.
          if (attempt === 1) expect(answer).toEqual({ receipt: first, replayed: true });
          // I5: the same rows in other bytes are a new upload that accepts nothing new.
          if (attempt === 2) {
            expect(answer.replayed).toBe(false);
            expect(receipt.uploadId).not.toBe(first?.uploadId);
            expect(accepted).toBe(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
    expect(receipts).toBeGreaterThan(1000);
  }, 120_000);
});

// DESIGN I3 as a property (issue 11): whatever a row holds, an accepted row carries nothing the JSON
// routes would refuse — no text over its limit, no control character, no formula start, no amount
// over € 1,000,000 — so the router's DynamoDB write can never fail on its size.
const characters = (text: string | undefined) => Array.from(text ?? '').length;
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffd]/;

describe('I3 property: an accepted row is within every bound', () => {
  const columns = mapColumns(RENT_ARREARS_ROW_COLUMNS);

  it('holds for thousands of generated rows, and the energy schema accepts the same values', () => {
    let accepted = 0;
    fc.assert(
      fc.property(rentArrearsRowArbitrary, (cells) => {
        const result = validateRentArrearsRow(cells, columns, '2026-11-23', 'bo-ex');
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        const { person, address, amount, monthlyRent, minorsInHousehold, sourceReference } = result.input;
        const texts = {
          reference: sourceReference,
          initials: person.initials,
          prefix: person.prefix,
          surname: person.surname,
          street: address.street,
          city: address.city,
          houseNumberSuffix: address.houseNumberSuffix,
          phone: person.phone,
          email: person.email,
        };
        for (const [field, text] of Object.entries(texts)) {
          expect(characters(text)).toBeLessThanOrEqual(TEXT_LIMITS[field as keyof typeof TEXT_LIMITS]);
          expect(text ?? '').not.toMatch(CONTROL);
        }
        for (const name of [person.initials, person.prefix, person.surname, address.street, address.city]) {
          expect(name ?? '').not.toMatch(/^[=+\-@]/);
        }
        expect(amount).toBeGreaterThan(0);
        expect(amount).toBeLessThanOrEqual(MAX_AMOUNT);
        expect(monthlyRent ?? 0).toBeLessThanOrEqual(100_000);
        expect(Number.isInteger(address.houseNumber) && address.houseNumber <= MAX_HOUSE_NUMBER).toBe(true);
        expect(minorsInHousehold ?? 0).toBeLessThanOrEqual(MAX_HOUSEHOLD_COUNT);
        // One schema for both paths: the same values as an energy element pass as well.
        const element = {
          reference: sourceReference,
          supplier: 'Eneco',
          kind: 'vroegsignaal',
          customerNumber: sourceReference,
          person,
          address,
          amount,
          arrearsSince: result.input.arrearsSince,
          minorsInHousehold,
        };
        expect(energySignalSchema.safeParse(element).success).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(100);
  }, 60_000);
});
