import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_AMOUNT,
  MAX_HOUSE_NUMBER,
  MAX_HOUSEHOLD_COUNT,
  TEXT_LIMITS,
} from '../../shared/api/field-schemas.ts';
import { energySignalSchema } from '../../shared/api/partner-intake-schemas.ts';
import type { SignalState, UploadReceipt } from '../../shared/application/ports.ts';
import { receiveRentArrears } from '../../shared/application/rent-arrears-intake.ts';
import { fixedClock } from '../../shared/domain/clock.ts';
import { CsvFileError } from '../../shared/intake/csv-file.ts';
import { mapColumns, validateRentArrearsRow } from '../../shared/intake/rent-arrears-rows.ts';
import type { SignalMessage } from '../../shared/messages.ts';
import {
  RENT_ARREARS_ROW_COLUMNS,
  rentArrearsCsvArbitrary,
  rentArrearsRowArbitrary,
} from '../support/csv-arbitraries.ts';

// DESIGN I1 as a property: whatever a partner sends, every data row ends in exactly one status and
// the counts add up; a file that is no usable list at all is a CsvFileError (a 4xx), never a crash.
// In-memory ports stand in for DynamoDB and SQS here; test/integration runs the same over HTTP.
function inMemoryPorts() {
  const states = new Map<string, SignalState>();
  const published: SignalMessage[] = [];
  const saved: UploadReceipt[] = [];
  let uploads = 0;
  return {
    published,
    saved,
    deps: {
      signals: {
        getStates: async (ids: readonly string[]) =>
          new Map(ids.flatMap((id) => (states.has(id) ? [[id, states.get(id) as SignalState]] : []))),
      },
      publisher: {
        publish: async (message: SignalMessage) => void published.push(message),
        publishMany: async (messages: readonly SignalMessage[]) => {
          published.push(...messages);
          for (const message of messages) {
            if (message.type !== 'debt-signals') continue;
            for (const item of message.items) {
              states.set(item.signalId, {
                signalId: item.signalId,
                status: 'open',
                amount: item.input.amount,
                feedback: 'ontvangen',
              });
            }
          }
        },
      },
      uploads: {
        save: async (receipt: UploadReceipt) => void saved.push(receipt),
        get: async () => undefined,
        list: async () => ({ items: [] }),
      },
      secret: 'p'.repeat(48),
      clock: fixedClock('2026-11-23T10:00:00+01:00'),
      newUploadId: () => `upl_${++uploads}`,
    },
  };
}

const FILE_ERRORS = new Set([
  'unbalanced-quotes',
  'malformed-csv',
  'missing-columns',
  'no-rows',
  'empty-file',
  'not-a-csv',
]);

describe('I1 property: every row accounted for', () => {
  it('holds for thousands of generated files, sent once and again', async () => {
    const { deps, saved } = inMemoryPorts();

    await fc.assert(
      fc.asyncProperty(rentArrearsCsvArbitrary, async (file) => {
        for (const attempt of [1, 2]) {
          let receipt: UploadReceipt;
          try {
            receipt = await receiveRentArrears(
              { bytes: file.bytes },
              { source: 'bo-ex', attestation: 'sociale-incasso' },
              deps,
            );
          } catch (error) {
            expect(error).toBeInstanceOf(CsvFileError);
            expect(FILE_ERRORS.has((error as CsvFileError).code)).toBe(true);
            return;
          }
          const { received, accepted, rejected, duplicate, updated } = receipt.counts;
          expect(received).toBe(file.dataRows);
          expect(accepted + rejected + duplicate + updated).toBe(received);
          expect(receipt.rows).toHaveLength(received);
          expect(new Set(receipt.rows?.map((row) => row.row)).size).toBe(received);
          for (const row of receipt.rows ?? []) {
            expect(row.status === 'rejected').toBe(Boolean(row.errors?.length));
            expect(row.status === 'rejected').toBe(!row.signalId);
          }
          // I5: sending the same file again accepts nothing new.
          if (attempt === 2) expect(accepted).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
    expect(saved.length).toBeGreaterThan(1000);
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
