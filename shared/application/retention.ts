import type { Clock } from '../domain/clock.ts';
import { feedbackAfterDeletion } from '../domain/retention.ts';
import type { DeletionLog, ExpiredRecord, HouseholdStore, SignalRepository } from './ports.ts';

export interface PurgeDependencies {
  readonly signals: Pick<SignalRepository, 'expired' | 'purge'>;
  readonly households: Pick<HouseholdStore, 'forget'>;
  readonly deletions: DeletionLog;
  readonly clock: Clock;
}

export interface PurgeResult {
  readonly purged: number;
  /** Expired when found, alive again when deleted: a re-sent row made it a new signal. */
  readonly revived: number;
  /** The run stopped at its limit; the next run goes on. */
  readonly more: boolean;
}

/**
 * DESIGN P1: deletes the personal data whose time is up, batch by batch. Per signal, the order is
 * chosen so that stopping anywhere is safe — the next run finds the signal again and repeats every
 * step: first the deletion log entry, then its escalation records and its household entry, and the
 * signal itself last, only if it is still expired. TTL deletes the same items on AWS as a backstop.
 */
export async function purgeExpired(
  deps: PurgeDependencies,
  limits: { readonly batchSize: number; readonly maxBatches: number } = { batchSize: 100, maxBatches: 20 },
): Promise<PurgeResult> {
  const now = deps.clock.now();
  let purged = 0;
  let revived = 0;
  for (let batch = 0; batch < limits.maxBatches; batch++) {
    const expired = await deps.signals.expired(now, limits.batchSize);
    if (expired.length === 0) return { purged, revived, more: false };
    const deletedAt = now.toISOString();
    await deps.deletions.record(
      expired.map(({ householdKey: _, ...record }) => ({
        ...record,
        feedback: feedbackAfterDeletion(record.feedback),
        deletedAt,
      })),
    );
    for (const [householdKey, records] of Map.groupBy(
      expired.filter((record) => record.householdKey),
      (record) => record.householdKey as string,
    )) {
      await deps.households.forget(
        householdKey,
        records.map((record: ExpiredRecord) => record.signalId),
      );
    }
    for (const record of expired) {
      if (await deps.signals.purge(record.signalId, now)) {
        purged++;
      } else {
        revived++;
        await deps.deletions.withdraw(record.signalId);
      }
    }
  }
  return { purged, revived, more: true };
}
