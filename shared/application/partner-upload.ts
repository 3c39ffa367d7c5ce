import { amsterdamDateOf, type CalendarDate, formatAmsterdam } from '../domain/amsterdam-time.ts';
import type { Clock, Timer } from '../domain/clock.ts';
import { householdKey } from '../domain/household-key.ts';
import {
  classifyPack,
  countLines,
  inPartnerOrder,
  itemInputs,
  type PackDecision,
  type PlannedPack,
  type ReceiptLine,
  refOf,
  type UploadPlan,
} from '../domain/upload-plan.ts';
import type { DebtSignalsMessage, UploadContinuationMessage } from '../messages.ts';
import { chunks, inParallel } from '../parallel.ts';
import type {
  IdempotencyStore,
  OutstandingIntake,
  Publisher,
  SignalPublisher,
  SignalRepository,
  UploadFileStore,
  UploadHeader,
  UploadKind,
  UploadReceipt,
  UploadState,
  UploadStore,
  UploadWarning,
} from './ports.ts';
import { claimRequest, requestInProgress, sha256Hex, waitFor } from './request-idempotency.ts';

/** What a partner sent: the bytes as received, and what the route knows about them. */
export interface UploadSubmission {
  readonly kind: UploadKind;
  readonly source: string;
  readonly bytes: Uint8Array;
  readonly charset?: string | undefined;
  readonly fileName?: string | undefined;
  readonly attestation?: string | undefined;
  readonly idempotencyKey?: string | undefined;
}

/** A file read and validated: its plan, and what the receipt's header shows of it. */
export interface PlannedUpload {
  readonly plan: UploadPlan;
  readonly batchId?: string | undefined;
  readonly warnings: readonly UploadWarning[];
}

/**
 * Reads a partner file into a plan, the same way every time for the same bytes and date, so that a
 * stored file can be read again to resume (DESIGN I1). Throws a client error for an unusable file.
 */
export type UploadPlanner = (
  bytes: Uint8Array,
  context: {
    readonly source: string;
    readonly today: CalendarDate;
    readonly charset?: string | undefined;
    readonly secret: string;
  },
) => Promise<PlannedUpload>;

export interface UploadSettings {
  /** After this long the reconciler looks at an upload that is not known to be routed. */
  readonly reconcileAfterMs: number;
  /** A lease outlives its holder's deadline by this much (the answer still has to leave). */
  readonly leaseMarginMs: number;
}

export const DEFAULT_UPLOAD_SETTINGS: UploadSettings = {
  reconcileAfterMs: 5 * 60_000,
  leaseMarginMs: 10_000,
};

export interface PartnerUploadDependencies {
  readonly signals: Pick<SignalRepository, 'getStates'>;
  readonly uploads: UploadStore;
  readonly files: UploadFileStore;
  readonly outstanding: OutstandingIntake;
  readonly idempotency: IdempotencyStore;
  readonly publisher: SignalPublisher;
  readonly continuations: Publisher<UploadContinuationMessage>;
  /** The planners this function reads files with: its own kind, or every kind (the continuation). */
  readonly planners: Readonly<Partial<Record<UploadKind, UploadPlanner>>>;
  /** Business time: the moment of receipt (the test clock locally). */
  readonly clock: Clock;
  /** Real time: the budget, leases, the reconciler's schedule. */
  readonly timer: Timer;
  readonly secret: string;
  readonly newUploadId: () => string;
  readonly settings?: UploadSettings;
  /** Logs ids and counts only (P2). */
  readonly log?: (message: string, details: Record<string, unknown>) => void;
}

export interface UploadAnswer {
  readonly receipt: UploadReceipt;
  /** The answer of an earlier request with the same bytes or Idempotency-Key (I5). */
  readonly replayed: boolean;
}

/** Packs decided together: one read of their signals' states, one write of their lines. */
const PACKS_PER_STEP = 10;
/** Steps in flight at once; the budget is checked before each. */
const PARALLEL_STEPS = 2;

const settingsOf = (deps: PartnerUploadDependencies) => deps.settings ?? DEFAULT_UPLOAD_SETTINGS;

function plannerOf(deps: PartnerUploadDependencies, kind: UploadKind): UploadPlanner {
  const planner = deps.planners[kind];
  if (!planner) throw new Error(`No planner for ${kind} uploads in this function`);
  return planner;
}

/** The receipt (API.md) as it stands: full when `klaar`, the lines so far while `verwerken`. */
export function receiptOf(header: UploadHeader, lines: readonly ReceiptLine[]): UploadReceipt {
  const ordered = inPartnerOrder(lines);
  const { charset: _charset, packs: _packs, received, counts, ...summary } = header;
  return {
    ...summary,
    counts: header.status === 'klaar' && counts ? counts : countLines(ordered),
    progress: { received, processed: ordered.length },
    [header.kind === 'rent-arrears' ? 'rows' : 'items']: ordered,
  };
}

/** Every line stored for an upload: those the file decided and those of the decided packs. */
export function linesOf(state: UploadState): ReceiptLine[] {
  return [...state.fixedLines, ...[...state.decisions.values()].flatMap((decision) => decision.lines)];
}

interface Job {
  readonly header: UploadHeader;
  readonly plan: UploadPlan;
}

/** The router's message for a decided pack: the chosen row of each item, with its household (M1). */
function packMessage(
  job: Job,
  pack: PlannedPack,
  decision: PackDecision,
  secret: string,
): DebtSignalsMessage {
  const inputs = itemInputs(pack, decision.items);
  return {
    type: 'debt-signals',
    uploadId: job.header.uploadId,
    source: job.header.source,
    receivedAt: job.header.receivedAt,
    pack: pack.pack,
    items: decision.items.map((item) => {
      const input = inputs.get(item.signalId) as NonNullable<ReturnType<typeof inputs.get>>;
      return {
        signalId: item.signalId,
        householdKey: householdKey(input.address, secret),
        action: item.action,
        input,
      };
    }),
  };
}

/**
 * Decides packs against the stored state, a step of packs at a time, while a step and sending what
 * is decided can still finish before the deadline (judged by the slowest step so far and
 * `timeToSend`, so the answer leaves within the budget): per step one read of the signals' states (I5),
 * then the lines are stored — before anything goes to the queue, so no signal can exist without its
 * receipt line (I1). Publishes nothing: the router would compete with these reads for the store, so
 * the decided packs go out together afterwards. Packs not started are left for the `uploads` queue.
 * After a failure no further step starts, and the error is thrown once the steps in flight have
 * ended: nothing of this call runs on after it returns, alongside the consumer that takes over.
 */
async function decidePacks(
  job: Job,
  packs: readonly PlannedPack[],
  deps: PartnerUploadDependencies,
  deadline: number,
): Promise<PackDecision[]> {
  const decided: PackDecision[] = [];
  let slowestStepMs = 0;
  let failure: { readonly error: unknown } | undefined;
  await inParallel(
    chunks(packs, PACKS_PER_STEP),
    async (step) => {
      const startedAt = deps.timer.now();
      const sendingMs = timeToSend(decided.length + step.length);
      if (failure || startedAt + slowestStepMs + sendingMs >= deadline) return;
      try {
        const states = await deps.signals.getStates(
          step.flatMap((pack) => pack.signals.map((signal) => signal.signalId)),
        );
        const decisions = step.map((pack) => classifyPack(pack, states));
        await deps.uploads.saveDecisions(job.header.uploadId, decisions);
        decided.push(...decisions);
        slowestStepMs = Math.max(slowestStepMs, deps.timer.now() - startedAt);
      } catch (error) {
        failure ??= { error };
      }
    },
    PARALLEL_STEPS,
  );
  if (failure) throw failure.error;
  return decided;
}

/** Sends decided packs with items to the router; their lines are stored already (I1). */
async function publishDecisions(
  job: Job,
  decisions: readonly PackDecision[],
  deps: PartnerUploadDependencies,
): Promise<void> {
  await deps.publisher.publishMany(
    decisions
      .filter((decision) => decision.items.length > 0)
      .map((decision) =>
        packMessage(job, job.plan.packs[decision.pack] as PlannedPack, decision, deps.secret),
      ),
  );
}

/**
 * Time to keep for sending `packs` decided packs on and answering: measured here at some 3–5 ms a
 * pack (a 30,000-row upload's 600 packs are some 90 SQS requests of 30 KB messages), taken at 6 ms,
 * and half a second for the answer itself.
 */
const timeToSend = (packs: number) => 500 + 6 * packs;

/**
 * Gives the work up to the `uploads` queue: the lease first, so its consumer may take it at once.
 * `republish` when decided packs may not have reached the queue (after a failure).
 */
async function handOff(uploadId: string, deps: PartnerUploadDependencies, republish = false): Promise<void> {
  await deps.outstanding.update('upload', uploadId, { leaseUntil: 0 });
  await deps.continuations.publish({ type: 'upload-continuation', uploadId, republish });
}

/**
 * Stores and starts a committed upload (DESIGN I1): its outstanding entry (so the reconciler finds
 * it whatever happens next), the file (so any step can be done again), then the header with the
 * rejected lines — from here the upload is committed — then decides packs until the deadline. Done
 * in time: the full receipt. Otherwise the rest continues from the queue and the answer says
 * `verwerken` (I1: an upload never times out into a 500).
 */
async function runUpload(
  job: Job,
  bytes: Uint8Array,
  deps: PartnerUploadDependencies,
  deadline: number,
): Promise<UploadReceipt> {
  const { header, plan } = job;
  const settings = settingsOf(deps);
  const startedAt = deps.timer.now();
  await deps.outstanding.open({
    kind: 'upload',
    id: header.uploadId,
    createdAt: header.receivedAt,
    checkAfter: deps.timer.now() + settings.reconcileAfterMs,
    leaseUntil: deadline + settings.leaseMarginMs,
    attempts: 0,
  });
  await deps.files.save(header.uploadId, bytes);
  await deps.uploads.begin(header, plan.rejected);
  const committedAt = deps.timer.now();

  let decided: PackDecision[] = [];
  let decidedAt = committedAt;
  try {
    decided = await decidePacks(job, plan.packs, deps, deadline);
    decidedAt = deps.timer.now();
    await publishDecisions(job, decided, deps);
  } catch (error) {
    // Committed: the queue (or, should that fail too, the reconciler) finishes it; never a 500.
    deps.log?.('Aanlevering doorgegeven na een fout', {
      uploadId: header.uploadId,
      error: (error as Error).name,
    });
    await handOff(header.uploadId, deps, true).catch(() => undefined);
    return receiptOf(header, plan.rejected);
  }
  const lines = [...plan.rejected, ...decided.flatMap((decision) => decision.lines)];
  // Where the time goes (ids and numbers only): storing, deciding, publishing.
  deps.log?.('Aanlevering beoordeeld', {
    uploadId: header.uploadId,
    packs: plan.packs.length,
    decided: decided.length,
    storeMs: committedAt - startedAt,
    decideMs: decidedAt - committedAt,
    publishMs: deps.timer.now() - decidedAt,
  });
  if (decided.length < plan.packs.length) {
    await handOff(header.uploadId, deps).catch(() => undefined);
    return receiptOf(header, lines);
  }
  const finished: UploadHeader = { ...header, status: 'klaar', counts: countLines(lines) };
  await deps.uploads.finish(finished, lines);
  // Nobody works on it now; the reconciler looks again once the router should be done (I1).
  await deps.outstanding.update('upload', header.uploadId, { leaseUntil: 0 });
  return receiptOf(finished, lines);
}

function newHeader(
  submission: UploadSubmission,
  planned: PlannedUpload,
  uploadId: string,
  receivedAt: string,
): UploadHeader {
  return {
    uploadId,
    kind: submission.kind,
    source: submission.source,
    receivedAt,
    batchId: planned.batchId,
    fileName: submission.fileName,
    attestation: submission.attestation,
    charset: submission.charset,
    status: 'verwerken',
    received: planned.plan.received,
    packs: planned.plan.packs.length,
    warnings: planned.warnings,
  };
}

/**
 * An earlier request with the same identity was claimed (I5): answer with its receipt — waiting,
 * until the deadline, for it to be `klaar` — or, when its holder died before committing anything,
 * take the claim over and do the work under its upload id.
 */
async function replay(
  submission: UploadSubmission,
  claim: { key: string; existing: NonNullable<Awaited<ReturnType<typeof claimRequest>>['existing']> },
  deps: PartnerUploadDependencies,
  deadline: number,
): Promise<UploadAnswer> {
  const { existing } = claim;
  const uploadId = existing.resourceId;
  const settled = await waitFor(
    async () => {
      const { header } = await deps.uploads.progress(uploadId);
      if (header?.status === 'klaar') return 'klaar' as const;
      if (!header && existing.leaseUntil < deps.timer.now()) return 'abandoned' as const;
      return undefined;
    },
    deadline,
    deps.timer,
  );
  if (settled === 'abandoned') {
    const leaseUntil = deadline + settingsOf(deps).leaseMarginMs;
    if (await deps.idempotency.takeOver(claim.key, leaseUntil, deps.timer.now())) {
      // Planned again on the first request's date, which decides "in the future" (I3).
      const today = amsterdamDateOf(new Date(existing.receivedAt));
      const planned = await plannerOf(deps, submission.kind)(submission.bytes, {
        source: submission.source,
        today,
        charset: submission.charset,
        secret: deps.secret,
      });
      const header = newHeader(submission, planned, uploadId, existing.receivedAt);
      return {
        receipt: await runUpload({ header, plan: planned.plan }, submission.bytes, deps, deadline),
        replayed: false,
      };
    }
  }
  const state = await deps.uploads.read(uploadId);
  if (!state) throw requestInProgress();
  return { receipt: receiptOf(state.header, linesOf(state)), replayed: true };
}

/**
 * Receives a partner file (API.md intake routes, DESIGN I1–I6): plans it, claims the request
 * (I5: the same bytes or Idempotency-Key from the same partner get the first receipt), and runs it
 * within the real-time `deadline`. Throws a client error (4xx) for an unusable file, before
 * anything is stored.
 */
export async function receivePartnerUpload(
  submission: UploadSubmission,
  deps: PartnerUploadDependencies,
  deadline: number,
): Promise<UploadAnswer> {
  const now = deps.clock.now();
  const planned = await plannerOf(deps, submission.kind)(submission.bytes, {
    source: submission.source,
    today: amsterdamDateOf(now),
    charset: submission.charset,
    secret: deps.secret,
  });
  const receivedAt = formatAmsterdam(now);
  const uploadId = deps.newUploadId();
  const claim = await claimRequest(
    deps.idempotency,
    {
      scope: `${submission.kind}#${submission.source}`,
      idempotencyKey: submission.idempotencyKey,
      payloadHash: sha256Hex(submission.bytes),
    },
    {
      resourceId: uploadId,
      receivedAt,
      leaseUntil: deadline + settingsOf(deps).leaseMarginMs,
    },
    deps.timer,
  );
  if (claim.existing) return replay(submission, { key: claim.key, existing: claim.existing }, deps, deadline);

  const header = newHeader(submission, planned, uploadId, receivedAt);
  try {
    return {
      receipt: await runUpload({ header, plan: planned.plan }, submission.bytes, deps, deadline),
      replayed: false,
    };
  } catch (error) {
    // Nothing committed (no header): let a retry start afresh rather than wait for the lease.
    if (!(await deps.uploads.progress(uploadId).catch(() => undefined))?.header) {
      await deps.idempotency.release(claim.key).catch(() => undefined);
    }
    throw error;
  }
}

/** An upload whose every pack is decided and, where it had items, routed: nothing left to do. */
export function isComplete(progress: Awaited<ReturnType<UploadStore['progress']>>): boolean {
  const { header, decided, routed } = progress;
  if (header?.status !== 'klaar' || decided.size !== header.packs) return false;
  return [...decided].every(([pack, items]) => items === 0 || routed.has(pack));
}

/** The file and the outstanding entry go once nothing can need them again (P1: short-lived). */
export async function closeUpload(
  uploadId: string,
  deps: {
    readonly files: Pick<UploadFileStore, 'remove'>;
    readonly outstanding: Pick<OutstandingIntake, 'close'>;
  },
) {
  await deps.files.remove(uploadId);
  await deps.outstanding.close('upload', uploadId);
}

const lineKey = (line: ReceiptLine) => `${line.row ?? line.index}#${line.signalId ?? ''}`;

/**
 * The stored file still gives the plan the upload was committed and decided with (I1): as many
 * items and packs, the same rejected lines, and each decided pack the same rows of the same signals.
 */
function isSamePlan(state: UploadState, plan: UploadPlan): boolean {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((key, i) => key === b[i]);
  if (plan.received !== state.header.received || plan.packs.length !== state.header.packs) return false;
  if (!same(state.fixedLines.map(lineKey), plan.rejected.map(lineKey))) return false;
  return [...state.decisions.values()].every((decision) =>
    same(
      decision.lines.map(lineKey),
      (plan.packs[decision.pack]?.signals ?? []).flatMap((signal) =>
        signal.rows.map((row) => `${refOf(row.label)}#${signal.signalId}`),
      ),
    ),
  );
}

export type ContinuationResult = 'busy' | 'abandoned' | 'complete' | 'decided' | 'continued';

/**
 * Consumer of the `uploads` queue (DESIGN I1): takes the upload's lease, reads the stored file
 * again into the same plan, decides the packs not yet decided (and, when asked, sends decided
 * packs that were never marked routed to the router again), and finishes the receipt. Work left
 * at the deadline goes back on the queue. Idempotent: a pack is decided once, its lines first.
 */
export async function continueUpload(
  message: UploadContinuationMessage,
  deps: PartnerUploadDependencies,
  deadline: number,
): Promise<ContinuationResult> {
  const { uploadId } = message;
  const settings = settingsOf(deps);
  if (
    !(await deps.outstanding.lease('upload', uploadId, deadline + settings.leaseMarginMs, deps.timer.now()))
  ) {
    return 'busy';
  }
  try {
    return await resumeUpload(message, deps, deadline);
  } catch (error) {
    // The lease goes at once, so the queue's retry of this message (or the reconciler) may go on.
    await deps.outstanding.update('upload', uploadId, { leaseUntil: 0 }).catch(() => undefined);
    throw error;
  }
}

async function resumeUpload(
  message: UploadContinuationMessage,
  deps: PartnerUploadDependencies,
  deadline: number,
): Promise<ContinuationResult> {
  const { uploadId } = message;
  const settings = settingsOf(deps);
  const state = await deps.uploads.read(uploadId);
  if (!state) {
    // Never committed (its request died before the header): nothing was published (I1).
    await closeUpload(uploadId, deps);
    return 'abandoned';
  }
  const { header } = state;
  const unrouted = [...state.decisions.values()].filter(
    (decision) => decision.items.length > 0 && !state.routed.has(decision.pack),
  );
  if (header.status === 'klaar' && state.decisions.size === header.packs && unrouted.length === 0) {
    await closeUpload(uploadId, deps);
    return 'complete';
  }
  const bytes = await deps.files.load(uploadId);
  if (!bytes) throw new Error('The stored file of an unfinished upload is missing');
  const { plan } = await plannerOf(deps, header.kind)(bytes, {
    source: header.source,
    today: amsterdamDateOf(new Date(header.receivedAt)),
    charset: header.charset,
    secret: deps.secret,
  });
  if (!isSamePlan(state, plan)) throw new Error('The stored file no longer gives the same plan');
  const job = { header, plan };
  if (message.republish) await publishDecisions(job, unrouted, deps);
  const remaining = plan.packs.filter((pack) => !state.decisions.has(pack.pack));
  const decided = await decidePacks(job, remaining, deps, deadline);
  await publishDecisions(job, decided, deps);
  if (decided.length < remaining.length) {
    await handOff(uploadId, deps);
    return 'continued';
  }
  if (header.status !== 'klaar') {
    const lines = [...linesOf(state), ...decided.flatMap((decision) => decision.lines)];
    await deps.uploads.finish({ ...header, status: 'klaar', counts: countLines(lines) }, lines);
  }
  await deps.outstanding.update('upload', uploadId, {
    leaseUntil: 0,
    checkAfter: deps.timer.now() + settings.reconcileAfterMs,
  });
  return 'decided';
}
