import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { asItem, itemSize } from '../../bench/capacity-units.ts';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb-upload-store.ts';
import { TEXT_LIMITS } from '../../shared/api/field-schemas.ts';
import { planRentArrears } from '../../shared/application/rent-arrears-intake.ts';
import {
  classifyPack,
  LINES_PER_PACK,
  type PackDecision,
  type ReceiptLine,
} from '../../shared/domain/upload-plan.ts';
import { SAMPLES_DIR } from '../support/samples.ts';

// Issue 15 (uploads at real volume): a receipt's rows carry the corporation's own huurdernummer, so
// that a partner finds a row of a 30,000-row list by it, not only by its number (P4: only the partner
// reads its receipts). Never where it must not be kept (C1) or cannot be trusted (I2, I3); and a
// stored item of receipt lines stays under DynamoDB's 400 KB with the longest reference there may be.

const CONTEXT = { source: 'bo-ex', today: '2026-11-23', secret: 'test-secret' } as const;
const HEADER =
  'huurdernummer;achternaam;geboortedatum;postcode;huisnummer;achterstand_bedrag;achterstand_sinds;bezwaar';
const row = (tenant: string, extra: Partial<Record<'surname' | 'postcode' | 'bezwaar', string>> = {}) =>
  `${tenant};${extra.surname ?? 'Test'};01-01-1980;${extra.postcode ?? '3561AB'};1;500,00;01-09-2026;${extra.bezwaar ?? ''}`;
const file = (rows: readonly string[]) => Buffer.from(`${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

async function receiptLines(bytes: Uint8Array): Promise<ReceiptLine[]> {
  const { plan } = await planRentArrears(bytes, CONTEXT);
  const decided = plan.packs.flatMap((pack) => classifyPack(pack, new Map()).lines);
  return [...plan.rejected, ...decided].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

describe('the huurdernummer on the receipt (issue 15, P4, C1)', () => {
  it('every row of the sample carries its huurdernummer, accepted and rejected alike, except the objection (C1)', async () => {
    // Prepare
    const bytes = readFileSync(join(SAMPLES_DIR, 'rent-arrears-bo-ex.csv'));

    // Act
    const lines = await receiptLines(bytes);

    // Assess
    expect(lines.map((line) => [line.row, line.status, line.reference])).toEqual([
      [2, 'accepted', 'HN-100231'],
      [3, 'accepted', 'HN-100232'],
      [4, 'accepted', 'HN-100233'],
      [5, 'rejected', 'HN-100234'],
      [6, 'rejected', 'HN-100235'],
      [7, 'rejected', undefined],
      [8, 'accepted', 'HN-100237'],
      [9, 'rejected', 'HN-100238'],
    ]);
    expect(Object.keys(lines.find((line) => line.row === 7) ?? {})).not.toContain('reference');
  });

  it('leaves out a huurdernummer that is empty, unreadable or too long; keeps it when another cell is unreadable', async () => {
    // Prepare
    const longest = 'R'.repeat(TEXT_LIMITS.reference);
    const bytes = file([
      row(''), // 2: missing
      row('HN-\u0000-3'), // 3: a NUL in the huurdernummer
      row('HN-4', { surname: 'Te\u0000st' }), // 4: a NUL elsewhere
      row(`${longest}X`), // 5: one character too long
      row(`  ${longest}  `), // 6: as long as a reference may be, spaces around it
      row('HN-7', { postcode: '0000' }), // 7: rejected for its postcode
      row('HN-8', { bezwaar: 'ja' }), // 8: objected to sharing
    ]);

    // Act
    const lines = await receiptLines(bytes);

    // Assess
    expect(lines.map((line) => [line.row, line.status, line.reference])).toEqual([
      [2, 'rejected', undefined],
      [3, 'rejected', undefined],
      [4, 'rejected', 'HN-4'],
      [5, 'rejected', undefined],
      [6, 'accepted', longest],
      [7, 'rejected', 'HN-7'],
      [8, 'rejected', undefined],
    ]);
  });

  it('a stored pack of receipt lines with the longest huurdernummers (64 four-byte characters) stays under 400 KB', async () => {
    // Prepare: what saveDecisions writes, through the real store, with a client that keeps the items.
    const written: Record<string, unknown>[] = [];
    const client = {
      send: async (command: {
        input: { RequestItems: Record<string, { PutRequest: { Item: never } }[]> };
      }) => {
        for (const request of Object.values(command.input.RequestItems).flat()) {
          written.push(request.PutRequest.Item);
        }
        return {};
      },
    } as unknown as DynamoDBDocumentClient;
    const reference = '𝔘'.repeat(TEXT_LIMITS.reference);
    const decision: PackDecision = {
      pack: 599,
      items: [],
      lines: Array.from({ length: LINES_PER_PACK }, (_, index) => ({
        row: 100_000 + index,
        reference,
        status: 'duplicate',
        signalId: 'sig_8b9bdf987162c0e32d0554e111bb72bf',
      })),
    };

    // Act
    await dynamoUploadStore(client, 'table').saveDecisions('upl_577f049f861e44b5badf5c3dcc1dfc73', [
      decision,
    ]);

    // Assess
    expect(written).toHaveLength(1);
    const bytes = itemSize(asItem(written[0] as Record<string, unknown>));
    console.info(`receipt-tenant-reference: a pack item of the longest references is ${bytes} bytes`);
    expect(bytes).toBeLessThan(400 * 1024);
  });
});
