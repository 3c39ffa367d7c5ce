import { describe, expect, it } from 'vitest';
import {
  continueUpload,
  linesOf,
  type PartnerUploadDependencies,
  receiptOf,
  receivePartnerUpload,
  type UploadSubmission,
} from '../../shared/application/partner-upload.ts';
import type { UploadReceipt, UploadState } from '../../shared/application/ports.ts';
import { claimKey, IDEMPOTENCY_WINDOW_MS, sha256Hex } from '../../shared/application/request-idempotency.ts';
import { fixedClock } from '../../shared/domain/clock.ts';
import { DomainError } from '../../shared/domain/domain-error.ts';
import type { DebtSignalsMessage, UploadContinuationMessage } from '../../shared/messages.ts';
import { inMemoryIntake } from '../support/in-memory-intake.ts';

// DESIGN I1 and I5 for partner uploads, over the in-memory ports: a file is planned, claimed, stored
// and committed (the header), then decided pack by pack until a real-time deadline, its lines stored
// before each pack goes to the router; what is left continues from the `uploads` queue. Real time
// is a fake timer that moves on a fixed amount with every read of the signals' states (one per step).

const CLOCK = fixedClock('2026-11-23T10:00:00+01:00');
const T0 = 1_000_000;
/**
 * A deadline 700 ms away: a step of 10 packs (100 ms with `stepMs: 100`) plus the time kept for
 * sending the decided packs on and answering (500 ms + 6 ms a pack) fits once, not twice.
 */
const PAST_BUDGET = T0 + 700;
const RECONCILE_AFTER_MS = 5 * 60_000;
const HEADER =
  'huurdernummer;achternaam;geboortedatum;postcode;huisnummer;achterstand_bedrag;achterstand_sinds';

const line = (tenant: string, house: number, amount = '500,00', postcode = '3561AB') =>
  `${tenant};Test;01-01-1980;${postcode};${house};${amount};01-09-2026`;
const csv = (rows: readonly string[]) => Buffer.from(`${[HEADER, ...rows].join('\n')}\n`, 'utf8');

/**
 * A list of `tenants` tenants, each a household of its own (50 to a pack), with a rejected row
 * (row 5), a repeat of tenant 0 with the same amount (duplicate) and one of tenant 1 with a higher
 * amount (updated).
 */
function list(tenants: number, amount = '500,00'): Buffer {
  const rows = Array.from({ length: tenants }, (_, i) => line(`HN-${i}`, i + 1, amount));
  rows.splice(3, 0, line('HN-X', 1, amount, '0123AB'));
  rows.push(line('HN-0', 1, amount), line('HN-1', 2, '900,00'));
  return csv(rows);
}

const submission = (bytes: Uint8Array, extra: Partial<UploadSubmission> = {}): UploadSubmission => ({
  kind: 'rent-arrears',
  source: 'bo-ex',
  bytes,
  attestation: 'sociale-incasso',
  ...extra,
});

interface HarnessOptions {
  /** Real time that passes with every read of signal states (a step of packs). */
  readonly stepMs?: number;
  readonly routeOnPublish?: boolean;
  /** Calls of publishMany (counted from 0) that fail, as SQS may. */
  readonly failPublishCalls?: readonly number[];
  /** Reads of signal states (counted from 0) that fail, as DynamoDB may. */
  readonly failStatesCalls?: readonly number[];
  /** Calls of files.save that fail. */
  readonly failFileSaves?: number;
  /** Publishing waits for this (a slow queue), so a test can act while a request is in flight. */
  readonly holdPublish?: Promise<void>;
  /** Storing the file waits for this: the request has claimed, but not yet committed. */
  readonly holdFileSave?: Promise<void>;
}

/**
 * The in-memory intake with a fake timer, a log of every pack decision, and a publisher that checks
 * what the router relies on (I1): each pack's lines are stored before the pack is published.
 */
function harness(options: HarnessOptions = {}) {
  let now = T0;
  const timer = { now: () => now };
  const intake = inMemoryIntake({ clock: CLOCK, timer, routeOnPublish: options.routeOnPublish });
  const decisions: number[] = [];
  const publishedBeforeLines: number[] = [];
  let publishCalls = 0;
  let statesCalls = 0;
  let fileSaveFailures = options.failFileSaves ?? 0;
  const seen = { fileSaves: 0, progressLooks: 0 };
  const deps: PartnerUploadDependencies = {
    ...intake.deps,
    signals: {
      getStates: async (signalIds) => {
        now += options.stepMs ?? 0;
        const call = statesCalls++;
        if (options.failStatesCalls?.includes(call)) {
          throw Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' });
        }
        // The other reads take a while, so another lane's step is in flight when one fails.
        if (options.failStatesCalls) await settleTimers();
        return intake.deps.signals.getStates(signalIds);
      },
    },
    uploads: {
      ...intake.deps.uploads,
      progress: async (uploadId) => {
        seen.progressLooks++;
        return intake.deps.uploads.progress(uploadId);
      },
      saveDecisions: async (uploadId, saved) => {
        decisions.push(...saved.map((decision) => decision.pack));
        await intake.deps.uploads.saveDecisions(uploadId, saved);
      },
    },
    files: {
      ...intake.deps.files,
      save: async (uploadId, bytes) => {
        seen.fileSaves++;
        await options.holdFileSave;
        if (fileSaveFailures-- > 0)
          throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
        await intake.deps.files.save(uploadId, bytes);
      },
    },
    publisher: {
      ...intake.deps.publisher,
      publishMany: async (messages) => {
        for (const message of messages as DebtSignalsMessage[]) {
          const stored = intake.uploads.get(message.uploadId)?.decisions.get(message.pack as number);
          const hasLines = message.items.every((item) =>
            stored?.lines.some((line) => line.signalId === item.signalId),
          );
          if (!hasLines) publishedBeforeLines.push(message.pack as number);
        }
        await options.holdPublish;
        if (options.failPublishCalls?.includes(publishCalls++)) {
          throw Object.assign(new Error('SQS unavailable'), { name: 'ServiceUnavailable' });
        }
        await intake.deps.publisher.publishMany(messages);
      },
    },
  };
  const packMessages = () =>
    intake.published.filter((message): message is DebtSignalsMessage => message.type === 'debt-signals');
  return {
    intake,
    deps,
    timer,
    advance: (ms: number) => {
      now += ms;
    },
    /** Files being stored, and looks at an upload's progress (a duplicate request waiting for the first). */
    seen,
    /** Pack numbers of every decision written, in order. */
    decisions,
    publishedBeforeLines,
    /** How often each pack went to the router. */
    publishedPerPack: () => countBy(packMessages().map((message) => message.pack as number)),
    packMessages,
    /** The receipt as stored now (what GET /intake/uploads/{id} reads). */
    storedReceipt: async (uploadId: string) => {
      const state = await intake.deps.uploads.read(uploadId);
      return state && receiptOf(state.header, linesOf(state));
    },
  };
}

const settleTimers = () => new Promise((resolve) => setTimeout(resolve, 5));

function countBy(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of [...values].sort((a, b) => a - b)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** The n-th continuation message the request or a consumer put on the `uploads` queue. */
const continuation = (t: ReturnType<typeof harness>, n: number) =>
  t.intake.continuations[n] as UploadContinuationMessage;

const eachOnce = (packs: number) => new Map(Array.from({ length: packs }, (_, pack) => [pack, 1]));

/** The receipt of the same bytes uploaded with all the time in the world, into an empty store. */
async function uninterrupted(bytes: Uint8Array, options: HarnessOptions = {}): Promise<UploadReceipt> {
  const { deps } = harness({ routeOnPublish: options.routeOnPublish });
  return (await receivePartnerUpload(submission(bytes), deps, Number.POSITIVE_INFINITY)).receipt;
}

/** Lets work that nobody awaits run (timers included), as a Lambda environment would later. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Waits (in real time, up to 10 s) until a request in flight has reached a point. */
async function until(reached: () => boolean): Promise<void> {
  for (let waited = 0; !reached(); waited += 5) {
    if (waited > 10_000) throw new Error('The request in flight never got there');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('receivePartnerUpload within its time budget (DESIGN I1)', () => {
  it('answers the full receipt klaar; every pack published once, after its lines; the entry left for the reconciler', async () => {
    // Prepare: 1,300 tenants: 26 packs, decided in several steps.
    const t = harness({ stepMs: 1 });
    const bytes = list(1300);

    // Act
    const answer = await receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);

    // Assess: I1, every row accounted for, once.
    const { receipt } = answer;
    expect(answer.replayed).toBe(false);
    expect(receipt.status).toBe('klaar');
    expect(receipt.counts).toEqual({ received: 1303, accepted: 1300, rejected: 1, duplicate: 1, updated: 1 });
    expect(receipt.progress).toEqual({ received: 1303, processed: 1303 });
    expect(receipt.rows?.map((row) => row.row)).toEqual(Array.from({ length: 1303 }, (_, i) => i + 2));
    expect(receipt.rows?.find((row) => row.row === 5)).toMatchObject({ status: 'rejected' });
    expect(receipt.rows?.slice(-2).map((row) => row.status)).toEqual(['duplicate', 'updated']);
    // Every pack decided and published exactly once, never before its lines were stored.
    const header = t.intake.uploads.get(receipt.uploadId)?.header;
    expect(header).toMatchObject({ status: 'klaar', packs: 26, counts: receipt.counts });
    expect(countBy(t.decisions)).toEqual(eachOnce(26));
    expect(t.publishedPerPack()).toEqual(eachOnce(26));
    expect(t.publishedBeforeLines).toEqual([]);
    // The router gets the row that raised the amount (I5) for tenant 1, as an item to create.
    const tenant1 = t.packMessages()[0]?.items[1];
    expect(tenant1).toMatchObject({ action: 'create', input: { sourceReference: 'HN-1', amount: 900 } });
    // The stored receipt is the answer; nothing continues on the queue.
    expect(await t.storedReceipt(receipt.uploadId)).toEqual(receipt);
    expect(t.intake.continuations).toEqual([]);
    // Until the router has stored every pack, the reconciler keeps an eye on it: file and entry stay.
    expect(t.intake.files.get(receipt.uploadId)).toEqual(bytes);
    const entry = t.intake.outstanding.get(`upload#${receipt.uploadId}`);
    expect(entry).toMatchObject({ kind: 'upload', id: receipt.uploadId, leaseUntil: 0, attempts: 0 });
    expect(entry?.checkAfter).toBeGreaterThan(t.timer.now());
    expect(entry?.checkAfter).toBeLessThanOrEqual(t.timer.now() + RECONCILE_AFTER_MS);
  });

  it('I5: rows already stored are duplicate or updated; only the updates go to the router', async () => {
    // Prepare: the list routed once, then sent again as other bytes with every amount raised.
    const t = harness({ routeOnPublish: true });
    await receivePartnerUpload(submission(list(60)), t.deps, Number.POSITIVE_INFINITY);
    t.intake.published.length = 0;

    // Act
    const again = await receivePartnerUpload(
      submission(list(60, '600,00')),
      t.deps,
      Number.POSITIVE_INFINITY,
    );

    // Assess: tenant 1 was stored at 900, so its 600 is a duplicate, and so is its 900 repeat.
    expect(again.replayed).toBe(false);
    expect(again.receipt.counts).toEqual({
      received: 63,
      accepted: 0,
      rejected: 1,
      duplicate: 3,
      updated: 59,
    });
    const items = t.packMessages().flatMap((message) => message.items);
    expect(items).toHaveLength(59);
    expect(items.every((item) => item.action === 'update' && item.input.amount === 600)).toBe(true);
  });
});

describe('receivePartnerUpload past its deadline, then continueUpload (DESIGN I1)', () => {
  it('answers verwerken with the lines decided so far, and the continuation finishes it: nothing lost or doubled', async () => {
    // Prepare: 1,600 tenants (32 packs); every step of packs takes 100 ms; the deadline leaves room for one.
    const t = harness({ stepMs: 100 });
    const bytes = list(1600);

    // Act
    const { receipt } = await receivePartnerUpload(submission(bytes), t.deps, PAST_BUDGET);

    // Assess: the lines so far, their packs published; the rest handed to the uploads queue.
    expect(receipt.status).toBe('verwerken');
    const decided = new Set(t.decisions);
    expect(decided.size).toBeGreaterThan(0);
    expect(decided.size).toBeLessThan(32);
    const stored = await t.intake.deps.uploads.read(receipt.uploadId);
    expect(receipt.progress).toEqual({ received: 1603, processed: linesOf(stored as UploadState).length });
    expect(receipt.progress.processed).toBeLessThan(1603);
    expect(receipt.rows).toHaveLength(receipt.progress.processed);
    expect(receipt.counts.received).toBe(receipt.progress.processed);
    expect(t.publishedPerPack()).toEqual(new Map([...decided].map((pack) => [pack, 1])));
    expect(t.intake.continuations).toEqual([
      { type: 'upload-continuation', uploadId: receipt.uploadId, republish: false },
    ]);
    expect(t.intake.outstanding.get(`upload#${receipt.uploadId}`)?.leaseUntil).toBe(0);

    // Act: the uploads queue delivers the continuation.
    const result = await continueUpload(continuation(t, 0), t.deps, Number.POSITIVE_INFINITY);

    // Assess: the same receipt as an upload that never switched, each pack decided and sent once.
    expect(result).toBe('decided');
    expect(await t.storedReceipt(receipt.uploadId)).toEqual(await uninterrupted(bytes));
    expect(countBy(t.decisions)).toEqual(eachOnce(32));
    expect(t.publishedPerPack()).toEqual(eachOnce(32));
    expect(t.publishedBeforeLines).toEqual([]);
    const entry = t.intake.outstanding.get(`upload#${receipt.uploadId}`);
    expect(entry?.leaseUntil).toBe(0);
    expect(entry?.checkAfter).toBe(t.timer.now() + RECONCILE_AFTER_MS);
  });

  it('a continuation past its own deadline hands the rest on again, and the next one finishes', async () => {
    // Prepare
    const t = harness({ stepMs: 100 });
    const bytes = list(1600);
    const { receipt } = await receivePartnerUpload(submission(bytes), t.deps, PAST_BUDGET);

    // Act: two continuations, the first with room for one more step only.
    const first = await continueUpload(continuation(t, 0), t.deps, t.timer.now() + 50);
    const second = await continueUpload(continuation(t, 1), t.deps, Number.POSITIVE_INFINITY);

    // Assess
    expect([first, second]).toEqual(['continued', 'decided']);
    expect(t.intake.continuations).toHaveLength(2);
    expect(await t.storedReceipt(receipt.uploadId)).toEqual(await uninterrupted(bytes));
    expect(t.publishedPerPack()).toEqual(eachOnce(32));
  });
});

describe('receivePartnerUpload when something fails (DESIGN I1)', () => {
  it('a failure after the commit answers verwerken, never throws; the continuation finishes it, nothing lost or doubled', async () => {
    // Prepare: the request's publish of its decided packs fails; the router stores what is published.
    const t = harness({ routeOnPublish: true, failPublishCalls: [0] });
    const bytes = list(1600);

    // Act: the request answers; the uploads queue delivers the continuation right away.
    const { receipt } = await receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);
    const result = await continueUpload(continuation(t, 0), t.deps, Number.POSITIVE_INFINITY);
    await settle();

    // Assess: the answer says verwerken (not a 500); the continuation finishes the receipt as if
    // nothing happened: every pack decided once, every pack published — the failed one again.
    expect(receipt.status).toBe('verwerken');
    expect(t.intake.continuations).toEqual([
      { type: 'upload-continuation', uploadId: receipt.uploadId, republish: true },
    ]);
    expect(result).toBe('decided');
    expect(await t.storedReceipt(receipt.uploadId)).toEqual(
      await uninterrupted(bytes, { routeOnPublish: true }),
    );
    expect(countBy(t.decisions)).toEqual(eachOnce(32));
    // The router stored each pack as it was published, so a pack sent twice would show here.
    expect(t.publishedPerPack()).toEqual(eachOnce(32));
    expect(t.publishedBeforeLines).toEqual([]);
  });

  it('the request does no more work once it has answered: the continuation owns the rest', async () => {
    // Prepare: the first read of states fails while the other lane's step is in flight.
    const t = harness({ failStatesCalls: [0] });

    // Act
    const { receipt } = await receivePartnerUpload(submission(list(1600)), t.deps, Number.POSITIVE_INFINITY);
    const atAnswer = { decisions: t.decisions.length, published: t.intake.published.length };
    await settle();

    // Assess
    expect(receipt.status).toBe('verwerken');
    expect({ decisions: t.decisions.length, published: t.intake.published.length }).toEqual(atAnswer);
  });

  it('a failure before the commit throws, stores no receipt, publishes nothing and releases the claim', async () => {
    // Prepare: storing the file fails once.
    const t = harness({ failFileSaves: 1 });
    const bytes = list(10);

    // Act
    const failed = receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);

    // Assess: the error reaches the caller (a 5xx the partner may retry) ...
    await expect(failed).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(t.intake.claims.size).toBe(0);
    expect(await t.intake.deps.uploads.read('upl_1')).toBeUndefined();
    expect(t.intake.published).toEqual([]);
    expect(t.intake.continuations).toEqual([]);
    // ... and the retry is a new request, not a replay of nothing.
    const retry = await receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);
    expect(retry.replayed).toBe(false);
    expect(retry.receipt).toMatchObject({ status: 'klaar', counts: { accepted: 10 } });
  });
});

describe('whole-request idempotency of uploads (DESIGN I5)', () => {
  it('the same bytes again get the first receipt, replayed; nothing is stored or published again', async () => {
    // Prepare
    const t = harness();
    const bytes = list(60);
    const first = await receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);
    const published = t.intake.published.length;

    // Act
    const again = await receivePartnerUpload(
      submission(Buffer.from(bytes)),
      t.deps,
      Number.POSITIVE_INFINITY,
    );

    // Assess
    expect(again).toEqual({ receipt: first.receipt, replayed: true });
    expect(t.intake.uploads.size).toBe(1);
    expect(t.intake.published).toHaveLength(published);
  });

  it('the same Idempotency-Key with the same bytes is replayed; with other bytes it is refused (422)', async () => {
    // Prepare
    const t = harness();
    const first = await receivePartnerUpload(
      submission(list(10), { idempotencyKey: 'run-2026-11' }),
      t.deps,
      Number.POSITIVE_INFINITY,
    );

    // Act
    const same = await receivePartnerUpload(
      submission(list(10), { idempotencyKey: 'run-2026-11' }),
      t.deps,
      Number.POSITIVE_INFINITY,
    );
    const other = receivePartnerUpload(
      submission(list(11), { idempotencyKey: 'run-2026-11' }),
      t.deps,
      Number.POSITIVE_INFINITY,
    );

    // Assess
    expect(same).toEqual({ receipt: first.receipt, replayed: true });
    await expect(other).rejects.toBeInstanceOf(DomainError);
    await expect(other).rejects.toMatchObject({ kind: 'invalid', code: 'idempotency-key-reused' });
    expect(t.intake.uploads.size).toBe(1);
  });

  it('after the idempotency window the same bytes are a new request, whose rows are duplicates', async () => {
    // Prepare
    const t = harness({ routeOnPublish: true });
    const bytes = list(10);
    const first = await receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);

    // Act
    t.advance(IDEMPOTENCY_WINDOW_MS);
    const later = await receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);

    // Assess
    expect(later.replayed).toBe(false);
    expect(later.receipt.uploadId).not.toBe(first.receipt.uploadId);
    expect(later.receipt.counts).toEqual({
      received: 13,
      accepted: 0,
      rejected: 1,
      duplicate: 12,
      updated: 0,
    });
  });

  it('a duplicate while the first is verwerken gets the same upload id and its receipt so far', async () => {
    // Prepare: the first request passed its deadline.
    const t = harness({ stepMs: 100 });
    const bytes = list(1600);
    const first = await receivePartnerUpload(submission(bytes), t.deps, PAST_BUDGET);
    const published = t.intake.published.length;

    // Act: the client retries; its own deadline has come.
    const again = await receivePartnerUpload(submission(bytes), t.deps, t.timer.now());

    // Assess
    expect(first.receipt.status).toBe('verwerken');
    expect(again).toEqual({ receipt: first.receipt, replayed: true });
    expect(t.intake.uploads.size).toBe(1);
    expect(t.intake.published).toHaveLength(published);
  });

  it('two identical requests at once: the second waits for the first to be klaar and gets its receipt', async () => {
    // Prepare: the first request's packs wait at the queue until the test lets them through.
    let release = () => {};
    const t = harness({ holdPublish: new Promise<void>((resolve) => (release = resolve)) });
    const bytes = list(120);

    // Act: the second arrives while the first is committed but still working.
    const first = receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);
    await until(() => t.intake.uploads.get('upl_1')?.header !== undefined);
    const second = receivePartnerUpload(submission(Buffer.from(bytes)), t.deps, Number.POSITIVE_INFINITY);
    await until(() => t.seen.progressLooks > 0);
    const committed = t.intake.uploads.get('upl_1')?.header?.status;
    release();
    const [a, b] = await Promise.all([first, second]);

    // Assess
    expect(committed).toBe('verwerken');
    expect(a.replayed).toBe(false);
    expect(a.receipt.status).toBe('klaar');
    expect(b).toEqual({ receipt: a.receipt, replayed: true });
    expect(t.intake.uploads.size).toBe(1);
    expect(t.publishedPerPack()).toEqual(eachOnce(3));
  });

  it('a duplicate that arrives before the first has committed waits for it too, and is not refused', async () => {
    // Prepare: the first request has claimed but is still storing its file.
    let release = () => {};
    const t = harness({ holdFileSave: new Promise<void>((resolve) => (release = resolve)) });
    const bytes = list(10);

    // Act
    const first = receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);
    await until(() => t.seen.fileSaves > 0);
    const second = receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);
    await until(() => t.seen.progressLooks > 0);
    const committed = t.intake.uploads.size;
    release();
    const [a, b] = await Promise.all([first, second]);

    // Assess
    expect(committed).toBe(0);
    expect(b).toEqual({ receipt: a.receipt, replayed: true });
    expect(a.receipt.status).toBe('klaar');
  });

  it('a claim whose holder died before committing is taken over and processed under its upload id', async () => {
    // Prepare: a claim with an expired lease, no header; the dead holder's entry and file remain.
    const t = harness();
    const bytes = list(60);
    const key = claimKey({ scope: 'rent-arrears#bo-ex', payloadHash: sha256Hex(bytes) });
    await t.intake.deps.idempotency.claim(
      {
        key,
        payloadHash: sha256Hex(bytes),
        resourceId: 'upl_dead',
        receivedAt: '2026-11-23T09:58:00+01:00',
        leaseUntil: T0 - 1,
      },
      T0 + 24 * 3600_000,
    );
    await t.intake.deps.outstanding.open({
      kind: 'upload',
      id: 'upl_dead',
      createdAt: '2026-11-23T09:58:00+01:00',
      checkAfter: T0 + 1000,
      leaseUntil: T0 - 1,
      attempts: 0,
    });

    // Act
    const answer = await receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);

    // Assess: the work is done under the first request's id and time of receipt.
    expect(answer.replayed).toBe(false);
    expect(answer.receipt).toMatchObject({
      uploadId: 'upl_dead',
      receivedAt: '2026-11-23T09:58:00+01:00',
      status: 'klaar',
      counts: { received: 63, accepted: 60 },
    });
    expect(new Set(t.packMessages().map((message) => message.uploadId))).toEqual(new Set(['upl_dead']));
    expect(t.publishedPerPack()).toEqual(eachOnce(2));
    expect(t.intake.claims.get(key)?.leaseUntil).toBeGreaterThan(T0);
    expect(t.intake.files.get('upl_dead')).toEqual(bytes);
    expect([...t.intake.uploads.keys()]).toEqual(['upl_dead']);
  });

  it('a claim whose holder is still within its lease is not taken over: 409 request-in-progress', async () => {
    // Prepare
    const t = harness();
    const bytes = list(10);
    const key = claimKey({ scope: 'rent-arrears#bo-ex', payloadHash: sha256Hex(bytes) });
    await t.intake.deps.idempotency.claim(
      {
        key,
        payloadHash: sha256Hex(bytes),
        resourceId: 'upl_busy',
        receivedAt: '…',
        leaseUntil: T0 + 60_000,
      },
      T0 + 24 * 3600_000,
    );

    // Act
    const answer = receivePartnerUpload(submission(bytes), t.deps, T0);

    // Assess
    await expect(answer).rejects.toMatchObject({ kind: 'conflict', code: 'request-in-progress' });
    expect(t.intake.uploads.size).toBe(0);
    expect(t.intake.published).toEqual([]);
  });
});

describe('continueUpload (DESIGN I1)', () => {
  /** An upload stored klaar, its packs published but none routed yet. */
  async function unrouted(packs: number) {
    const t = harness();
    const bytes = list(packs * 50 - 2);
    const { receipt } = await receivePartnerUpload(submission(bytes), t.deps, Number.POSITIVE_INFINITY);
    return { t, bytes, receipt };
  }

  it('republish: re-sends exactly the decided packs not marked routed, as they were first sent', async () => {
    // Prepare: five packs, of which the router marked 1 and 3 routed.
    const { t, receipt } = await unrouted(5);
    const firstSent = t.packMessages();
    await t.deps.uploads.markPackRouted(receipt.uploadId, 1);
    await t.deps.uploads.markPackRouted(receipt.uploadId, 3);
    t.intake.published.length = 0;

    // Act
    const result = await continueUpload(
      { type: 'upload-continuation', uploadId: receipt.uploadId, republish: true },
      t.deps,
      Number.POSITIVE_INFINITY,
    );

    // Assess
    expect(result).toBe('decided');
    expect(t.packMessages()).toEqual(
      firstSent.filter((message) => [0, 2, 4].includes(message.pack as number)),
    );
    expect(countBy(t.decisions)).toEqual(eachOnce(5));
    expect(await t.storedReceipt(receipt.uploadId)).toEqual(receipt);
  });

  it('without republish nothing decided is sent again', async () => {
    // Prepare
    const { t, receipt } = await unrouted(2);
    t.intake.published.length = 0;

    // Act
    const result = await continueUpload(
      { type: 'upload-continuation', uploadId: receipt.uploadId, republish: false },
      t.deps,
      Number.POSITIVE_INFINITY,
    );

    // Assess
    expect(result).toBe('decided');
    expect(t.intake.published).toEqual([]);
  });

  it('busy: another holds the lease; nothing is done', async () => {
    // Prepare
    const { t, receipt } = await unrouted(2);
    await t.deps.outstanding.update('upload', receipt.uploadId, { leaseUntil: T0 + 60_000 });
    t.intake.published.length = 0;

    // Act
    const result = await continueUpload(
      { type: 'upload-continuation', uploadId: receipt.uploadId, republish: true },
      t.deps,
      Number.POSITIVE_INFINITY,
    );

    // Assess
    expect(result).toBe('busy');
    expect(t.intake.published).toEqual([]);
    expect(t.intake.outstanding.get(`upload#${receipt.uploadId}`)?.leaseUntil).toBe(T0 + 60_000);
  });

  it('abandoned: the header was never written (its request died): file and entry removed, nothing sent', async () => {
    // Prepare
    const t = harness();
    await t.deps.outstanding.open({
      kind: 'upload',
      id: 'upl_dead',
      createdAt: '2026-11-23T09:58:00+01:00',
      checkAfter: T0,
      attempts: 1,
    });
    await t.deps.files.save('upl_dead', list(10));

    // Act
    const result = await continueUpload(
      { type: 'upload-continuation', uploadId: 'upl_dead', republish: true },
      t.deps,
      Number.POSITIVE_INFINITY,
    );

    // Assess
    expect(result).toBe('abandoned');
    expect(t.intake.files.has('upl_dead')).toBe(false);
    expect(t.intake.outstanding.size).toBe(0);
    expect(t.intake.published).toEqual([]);
  });

  it("a continuation that fails gives its lease up at once: the queue's retry is not turned away busy", async () => {
    // Prepare: past the deadline, then the continuation's first read of states fails. The router
    // stores (and marks routed) what is published at once.
    const t = harness({ stepMs: 100, routeOnPublish: true });
    const { receipt } = await receivePartnerUpload(submission(list(1600)), t.deps, PAST_BUDGET);
    const getStates = t.deps.signals.getStates;
    let failing = true;
    const deps: PartnerUploadDependencies = {
      ...t.deps,
      signals: {
        getStates: async (signalIds) => {
          if (!failing) return getStates(signalIds);
          failing = false;
          throw Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' });
        },
      },
    };

    // Act: the first delivery fails; SQS delivers it again at once.
    const first = continueUpload(continuation(t, 0), deps, Number.POSITIVE_INFINITY);
    await expect(first).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    const leaseAfterFailure = t.intake.outstanding.get(`upload#${receipt.uploadId}`)?.leaseUntil;
    // The consumer marks a redelivery `republish` (functions/intake/continue-uploads.ts): the failed
    // try may have decided packs it did not get to publish.
    const retry = await continueUpload(
      { ...continuation(t, 0), republish: true },
      deps,
      Number.POSITIVE_INFINITY,
    );

    // Assess
    expect(leaseAfterFailure).toBe(0);
    expect(retry).toBe('decided');
    expect(t.publishedPerPack()).toEqual(eachOnce(32));
  });

  it('complete: every pack decided and routed, or without items: the upload is closed', async () => {
    // Prepare: routed at once, then the same rows again as other bytes (all duplicates, nothing to route).
    const t = harness({ routeOnPublish: true });
    await receivePartnerUpload(submission(list(60)), t.deps, Number.POSITIVE_INFINITY);
    const { receipt } = await receivePartnerUpload(
      submission(csv([line('HN-0', 1), line('HN-2', 3)])),
      t.deps,
      Number.POSITIVE_INFINITY,
    );
    t.intake.published.length = 0;

    // Act
    const results = [
      await continueUpload(
        { type: 'upload-continuation', uploadId: 'upl_1', republish: true },
        t.deps,
        Infinity,
      ),
      await continueUpload(
        { type: 'upload-continuation', uploadId: receipt.uploadId, republish: true },
        t.deps,
        Number.POSITIVE_INFINITY,
      ),
    ];

    // Assess
    expect(receipt.counts).toMatchObject({ received: 2, duplicate: 2 });
    expect(results).toEqual(['complete', 'complete']);
    expect(t.intake.files.size).toBe(0);
    expect(t.intake.outstanding.size).toBe(0);
    expect(t.intake.published).toEqual([]);
  });

  it('a stored file that gives another plan is an error, and nothing is decided from it', async () => {
    // Prepare: an upload past its deadline, whose stored file is then replaced by other rows.
    const t = harness({ stepMs: 100 });
    const { receipt } = await receivePartnerUpload(submission(list(1600)), t.deps, PAST_BUDGET);
    const decided = t.decisions.length;
    t.intake.files.set(receipt.uploadId, list(1000));

    // Act
    const result = continueUpload(continuation(t, 0), t.deps, Number.POSITIVE_INFINITY);

    // Assess
    await expect(result).rejects.toThrow('The stored file no longer gives the same plan');
    expect(t.decisions).toHaveLength(decided);
  });

  it('a stored file with as many packs but other rows is another plan too', async () => {
    // Prepare: the same number of rows and packs, other tenants.
    const t = harness({ stepMs: 100 });
    const { receipt } = await receivePartnerUpload(submission(list(1600)), t.deps, PAST_BUDGET);
    const decided = t.decisions.length;
    t.intake.files.set(
      receipt.uploadId,
      Buffer.from(list(1600).toString('utf8').replaceAll('HN-', 'HX-'), 'utf8'),
    );

    // Act
    const result = continueUpload(continuation(t, 0), t.deps, Number.POSITIVE_INFINITY);

    // Assess
    await expect(result).rejects.toThrow('The stored file no longer gives the same plan');
    expect(t.decisions).toHaveLength(decided);
  });
});
