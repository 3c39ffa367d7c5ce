import { planEnergyDebts } from '../../shared/application/energy-debt-intake.ts';
import type { PartnerUploadDependencies } from '../../shared/application/partner-upload.ts';
import type {
  IdempotencyClaim,
  IdempotencyStore,
  OutstandingEntry,
  OutstandingIntake,
  SignalState,
  UploadFileStore,
  UploadHeader,
  UploadState,
  UploadStore,
  UploadSummary,
} from '../../shared/application/ports.ts';
import { planRentArrears } from '../../shared/application/rent-arrears-intake.ts';
import type { Clock, Timer } from '../../shared/domain/clock.ts';
import {
  inPartnerOrder,
  type PackDecision,
  packItemsOf,
  positionOf,
  RECEIPT_PAGE_SIZE,
  type ReceiptLine,
} from '../../shared/domain/upload-plan.ts';
import type { SignalMessage, UploadContinuationMessage } from '../../shared/messages.ts';
import { chunks } from '../../shared/parallel.ts';

/**
 * In-memory ports for unit tests of the intake use cases: the same contracts as the DynamoDB and
 * SQS adapters (which the integration tests run for real), with the published messages kept so a
 * test can play the router. `routeOnPublish` makes published items stored signals at once.
 */
export function inMemoryIntake(options: { clock: Clock; timer?: Timer; routeOnPublish?: boolean }) {
  const states = new Map<string, SignalState>();
  const published: SignalMessage[] = [];
  const continuations: UploadContinuationMessage[] = [];
  interface StoredUpload {
    header?: UploadHeader;
    fixed: ReceiptLine[];
    decisions: Map<number, PackDecision>;
    routed: Set<number>;
    /** The finished receipt's lines in partner order, in pages as the DynamoDB store keeps them. */
    pages?: ReceiptLine[][];
  }
  const uploads = new Map<string, StoredUpload>();
  const files = new Map<string, Uint8Array>();
  const outstanding = new Map<string, OutstandingEntry>();
  const claims = new Map<string, IdempotencyClaim>();
  /** When each claim expires (the adapter's TTL attribute, checked on read as TTL lags). */
  const claimExpiry = new Map<string, number>();
  let ids = 0;
  const timer = options.timer ?? { now: () => Date.now() };
  const uploadOf = (uploadId: string) => {
    const found: StoredUpload = uploads.get(uploadId) ?? {
      fixed: [],
      decisions: new Map(),
      routed: new Set(),
    };
    uploads.set(uploadId, found);
    return found;
  };
  const keyOf = (kind: string, id: string) => `${kind}#${id}`;

  const uploadStore: UploadStore = {
    async begin(header, fixedLines) {
      const upload = uploadOf(header.uploadId);
      upload.fixed = [...fixedLines];
      upload.header = header;
    },
    async saveDecisions(uploadId, decisions) {
      // As the DynamoDB store keeps them: the lines; the items are read back from them.
      for (const { pack, lines } of decisions) {
        uploadOf(uploadId).decisions.set(pack, { pack, lines, items: packItemsOf(lines) });
      }
    },
    async markPackRouted(uploadId, pack) {
      uploadOf(uploadId).routed.add(pack);
    },
    async finish(header, lines) {
      const upload = uploadOf(header.uploadId);
      upload.pages = chunks(inPartnerOrder(lines), RECEIPT_PAGE_SIZE);
      upload.header = header;
    },
    async header(uploadId) {
      return uploads.get(uploadId)?.header;
    },
    async receiptPage(uploadId, from) {
      const pages = uploads.get(uploadId)?.pages ?? [];
      const starts = (page: ReceiptLine[] | undefined) => positionOf(page?.[0] as ReceiptLine);
      const index = Math.max(
        0,
        pages.findLastIndex((page) => from !== undefined && starts(page) <= from),
      );
      const page = pages[index];
      if (!page) return undefined;
      const next = pages[index + 1];
      return {
        lines: page.filter((line) => from === undefined || positionOf(line) >= from),
        next: next && starts(next),
      };
    },
    async read(uploadId): Promise<UploadState | undefined> {
      const upload = uploads.get(uploadId);
      if (!upload?.header) return undefined;
      return {
        header: upload.header,
        fixedLines: [...upload.fixed],
        decisions: new Map(upload.decisions),
        routed: new Set(upload.routed),
      };
    },
    async progress(uploadId) {
      const upload = uploads.get(uploadId);
      return {
        header: upload?.header,
        decided: new Map([...(upload?.decisions.values() ?? [])].map((d) => [d.pack, d.items.length])),
        routed: new Set(upload?.routed ?? []),
      };
    },
    async list() {
      return {
        items: [...uploads.values()].flatMap((u) => (u.header ? [u.header as unknown as UploadSummary] : [])),
      };
    },
  };

  const fileStore: UploadFileStore = {
    async save(uploadId, bytes) {
      files.set(uploadId, bytes);
    },
    async load(uploadId) {
      return files.get(uploadId);
    },
    async remove(uploadId) {
      files.delete(uploadId);
    },
  };

  const outstandingStore: OutstandingIntake = {
    async open(entry) {
      outstanding.set(keyOf(entry.kind, entry.id), entry);
    },
    async close(kind, id) {
      outstanding.delete(keyOf(kind, id));
    },
    async list() {
      return [...outstanding.values()];
    },
    async lease(kind, id, until, now) {
      const entry = outstanding.get(keyOf(kind, id));
      if (!entry || (entry.leaseUntil ?? 0) > now) return false;
      outstanding.set(keyOf(kind, id), { ...entry, leaseUntil: until });
      return true;
    },
    async update(kind, id, changes) {
      const entry = outstanding.get(keyOf(kind, id));
      // As the adapter: only the attributes given a value change, and only on an entry that exists.
      const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      if (entry) outstanding.set(keyOf(kind, id), { ...entry, ...set });
    },
  };

  // As the adapter: a claim past its window (IDEMPOTENCY_WINDOW_MS) is no claim, and may be claimed anew.
  const liveClaim = (key: string) =>
    (claimExpiry.get(key) ?? Number.POSITIVE_INFINITY) > timer.now() ? claims.get(key) : undefined;
  const idempotency: IdempotencyStore = {
    async claim(claim, expiresAt) {
      const existing = liveClaim(claim.key);
      if (existing) return existing;
      claims.set(claim.key, claim);
      claimExpiry.set(claim.key, expiresAt);
      return undefined;
    },
    async get(key) {
      return liveClaim(key);
    },
    async takeOver(key, leaseUntil, now) {
      const existing = claims.get(key);
      if (!existing || existing.leaseUntil >= now) return false;
      claims.set(key, { ...existing, leaseUntil });
      return true;
    },
    async complete(key, response) {
      const existing = claims.get(key);
      if (existing) claims.set(key, { ...existing, response });
    },
    async release(key) {
      claims.delete(key);
      claimExpiry.delete(key);
    },
  };

  const storeItems = (messages: readonly SignalMessage[]) => {
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
      if (message.pack !== undefined) uploadOf(message.uploadId).routed.add(message.pack);
    }
  };

  const deps: PartnerUploadDependencies = {
    signals: {
      getStates: async (signalIds) =>
        new Map(signalIds.flatMap((id) => (states.has(id) ? [[id, states.get(id) as SignalState]] : []))),
    },
    uploads: uploadStore,
    files: fileStore,
    outstanding: outstandingStore,
    idempotency,
    publisher: {
      publish: async (message) => {
        published.push(message);
        if (options.routeOnPublish) storeItems([message]);
      },
      publishMany: async (messages) => {
        published.push(...messages);
        if (options.routeOnPublish) storeItems(messages);
      },
    },
    continuations: {
      publish: async (message) => void continuations.push(message),
      publishMany: async (messages) => void continuations.push(...messages),
    },
    planners: { 'rent-arrears': planRentArrears, 'energy-debts': planEnergyDebts },
    clock: options.clock,
    timer,
    secret: 'p'.repeat(48),
    newUploadId: () => `upl_${++ids}`,
  };

  return {
    deps,
    states,
    published,
    continuations,
    uploads,
    files,
    outstanding,
    claims,
    /** Plays the router for what was published so far. */
    route: () => storeItems(published),
  };
}
