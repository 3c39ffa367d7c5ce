import { describe, expect, it } from 'vitest';
import type { DeletionEntry, ExpiredRecord } from '../../shared/application/ports.ts';
import { purgeExpired } from '../../shared/application/retention.ts';
import { fixedClock } from '../../shared/domain/clock.ts';
import { addMonths, feedbackAfterDeletion, isExpired, retentionOf } from '../../shared/domain/retention.ts';

// DESIGN P1: the periods, the month arithmetic, and the purge's order of steps.
describe('retentionOf', () => {
  const receivedAt = '2026-11-23T10:00:00+01:00';
  const attempt = (at: string, recordedAt = at) => ({ at, recordedAt });

  it('never picked up: 6 months after receipt (routed but uncontacted, or not routed at all)', () => {
    for (const status of ['open', 'not-routed']) {
      expect(retentionOf({ status, receivedAt, contactAttempts: [] })).toEqual({
        expiresAt: new Date('2027-05-23T09:00:00Z'),
        reason: 'never-picked-up',
      });
    }
  });

  it('forwarded to Veilig Thuis: 6 months after receipt, like a signal nobody picked up, as forwarded', () => {
    expect(retentionOf({ status: 'forwarded', receivedAt, contactAttempts: [] })).toEqual({
      expiresAt: new Date('2027-05-23T09:00:00Z'),
      reason: 'forwarded',
    });
  });

  it('picked up and never closed: 12 months after the last contact attempt, never kept for ever', () => {
    const retention = retentionOf({
      status: 'open',
      receivedAt,
      contactAttempts: [attempt('2026-11-24T09:00:00+01:00'), attempt('2026-12-02T10:00:00+01:00')],
    });

    expect(retention).toEqual({ expiresAt: new Date('2027-12-02T09:00:00Z'), reason: 'inactive' });
  });

  it('the last activity counts: a later recording, re-route or amount update moves the expiry on', () => {
    const contacted = { status: 'open', receivedAt, contactAttempts: [attempt('2026-11-24T09:00:00+01:00')] };

    expect(
      retentionOf({
        ...contacted,
        contactAttempts: [attempt('2026-11-24T09:00:00+01:00', '2026-11-30T16:00:00+01:00')],
      }).expiresAt,
    ).toEqual(new Date('2027-11-30T15:00:00Z'));
    expect(
      retentionOf({
        ...contacted,
        routingHistory: [{ at: receivedAt }, { at: '2027-01-15T11:00:00+01:00' }],
      }).expiresAt,
    ).toEqual(new Date('2028-01-15T10:00:00Z'));
    expect(
      retentionOf({ ...contacted, amountHistory: [{ at: '2027-03-01T08:00:00+01:00' }] }).expiresAt,
    ).toEqual(new Date('2028-03-01T07:00:00Z'));
  });

  it('closed: 12 months after closing, contacted or not', () => {
    const closedAt = '2026-12-02T10:00:00+01:00';
    expect(
      retentionOf({ status: 'closed', receivedAt, closedAt, contactAttempts: [attempt(closedAt)] }),
    ).toEqual({
      expiresAt: new Date('2027-12-02T09:00:00Z'),
      reason: 'closed',
    });
    expect(retentionOf({ status: 'closed', receivedAt, closedAt }).reason).toBe('closed');
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-08-31T10:00:00Z', 6, '2027-02-28T10:00:00.000Z'],
    ['2027-08-31T10:00:00Z', 6, '2028-02-29T10:00:00.000Z'],
    ['2026-11-23T09:00:00Z', 6, '2027-05-23T09:00:00.000Z'],
    ['2026-12-31T23:30:00Z', 12, '2027-12-31T23:30:00.000Z'],
    ['2026-01-31T00:00:00Z', 1, '2026-02-28T00:00:00.000Z'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(new Date(from), months).toISOString()).toBe(expected);
  });
});

describe('isExpired and feedback after deletion', () => {
  it('expires at the second itself, not before', () => {
    const at = Date.parse('2027-05-23T09:00:00Z') / 1000;
    expect(isExpired(at, new Date('2027-05-23T08:59:59Z'))).toBe(false);
    expect(isExpired(at, new Date('2027-05-23T09:00:00Z'))).toBe(true);
    expect(isExpired(undefined, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });

  it('a signal nobody picked up stays niet-opgepakt for its partner; final feedback stays', () => {
    expect(feedbackAfterDeletion('ontvangen')).toBe('niet-opgepakt');
    expect(feedbackAfterDeletion('afgerond')).toBe('afgerond');
    expect(feedbackAfterDeletion('niet-opgepakt')).toBe('niet-opgepakt');
  });
});

describe('purgeExpired', () => {
  const record = (signalId: string, householdKey?: string): ExpiredRecord => ({
    signalId,
    source: 'bo-ex',
    kind: 'huurachterstand',
    status: 'open',
    receivedAt: '2026-11-23T10:00:00+01:00',
    householdKey,
    expiresAt: '2027-05-23T09:00:00.000Z',
    reason: 'never-picked-up',
    feedback: 'ontvangen',
  });

  function fakes(expired: ExpiredRecord[], revived: string[] = []) {
    const steps: string[] = [];
    const log: DeletionEntry[] = [];
    let pending = [...expired];
    return {
      steps,
      log,
      deps: {
        clock: fixedClock('2027-05-23T09:30:00Z'),
        signals: {
          expired: async (_now: Date, limit: number) => pending.slice(0, limit),
          purge: async (signalId: string) => {
            steps.push(`purge ${signalId}`);
            pending = pending.filter((candidate) => candidate.signalId !== signalId);
            return !revived.includes(signalId);
          },
        },
        households: {
          forget: async (key: string, signalIds: readonly string[]) => {
            steps.push(`forget ${key} ${signalIds.join(',')}`);
          },
        },
        deletions: {
          record: async (entries: readonly DeletionEntry[]) => {
            steps.push(`log ${entries.map((entry) => entry.signalId).join(',')}`);
            log.push(...entries);
          },
          withdraw: async (signalId: string) => {
            steps.push(`withdraw ${signalId}`);
          },
          states: async () => new Map(),
        },
      },
    };
  }

  it('logs first, then the households, then the signals — so stopping anywhere is safe', async () => {
    const { deps, steps, log } = fakes([record('sig_a', 'h1'), record('sig_b', 'h1'), record('sig_c')]);

    const result = await purgeExpired(deps);

    expect(result).toEqual({ purged: 3, revived: 0, more: false });
    expect(steps).toEqual([
      'log sig_a,sig_b,sig_c',
      'forget h1 sig_a,sig_b',
      'purge sig_a',
      'purge sig_b',
      'purge sig_c',
    ]);
    expect(log[0]).toMatchObject({
      signalId: 'sig_a',
      feedback: 'niet-opgepakt',
      deletedAt: '2027-05-23T09:30:00.000Z',
    });
    expect(log[0]).not.toHaveProperty('householdKey');
  });

  it('takes the log entry back for a signal a re-sent row revived', async () => {
    const { deps, steps } = fakes([record('sig_a')], ['sig_a']);

    expect(await purgeExpired(deps)).toEqual({ purged: 0, revived: 1, more: false });
    expect(steps).toContain('withdraw sig_a');
  });

  it('stops at its limit and says there is more', async () => {
    const { deps } = fakes(Array.from({ length: 5 }, (_, index) => record(`sig_${index}`)));

    expect(await purgeExpired(deps, { batchSize: 2, maxBatches: 2 })).toEqual({
      purged: 4,
      revived: 0,
      more: true,
    });
  });
});
