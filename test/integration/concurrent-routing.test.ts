import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { dynamoHouseholdStore } from '../../shared/adapters/dynamodb-household-store.ts';
import { dynamoOutstandingIntake } from '../../shared/adapters/dynamodb-outstanding-intake.ts';
import { dynamoReceiptStore } from '../../shared/adapters/dynamodb-receipt-store.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb-upload-store.ts';
import type { NotRoutedSignal } from '../../shared/application/ports.ts';
import { type RoutingDependencies, routeSignalMessage } from '../../shared/application/route-signal.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import type { DebtSignalsMessage } from '../../shared/messages.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// SQS delivers at least once and in any order: the same dedupe key may arrive in two messages that
// two router invocations handle at the same time. Whatever the interleaving, one signal remains,
// routed rather than held back (I1, I4, I5) — nothing lost, nothing doubled. The amount is the
// highest one sent, except in the narrow case where the invocation with the higher amount checks
// its write before the other one writes (see keepHighestAmounts): then the other amount shows.
let t: TestRuntime;
let deps: RoutingDependencies;

const input = (amount: number) => ({
  kind: 'huurachterstand' as const,
  sourceReference: 'HN-RACE',
  person: { initials: 'R.', surname: 'Race', birthDate: '1980-01-01' },
  address: { postcode: '3561AB', houseNumber: 99 },
  amount,
  arrearsSince: '2026-10-01',
  minorsInHousehold: 0,
});

const message = (signalId: string, amount: number): DebtSignalsMessage => ({
  type: 'debt-signals',
  uploadId: `upl_${amount}`,
  source: 'bo-ex',
  receivedAt: '2026-11-23T10:00:00+01:00',
  items: [{ signalId, householdKey: `hh-${signalId}`, action: 'create', input: input(amount) }],
});

beforeAll(async () => {
  t = await startTestRuntime();
  const client = documentClientOf(t.runtime.dynamodb);
  deps = {
    signals: dynamoSignalRepository(client, t.runtime.tableName),
    receipts: dynamoReceiptStore(client, t.runtime.tableName),
    households: dynamoHouseholdStore(client, t.runtime.tableName),
    uploads: dynamoUploadStore(client, t.runtime.tableName),
    outstanding: dynamoOutstandingIntake(client, t.runtime.tableName),
    calendar: municipalCalendar,
    secret: 'r'.repeat(48),
    escalations: {
      publish: async () => {
        throw new Error('debt signals never escalate at routing');
      },
      publishMany: async () => undefined,
    },
  };
});

afterAll(async () => {
  await t?.stop();
});

describe('one dedupe key in two messages at once', () => {
  it.each([
    ['below and above the threshold', 60, 600, [600]],
    ['above and below the threshold', 600, 60, [600]],
    ['two amounts above it', 200, 100, [200, 100]],
    ['two amounts above it, the other way round', 100, 200, [200, 100]],
  ])('%s: one routed signal', async (_name, first, second, amounts) => {
    // Several fresh keys, each hit by both messages at once: every interleaving must end the same.
    for (let round = 0; round < 5; round++) {
      const signalId = `sig_race_${first}_${second}_${round}`;
      await Promise.all([
        routeSignalMessage(message(signalId, first), deps),
        routeSignalMessage(message(signalId, second), deps),
      ]);

      const stored = await deps.signals.get(signalId);
      expect(stored, `round ${round}`).toMatchObject({ status: 'open', teamId: 'bt-sociaal-overvecht' });
      expect(amounts, `round ${round}`).toContain(stored?.amount);
    }
  });

  it('sequentially, the higher amount always wins (I5)', async () => {
    await routeSignalMessage(message('sig_seq', 100), deps);
    await routeSignalMessage(message('sig_seq', 200), deps);
    await routeSignalMessage(message('sig_seq', 150), deps);

    expect(await deps.signals.get('sig_seq')).toMatchObject({
      amount: 200,
      amountHistory: [{ amount: 200 }],
    });
  });

  it('a not-routed record never replaces a routed signal, and only a higher one replaces a not-routed record', async () => {
    const marker = (amount: number): NotRoutedSignal => ({
      signalId: 'sig_marker',
      source: 'bo-ex',
      kind: 'huurachterstand',
      receivedAt: '2026-11-23T10:00:00+01:00',
      status: 'not-routed',
      outcome: 'niet-opgepakt-onterecht',
      amount,
    });
    await deps.signals.putNew([marker(60)]);
    await deps.signals.putNew([marker(50)]);
    expect((await deps.signals.getStates(['sig_marker'])).get('sig_marker')?.amount).toBe(60);
    await deps.signals.putNew([marker(70)]);
    expect((await deps.signals.getStates(['sig_marker'])).get('sig_marker')?.amount).toBe(70);

    const routed = await deps.signals.get('sig_race_60_600_0');
    expect(routed).toBeDefined();
    await deps.signals.putNew([{ ...marker(5000), signalId: 'sig_race_60_600_0' }]);
    expect(await deps.signals.get('sig_race_60_600_0')).toEqual(routed);
  });
});
