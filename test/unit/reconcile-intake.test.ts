import { describe, expect, it } from 'vitest';
import type { OutstandingEntry, UploadHeader } from '../../shared/application/ports.ts';
import { type ReconcileDependencies, reconcileIntake } from '../../shared/application/reconcile-intake.ts';
import { fixedClock } from '../../shared/domain/clock.ts';
import type { PackDecision } from '../../shared/domain/upload-plan.ts';
import type { CareReportMessage } from '../../shared/messages.ts';
import { inMemoryIntake } from '../support/in-memory-intake.ts';

// DESIGN I1, the reconciler: intake accepted but not known to be stored is sent on again — a care
// report to the router, an upload to the `uploads` queue — and what is done is closed. It reads only
// the outstanding entries (and, per due upload, its light progress), never the table.

const NOW = 5_000_000;
const MINUTE = 60_000;
const RECONCILE_AFTER_MS = 5 * MINUTE;

/**
 * The in-memory ports with a fake timer, and a log of every read the reconciler makes of them:
 * whichever method reads something is counted, so a read that is not expected shows.
 */
function harness() {
  let now = NOW;
  const timer = { now: () => now };
  const intake = inMemoryIntake({ clock: fixedClock('2026-11-23T10:00:00+01:00'), timer });
  const reads: string[] = [];
  const { outstanding, uploads, files } = intake.deps;
  const deps: ReconcileDependencies = {
    outstanding: {
      ...outstanding,
      list: async () => {
        reads.push('outstanding.list');
        return outstanding.list();
      },
    },
    // The whole stores, each read counted: the reconciler may use only progress and remove.
    uploads: {
      ...uploads,
      progress: async (uploadId) => {
        reads.push(`uploads.progress ${uploadId}`);
        return uploads.progress(uploadId);
      },
      read: async (uploadId: string) => {
        reads.push(`uploads.read ${uploadId}`);
        return uploads.read(uploadId);
      },
      list: async (source: string, page: Parameters<typeof uploads.list>[1]) => {
        reads.push(`uploads.list ${source}`);
        return uploads.list(source, page);
      },
    } as ReconcileDependencies['uploads'],
    files: {
      ...files,
      load: async (uploadId: string) => {
        reads.push(`files.load ${uploadId}`);
        return files.load(uploadId);
      },
    } as ReconcileDependencies['files'],
    publisher: intake.deps.publisher,
    continuations: intake.deps.continuations,
    timer,
    reconcileAfterMs: RECONCILE_AFTER_MS,
  };
  return {
    intake,
    deps,
    reads,
    advanceTo: (at: number) => {
      now = at;
    },
    entry: (kind: OutstandingEntry['kind'], id: string) => intake.outstanding.get(`${kind}#${id}`),
  };
}

type Harness = ReturnType<typeof harness>;

const careReport = (reportId: string): CareReportMessage => ({
  type: 'care-report',
  signalId: `sig_${reportId}`,
  source: 'politie-utrecht',
  receivedAt: '2026-11-23T10:00:00+01:00',
  report: { reportId } as CareReportMessage['report'],
});

async function openCareReport(t: Harness, reportId: string, changes: Partial<OutstandingEntry> = {}) {
  await t.intake.deps.outstanding.open({
    kind: 'care-report',
    id: `politie-utrecht#${reportId}`,
    createdAt: '2026-11-23T10:00:00+01:00',
    checkAfter: NOW - 1,
    attempts: 0,
    message: careReport(reportId),
    ...changes,
  });
}

const header = (uploadId: string, status: UploadHeader['status'], packs: number): UploadHeader => ({
  uploadId,
  kind: 'rent-arrears',
  source: 'bo-ex',
  receivedAt: '2026-11-23T10:00:00+01:00',
  status,
  received: packs * 50,
  packs,
  warnings: [],
});

/** A decided pack of `items` new signals: an accepted line each (the items follow from the lines). */
const decision = (pack: number, items: number): PackDecision => ({
  pack,
  lines: Array.from({ length: items }, (_, i) => ({
    row: i + 2,
    status: 'accepted' as const,
    signalId: `sig_${pack}_${i}`,
  })),
  items: Array.from({ length: items }, (_, i) => ({
    signalId: `sig_${pack}_${i}`,
    ref: i + 2,
    action: 'create',
  })),
});

/**
 * An upload as its request and the router left it: its entry (due), its file, and — unless its
 * request died before committing — a header, decided packs (items per pack) and routed packs.
 */
async function storeUpload(
  t: Harness,
  uploadId: string,
  upload?: {
    status: UploadHeader['status'];
    packs: number;
    decided: readonly number[];
    routed: readonly number[];
  },
  changes: Partial<OutstandingEntry> = {},
) {
  await t.intake.deps.outstanding.open({
    kind: 'upload',
    id: uploadId,
    createdAt: '2026-11-23T10:00:00+01:00',
    checkAfter: NOW - 1,
    leaseUntil: 0,
    attempts: 0,
    ...changes,
  });
  await t.intake.deps.files.save(uploadId, Buffer.from('huurdernummer;…\n'));
  if (!upload) return;
  await t.intake.deps.uploads.begin(header(uploadId, upload.status, upload.packs), []);
  await t.intake.deps.uploads.saveDecisions(
    uploadId,
    upload.decided.map((items, pack) => decision(pack, items)),
  );
  for (const pack of upload.routed) await t.intake.deps.uploads.markPackRouted(uploadId, pack);
}

describe('reconcileIntake (DESIGN I1)', () => {
  it('leaves entries not yet due, or leased by a request or consumer at work, waiting', async () => {
    // Prepare
    const t = harness();
    await openCareReport(t, 'R-1', { checkAfter: NOW + 1 });
    await openCareReport(t, 'R-2', { checkAfter: NOW - 1, leaseUntil: NOW + 1 });
    await storeUpload(t, 'upl_soon', undefined, { checkAfter: NOW + MINUTE });
    await storeUpload(
      t,
      'upl_busy',
      { status: 'verwerken', packs: 2, decided: [], routed: [] },
      {
        leaseUntil: NOW + MINUTE,
      },
    );
    const before = structuredClone([...t.intake.outstanding.values()]);

    // Act
    const result = await reconcileIntake(t.deps);

    // Assess
    expect(result).toEqual({ outstanding: 4, resent: 0, completed: 0, abandoned: 0, waiting: 4 });
    expect([...t.intake.outstanding.values()]).toEqual(before);
    expect(t.intake.published).toEqual([]);
    expect(t.intake.continuations).toEqual([]);
    expect(t.intake.files.size).toBe(2);
    expect(t.reads).toEqual(['outstanding.list']);
  });

  it('an entry is due at its checkAfter, once its lease has run out', async () => {
    // Prepare
    const t = harness();
    await openCareReport(t, 'R-1', { checkAfter: NOW, leaseUntil: NOW });

    // Act
    const result = await reconcileIntake(t.deps);

    // Assess
    expect(result).toMatchObject({ resent: 1, waiting: 0 });
  });

  it('re-sends a due care report to the router and postpones it, each time twice as long, up to an hour', async () => {
    // Prepare
    const t = harness();
    await openCareReport(t, 'R-1');
    const delays: number[] = [];

    // Act: the reconciler runs whenever the entry is due again, seven times.
    for (let run = 0; run < 7; run++) {
      const at = run === 0 ? NOW : (t.entry('care-report', 'politie-utrecht#R-1')?.checkAfter as number);
      t.advanceTo(at);
      await reconcileIntake(t.deps);
      delays.push(((t.entry('care-report', 'politie-utrecht#R-1')?.checkAfter as number) - at) / MINUTE);
    }

    // Assess
    expect(delays).toEqual([5, 10, 20, 40, 60, 60, 60]);
    expect(t.entry('care-report', 'politie-utrecht#R-1')).toMatchObject({ attempts: 7, leaseUntil: 0 });
    expect(t.intake.published).toEqual(Array.from({ length: 7 }, () => careReport('R-1')));
  });

  it('removes the file and entry of an upload whose request died before its header: nothing was published', async () => {
    // Prepare
    const t = harness();
    await storeUpload(t, 'upl_dead');

    // Act
    const result = await reconcileIntake(t.deps);

    // Assess
    expect(result).toEqual({ outstanding: 1, resent: 0, completed: 0, abandoned: 1, waiting: 0 });
    expect(t.intake.files.has('upl_dead')).toBe(false);
    expect(t.intake.outstanding.size).toBe(0);
    expect(t.intake.continuations).toEqual([]);
    expect(t.intake.published).toEqual([]);
  });

  it.each([
    ['klaar, every pack routed', { status: 'klaar', packs: 2, decided: [50, 50], routed: [0, 1] }],
    [
      'klaar, a pack without items never routed',
      { status: 'klaar', packs: 2, decided: [50, 0], routed: [0] },
    ],
    ['klaar, nothing to route at all', { status: 'klaar', packs: 1, decided: [0], routed: [] }],
  ] as const)(
    'closes a complete upload (%s): file and entry removed, nothing sent',
    async (_name, upload) => {
      // Prepare
      const t = harness();
      await storeUpload(t, 'upl_1', upload);

      // Act
      const result = await reconcileIntake(t.deps);

      // Assess
      expect(result).toEqual({ outstanding: 1, resent: 0, completed: 1, abandoned: 0, waiting: 0 });
      expect(t.intake.files.size).toBe(0);
      expect(t.intake.outstanding.size).toBe(0);
      expect(t.intake.continuations).toEqual([]);
    },
  );

  it.each([
    ['klaar, a pack with items not routed', { status: 'klaar', packs: 2, decided: [50, 50], routed: [0] }],
    ['klaar, a pack not decided', { status: 'klaar', packs: 2, decided: [50], routed: [0] }],
    [
      'verwerken, every decided pack routed',
      { status: 'verwerken', packs: 3, decided: [50, 50], routed: [0, 1] },
    ],
    ['verwerken, nothing decided', { status: 'verwerken', packs: 3, decided: [], routed: [] }],
    [
      'verwerken, every pack decided and routed but the receipt not finished',
      { status: 'verwerken', packs: 2, decided: [50, 50], routed: [0, 1] },
    ],
  ] as const)(
    'sends an incomplete upload (%s) to the uploads queue with republish, and postpones it',
    async (_name, upload) => {
      // Prepare
      const t = harness();
      await storeUpload(t, 'upl_1', upload, { attempts: 2 });

      // Act
      const result = await reconcileIntake(t.deps);

      // Assess
      expect(result).toEqual({ outstanding: 1, resent: 1, completed: 0, abandoned: 0, waiting: 0 });
      expect(t.intake.continuations).toEqual([
        { type: 'upload-continuation', uploadId: 'upl_1', republish: true },
      ]);
      expect(t.entry('upload', 'upl_1')).toMatchObject({
        attempts: 3,
        checkAfter: NOW + 4 * RECONCILE_AFTER_MS,
        leaseUntil: 0,
      });
      expect(t.intake.files.has('upl_1')).toBe(true);
      expect(t.intake.published).toEqual([]);
    },
  );

  it('afterRestart: every entry is due at once, whatever its checkAfter or lease (the queues are gone)', async () => {
    // Prepare
    const t = harness();
    await openCareReport(t, 'R-1', { checkAfter: NOW + MINUTE, leaseUntil: NOW + MINUTE });
    await storeUpload(t, 'upl_dead', undefined, { checkAfter: NOW + MINUTE, leaseUntil: NOW + MINUTE });
    await storeUpload(
      t,
      'upl_done',
      { status: 'klaar', packs: 1, decided: [50], routed: [0] },
      {
        checkAfter: NOW + MINUTE,
      },
    );
    await storeUpload(
      t,
      'upl_busy',
      { status: 'verwerken', packs: 2, decided: [50], routed: [] },
      {
        leaseUntil: NOW + MINUTE,
      },
    );

    // Act
    const result = await reconcileIntake(t.deps, { afterRestart: true });

    // Assess
    expect(result).toEqual({ outstanding: 4, resent: 2, completed: 1, abandoned: 1, waiting: 0 });
    expect(t.intake.published).toEqual([careReport('R-1')]);
    expect(t.intake.continuations).toEqual([
      { type: 'upload-continuation', uploadId: 'upl_busy', republish: true },
    ]);
    expect([...t.intake.outstanding.keys()].sort()).toEqual([
      'care-report#politie-utrecht#R-1',
      'upload#upl_busy',
    ]);
  });

  it('reads only the outstanding entries, and the progress of the uploads among them that are due', async () => {
    // Prepare: 200 finished uploads whose entries are gone (the table), and a small gap.
    const t = harness();
    for (let i = 0; i < 200; i++) {
      await storeUpload(t, `upl_old_${i}`, { status: 'klaar', packs: 1, decided: [50], routed: [0] });
      await t.intake.deps.outstanding.close('upload', `upl_old_${i}`);
    }
    await openCareReport(t, 'R-1');
    await storeUpload(t, 'upl_due', { status: 'verwerken', packs: 2, decided: [50], routed: [] });
    await storeUpload(
      t,
      'upl_later',
      { status: 'verwerken', packs: 2, decided: [50], routed: [] },
      {
        checkAfter: NOW + MINUTE,
      },
    );

    // Act
    const result = await reconcileIntake(t.deps);

    // Assess
    expect(result).toMatchObject({ outstanding: 3, resent: 2, waiting: 1 });
    expect(t.reads).toEqual(['outstanding.list', 'uploads.progress upl_due']);
  });
});
