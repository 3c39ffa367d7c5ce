import type { Timer } from '../domain/clock.ts';
import type { UploadContinuationMessage } from '../messages.ts';
import { closeUpload, isComplete } from './partner-upload.ts';
import type {
  OutstandingEntry,
  OutstandingIntake,
  Publisher,
  SignalPublisher,
  UploadFileStore,
  UploadStore,
} from './ports.ts';

export interface ReconcileDependencies {
  readonly outstanding: OutstandingIntake;
  readonly uploads: Pick<UploadStore, 'progress'>;
  readonly files: Pick<UploadFileStore, 'remove'>;
  readonly publisher: SignalPublisher;
  readonly continuations: Publisher<UploadContinuationMessage>;
  readonly timer: Timer;
  /** The first look waits this long; each further one twice as long, up to an hour. */
  readonly reconcileAfterMs: number;
}

export interface ReconcileResult {
  /** Entries outstanding when the run started: the gap between accepted and stored. */
  readonly outstanding: number;
  /** Sent on again: care reports to the router, uploads to the `uploads` queue. */
  readonly resent: number;
  /** Uploads found routed completely: their file and entry removed. */
  readonly completed: number;
  /** Uploads whose request died before committing: nothing of them was published. */
  readonly abandoned: number;
  /** Not due yet, or leased by a request or consumer working on them. */
  readonly waiting: number;
}

const MAX_BACKOFF_MS = 60 * 60_000;

export interface ReconcileOptions {
  /**
   * The process that held the work has gone (the local runtime after a restart: its queues lived
   * in memory): every entry is due at once and no lease holds.
   */
  readonly afterRestart?: boolean;
}

/**
 * DESIGN I1, the reconciler: accepted intake that is not known to be stored some minutes later is
 * sent on again — a care report's message to the router, an upload to the `uploads` queue (which
 * decides what is left from the stored file and re-sends packs never marked routed). Safe to repeat:
 * signal ids are keyed (I5) and every step checks what is already stored. Reads only the outstanding
 * entries, so its cost grows with the gap, not with the table. Runs on a schedule on AWS, and at
 * start-up and with the sweep locally.
 */
export async function reconcileIntake(
  deps: ReconcileDependencies,
  options: ReconcileOptions = {},
): Promise<ReconcileResult> {
  const now = deps.timer.now();
  const entries = await deps.outstanding.list();
  const result = { outstanding: entries.length, resent: 0, completed: 0, abandoned: 0, waiting: 0 };
  const again = (entry: OutstandingEntry) =>
    deps.outstanding.update(entry.kind, entry.id, {
      checkAfter: now + Math.min(MAX_BACKOFF_MS, deps.reconcileAfterMs * 2 ** entry.attempts),
      attempts: entry.attempts + 1,
      leaseUntil: 0,
    });

  for (const entry of entries) {
    const due = entry.checkAfter <= now && (entry.leaseUntil ?? 0) <= now;
    if (!options.afterRestart && !due) {
      result.waiting++;
      continue;
    }
    // Postponed (and its stale lease cleared) before it is sent on: the consumer that takes the
    // message must find the lease free, and a crash in between only delays the next look.
    if (entry.kind === 'care-report') {
      await again(entry);
      if (entry.message) await deps.publisher.publish(entry.message);
      result.resent++;
      continue;
    }
    const progress = await deps.uploads.progress(entry.id);
    if (!progress.header) {
      // Its request died before the header: no receipt was given and nothing was published.
      await closeUpload(entry.id, deps);
      result.abandoned++;
    } else if (isComplete(progress)) {
      await closeUpload(entry.id, deps);
      result.completed++;
    } else {
      await again(entry);
      await deps.continuations.publish({ type: 'upload-continuation', uploadId: entry.id, republish: true });
      result.resent++;
    }
  }
  return result;
}
