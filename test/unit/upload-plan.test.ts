import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DebtSignalInput } from '../../shared/domain/debt-signal.ts';
import { householdKey, signalIdFor } from '../../shared/domain/household-key.ts';
import {
  classifyPack,
  LINES_PER_PACK,
  type PlannedPack,
  packItemsOf,
  planUpload,
  type ReceiptLine,
  SIGNALS_PER_PACK,
  type StoredSignalState,
  type ValidItem,
} from '../../shared/domain/upload-plan.ts';

const SECRET = 'u'.repeat(48);

/** A valid rent-arrears row of a tenant at a house number (the household, M1). */
function validRow(row: number, tenant: string, house: number, amount = 500): ValidItem {
  const input: DebtSignalInput = {
    kind: 'huurachterstand',
    sourceReference: tenant,
    person: { surname: 'Test', birthDate: '1980-01-01' },
    address: { postcode: '3561AB', houseNumber: house },
    amount,
    arrearsSince: '2026-09-01',
  };
  return { label: { row }, input, dedupeKey: ['bo-ex', 'huurachterstand', tenant, '2026-09-01'] };
}

const idOf = (tenant: string) => signalIdFor(['bo-ex', 'huurachterstand', tenant, '2026-09-01'], SECRET);
const householdOf = (house: number) => householdKey({ postcode: '3561AB', houseNumber: house }, SECRET);
const rowsOf = (pack: PlannedPack) => pack.signals.map((signal) => signal.rows.map((row) => row.label));
const linesIn = (pack: PlannedPack) => pack.signals.reduce((sum, signal) => sum + signal.rows.length, 0);

describe('planUpload (DESIGN I1, I5, M1)', () => {
  it("groups a household's signals into one pack, in file order, one signal per dedupe key", () => {
    // Prepare: two households; tenant A has two rows, household 1 two tenants.
    const valid = [
      validRow(2, 'A', 1),
      validRow(3, 'B', 2),
      validRow(4, 'C', 1),
      validRow(5, 'A', 1, 600),
      validRow(7, 'D', 2),
    ];
    const rejected: ReceiptLine[] = [{ row: 6, status: 'rejected', errors: [] }];

    // Act
    const plan = planUpload(valid, rejected, SECRET);

    // Assess: household 1 (first in the file) before household 2, each signal's rows in file order.
    expect(plan.received).toBe(6);
    expect(plan.rejected).toEqual(rejected);
    expect(plan.packs).toHaveLength(1);
    expect(plan.packs[0]?.signals.map((signal) => signal.signalId)).toEqual([
      idOf('A'),
      idOf('C'),
      idOf('B'),
      idOf('D'),
    ]);
    expect(rowsOf(plan.packs[0] as PlannedPack)).toEqual([
      [{ row: 2 }, { row: 5 }],
      [{ row: 4 }],
      [{ row: 3 }],
      [{ row: 7 }],
    ]);
  });

  it('M1/M2/M3: a household that does not fit in the current pack starts the next one, never straddles two', () => {
    // Prepare: 49 households of one tenant, then a household of two tenants (rows 51 and 52).
    const valid = [
      ...Array.from({ length: 49 }, (_, i) => validRow(i + 2, `T${i}`, i + 1)),
      validRow(51, 'X', 100),
      validRow(52, 'Y', 100),
    ];

    // Act
    const plan = planUpload(valid, [], SECRET);

    // Assess: the pair is routed by one router call (it sees both signals of the household in order).
    expect(plan.packs.map((pack) => pack.signals.length)).toEqual([49, 2]);
    expect(plan.packs[1]?.signals.map((signal) => signal.signalId)).toEqual([idOf('X'), idOf('Y')]);
  });

  it('I1: packs hold at most 50 signals; the next signal starts a new pack', () => {
    // Prepare: 120 tenants, each its own household.
    const valid = Array.from({ length: 120 }, (_, i) => validRow(i + 2, `T${i}`, i + 1));

    // Act
    const plan = planUpload(valid, [], SECRET);

    // Assess
    expect(plan.packs.map((pack) => pack.signals.length)).toEqual([50, 50, 20]);
    expect(plan.packs.map((pack) => pack.pack)).toEqual([0, 1, 2]);
    expect(plan.packs.flatMap((pack) => pack.signals.map((signal) => signal.signalId))).toEqual(
      valid.map((_, i) => idOf(`T${i}`)),
    );
  });

  it('I1: a household of more than 50 signals is split at 50, and the next household fills up the rest', () => {
    // Prepare: 60 tenants at one address, then one tenant elsewhere.
    const valid = [
      ...Array.from({ length: 60 }, (_, i) => validRow(i + 2, `T${i}`, 1)),
      validRow(62, 'Z', 2),
    ];

    // Act
    const plan = planUpload(valid, [], SECRET);

    // Assess
    expect(plan.packs.map((pack) => pack.signals.length)).toEqual([50, 11]);
    expect(plan.packs[1]?.signals.at(-1)?.signalId).toBe(idOf('Z'));
  });

  it('I1: packs hold at most 1,000 lines; a signal or household whose rows do not fit starts a new pack', () => {
    // Prepare: one household with tenants A and B of 600 rows each (too big for one pack), C alone;
    // then D alone with 600 rows, and one household of E (300 rows) and F (200 rows).
    const rows = (tenant: string, house: number, count: number, from: number) =>
      Array.from({ length: count }, (_, i) => validRow(from + i, tenant, house));
    const valid = [
      ...rows('A', 1, 600, 2),
      ...rows('B', 1, 600, 602),
      ...rows('C', 3, 1, 1202),
      ...rows('D', 4, 600, 1203),
      ...rows('E', 5, 300, 1803),
      ...rows('F', 5, 200, 2103),
    ];

    // Act
    const plan = planUpload(valid, [], SECRET);

    // Assess
    expect(plan.packs.map(linesIn)).toEqual([600, 601, 600, 500]);
    expect(plan.packs.map((pack) => pack.signals.map((signal) => signal.signalId))).toEqual([
      [idOf('A')],
      [idOf('B'), idOf('C')],
      [idOf('D')],
      [idOf('E'), idOf('F')],
    ]);
  });

  it('I1: a key repeated beyond 1,000 times in one file: the repeats beyond 1,000 are rejected too-many-repeats', () => {
    // Prepare: 1,003 rows of tenant A, then one row of tenant B.
    const valid = [
      ...Array.from({ length: LINES_PER_PACK + 3 }, (_, i) => validRow(i + 2, 'A', 1)),
      validRow(LINES_PER_PACK + 5, 'B', 2),
    ];

    // Act
    const plan = planUpload(valid, [], SECRET);

    // Assess: the first 1,000 rows are one signal (a pack of its own), the last three are rejected.
    expect(plan.received).toBe(LINES_PER_PACK + 4);
    expect(plan.packs.map(linesIn)).toEqual([LINES_PER_PACK, 1]);
    expect(plan.packs[0]?.signals[0]?.rows.at(-1)?.label).toEqual({ row: LINES_PER_PACK + 1 });
    expect(plan.rejected.map((line) => line.row)).toEqual([1002, 1003, 1004]);
    for (const line of plan.rejected) {
      expect(line).toMatchObject({
        status: 'rejected',
        errors: [{ field: '(rij)', code: 'too-many-repeats' }],
      });
      expect(line.signalId).toBeUndefined();
    }
  });

  // A file as a property: households with a few tenants each, tenants with a few rows, shuffled.
  const fileArbitrary = fc
    .array(
      fc.array(fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 3 }), {
        minLength: 1,
        maxLength: 6,
      }),
      { minLength: 1, maxLength: 70 },
    )
    .chain((households) => {
      const rows = households.flatMap((tenants, house) =>
        tenants.flatMap((amounts, tenant) =>
          amounts.map((amount) => ({ tenant: `H${house}-T${tenant}`, house: house + 1, amount })),
        ),
      );
      return fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length });
    })
    .map((rows) => rows.map((row, i) => validRow(i + 2, row.tenant, row.house, row.amount)));

  it('property: every row in exactly one pack, each household whole in one pack in file order, within the limits', () => {
    fc.assert(
      fc.property(fileArbitrary, (valid) => {
        // Act
        const plan = planUpload(valid, [], SECRET);

        // Assess: I1, every row accounted for once.
        const planned = plan.packs.flatMap((pack) =>
          pack.signals.flatMap((signal) => signal.rows.map((row) => ({ signalId: signal.signalId, row }))),
        );
        expect(plan.received).toBe(valid.length);
        expect(plan.rejected).toEqual([]);
        expect(planned.map(({ row }) => row.label).sort((a, b) => refOf(a) - refOf(b))).toEqual(
          valid.map((item) => item.label),
        );
        // One signal per dedupe key, its id the keyed hash of the key (I5).
        for (const { signalId, row } of planned) expect(signalId).toBe(idOf(row.input.sourceReference));
        const signalIds = plan.packs.flatMap((pack) => pack.signals.map((signal) => signal.signalId));
        expect(new Set(signalIds).size).toBe(signalIds.length);
        for (const pack of plan.packs) {
          expect(pack.signals.length).toBeLessThanOrEqual(SIGNALS_PER_PACK);
          expect(linesIn(pack)).toBeLessThanOrEqual(LINES_PER_PACK);
          for (const signal of pack.signals) {
            const rows = signal.rows.map((row) => refOf(row.label));
            expect(rows).toEqual([...rows].sort((a, b) => a - b));
          }
        }
        // M1: a household (here at most 6 signals) lies in one pack, so one router call sees it whole.
        const packOfHousehold = new Map<string, number>();
        for (const pack of plan.packs) {
          for (const signal of pack.signals) {
            const household = householdOf(signal.rows[0]?.input.address.houseNumber as number);
            expect(packOfHousehold.get(household) ?? pack.pack).toBe(pack.pack);
            packOfHousehold.set(household, pack.pack);
          }
        }
        // File order: households by their first row, a household's signals by their first row.
        const firstRow = (signalId: string) =>
          Math.min(...planned.filter((p) => p.signalId === signalId).map(({ row }) => refOf(row.label)));
        const inPlan = plan.packs.flatMap((pack) => pack.signals);
        const householdFirst = new Map<string, number>();
        for (const signal of inPlan) {
          const household = householdOf(signal.rows[0]?.input.address.houseNumber as number);
          householdFirst.set(
            household,
            Math.min(householdFirst.get(household) ?? Infinity, firstRow(signal.signalId)),
          );
        }
        const order = inPlan.map((signal) => {
          const household = householdOf(signal.rows[0]?.input.address.houseNumber as number);
          return [householdFirst.get(household) as number, firstRow(signal.signalId)] as const;
        });
        const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(order).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });

  it('property: deterministic — the same rows give the same plan (I1: resumable from the stored file)', () => {
    fc.assert(
      fc.property(fileArbitrary, (valid) => {
        const rejected: ReceiptLine[] = [{ row: 1, status: 'rejected', errors: [] }];

        expect(planUpload(valid, rejected, SECRET)).toEqual(
          planUpload(structuredClone(valid), rejected, SECRET),
        );
      }),
      { numRuns: 100 },
    );
  });
});

const refOf = (label: { row: number } | { index: number }) => ('row' in label ? label.row : label.index);

type Status = ReceiptLine['status'];

/**
 * DESIGN I5 from first principles, row by row: absent, expired (P1) or failed (I1) counts as new; a
 * key's first row of a new signal is `accepted`; a row is `updated` when the signal may change
 * (new, open or not routed) and its amount is above every amount known before it (stored and
 * earlier rows of the file); everything else is a `duplicate`. The router gets the last row that
 * was not a duplicate: `create` for a new signal, `update` for a stored one.
 */
function expectedStatuses(
  amounts: readonly number[],
  stored: StoredSignalState | undefined,
): { statuses: Status[]; chosen?: number; action?: 'create' | 'update' } {
  const isNew = stored === undefined || stored.expired === true || stored.status === 'failed';
  const mayChange = isNew || stored.status === 'open' || stored.status === 'not-routed';
  const statuses = amounts.map((amount, i): Status => {
    if (isNew && i === 0) return 'accepted';
    const before = [...(isNew ? [] : [stored.amount as number]), ...amounts.slice(0, i)];
    return mayChange && amount > Math.max(...before) ? 'updated' : 'duplicate';
  });
  const chosen = statuses.findLastIndex((status) => status !== 'duplicate');
  return chosen < 0 ? { statuses } : { statuses, chosen, action: isNew ? 'create' : 'update' };
}

function packOf(signals: readonly { tenant: string; amounts: readonly number[] }[]): PlannedPack {
  let row = 2;
  return {
    pack: 3,
    signals: signals.map(({ tenant, amounts }) => ({
      signalId: idOf(tenant),
      rows: amounts.map((amount) => {
        const { label, input } = validRow(row++, tenant, 1, amount);
        return { label, input };
      }),
    })),
  };
}

describe('classifyPack (DESIGN I5)', () => {
  const state = (status: string, amount: number, expired?: boolean): StoredSignalState => ({
    status,
    amount,
    ...(expired === undefined ? {} : { expired }),
  });

  it.each<[string, StoredSignalState | undefined, number[], Status[], 'create' | 'update' | undefined]>([
    ['new key → accepted', undefined, [500], ['accepted'], 'create'],
    ['open, higher amount → updated', state('open', 400), [500], ['updated'], 'update'],
    ['not routed (I4), higher amount → updated', state('not-routed', 50), [80], ['updated'], 'update'],
    ['open, equal amount → duplicate', state('open', 500), [500], ['duplicate'], undefined],
    ['open, lower amount → duplicate', state('open', 500), [400], ['duplicate'], undefined],
    ['closed, higher amount → duplicate', state('closed', 400), [900], ['duplicate'], undefined],
    ['forwarded, higher amount → duplicate', state('forwarded', 400), [900], ['duplicate'], undefined],
    ['expired (P1), lower amount → accepted again', state('open', 900, true), [400], ['accepted'], 'create'],
    ['failed before (I1) → accepted again', state('failed', 900), [400], ['accepted'], 'create'],
    [
      'new key, a later row raising the amount → updated, else duplicate',
      undefined,
      [500, 500, 700, 600, 800],
      ['accepted', 'duplicate', 'updated', 'duplicate', 'updated'],
      'create',
    ],
    [
      'open, a later row raising above the stored amount → updated',
      state('open', 600),
      [500, 700, 650],
      ['duplicate', 'updated', 'duplicate'],
      'update',
    ],
  ])('%s', (_name, stored, amounts, statuses, action) => {
    // Prepare
    const pack = packOf([{ tenant: 'A', amounts }]);
    const states = new Map(stored ? [[idOf('A'), stored]] : []);

    // Act
    const decision = classifyPack(pack, states);

    // Assess
    expect(decision.pack).toBe(3);
    expect(decision.lines).toEqual(
      statuses.map((status, i) => ({ row: i + 2, status, signalId: idOf('A') })),
    );
    const chosen = statuses.findLastIndex((status) => status !== 'duplicate');
    expect(decision.items).toEqual(action ? [{ signalId: idOf('A'), ref: chosen + 2, action }] : []);
  });

  const storedArbitrary: fc.Arbitrary<StoredSignalState | undefined> = fc.option(
    fc.record(
      {
        status: fc.constantFrom('open', 'not-routed', 'closed', 'forwarded', 'failed'),
        amount: fc.constantFrom(100, 200, 300, 400),
        expired: fc.boolean(),
      },
      { requiredKeys: ['status', 'amount'] },
    ),
    { nil: undefined },
  );

  it('property: every line and item as I5 says, for random rows and stored states', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amounts: fc.array(fc.constantFrom(100, 200, 300, 400, 500), { minLength: 1, maxLength: 6 }),
            stored: storedArbitrary,
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (signals) => {
          // Prepare
          const named = signals.map((signal, i) => ({ ...signal, tenant: `T${i}` }));
          const pack = packOf(named);
          const states = new Map(
            named.flatMap(({ tenant, stored }) => (stored ? [[idOf(tenant), stored] as const] : [])),
          );

          // Act
          const decision = classifyPack(pack, states);

          // Assess
          let row = 2;
          const lines: ReceiptLine[] = [];
          const items: unknown[] = [];
          for (const { tenant, amounts, stored } of named) {
            const expected = expectedStatuses(amounts, stored);
            const first = row;
            for (const status of expected.statuses)
              lines.push({ row: row++, status, signalId: idOf(tenant) });
            if (expected.chosen !== undefined) {
              items.push({ signalId: idOf(tenant), ref: first + expected.chosen, action: expected.action });
            }
          }
          expect(decision.lines).toEqual(lines);
          expect(decision.items).toEqual(items);
          // Only the lines are stored: the items read back from them are the same (I1: resumable).
          expect(packItemsOf(decision.lines)).toEqual(items);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
