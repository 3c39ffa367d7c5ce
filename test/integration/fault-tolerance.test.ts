import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqsHandler } from '../../infra/local/event-source-poller.ts';
import { addSdkMiddleware, documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { dynamoOutstandingIntake } from '../../shared/adapters/dynamodb-outstanding-intake.ts';
import { dynamoUploadFileStore } from '../../shared/adapters/dynamodb-upload-file-store.ts';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb-upload-store.ts';
import type { OutstandingEntry, Publisher } from '../../shared/application/ports.ts';
import { reconcileIntake } from '../../shared/application/reconcile-intake.ts';
import { QUEUES, TABLE } from '../../shared/resources.ts';
import { careReports, rentArrearsCsv } from './support/generated-intake.ts';
import { capturedLogs } from './support/log-capture.ts';
import { readWholeReceipt } from './support/receipt-pages.ts';
import { drawFor, mulberry32 } from './support/seeded-random.ts';
import { countBy, dlqDepth as dlqDepthOf, scanAll as scanTable } from './support/table-reads.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 7, acceptance 2–4: no signal lost or doubled on a bad day — a router failing a random 10%
// of its records, a consumer crashing mid-batch, DynamoDB leaving items unprocessed and throttling,
// a poison message — against the local runtime (dynalite + local-aws-sqs over HTTP, real SDK
// clients). Faults are drawn from a seeded PRNG, so a run can be repeated.
const SEED = 20_261_123;
const run = promisify(execFile);
let t: TestRuntime;

/** What the fault wrapper does with one delivery to the router; by default it just passes it on. */
type RouterFault = (
  event: SQSEvent,
  context: Context,
  route: SqsHandler,
) => Promise<SQSBatchResponse | undefined>;
const passThrough: RouterFault = (event, context, route) => route(event, context);
let routerFault: RouterFault = passThrough;

beforeAll(async () => {
  t = await startTestRuntime({
    retryDelaySeconds: 1,
    // EMF on stdout, so the poison test can see SignalDeadLettered.
    metrics: true,
    wrapQueueHandler: (functionName, handler) =>
      functionName === 'RouteSignals' ? (event, context) => routerFault(event, context, handler) : handler,
  });
  // Monday 23 November 2026: every arrears date and report below lies before it.
  await t.setClock('2026-11-23T10:00:00+01:00');
});

afterAll(async () => {
  routerFault = passThrough;
  await t?.stop();
});

// --- reading the outcome ---------------------------------------------------------------------------

const documents = () => documentClientOf(t.runtime.dynamodb);

const scanAll = (indexName?: string) => scanTable(documents(), t.runtime.tableName, indexName);

/**
 * Where each signal of a scenario (by its partner reference prefix) is stored: signal items, inbox
 * index entries, household entries — each signal id must appear exactly once in each.
 */
async function stored(referencePrefix: string) {
  const [table, inbox] = await Promise.all([scanAll(), scanAll(TABLE.indexes.inbox.name)]);
  const ours = (item: Record<string, unknown>) =>
    item.type === 'signal' && String(item.sourceReference).startsWith(referencePrefix);
  const signals = table.filter(ours);
  const ids = new Set(signals.map((item) => item.signalId as string));
  const householdEntries = table
    .filter((item) => item.type === 'household')
    .flatMap((item) => Object.keys(item.entries as Record<string, unknown>))
    .filter((signalId) => ids.has(signalId));
  return {
    ids,
    signalItems: countBy(signals.map((item) => item.signalId as string)),
    // The inbox index projects only what its readers take (no `type`, no `sourceReference`):
    // a signal's entry is known by its table key, and ours by the ids above.
    inboxEntries: countBy(
      inbox
        .filter((item) => item.sk === 'SIGNAL' && ids.has(item.signalId as string))
        .map((item) => item.signalId as string),
    ),
    householdEntries: countBy(householdEntries),
    routedToATeam: signals.filter((item) => item.status === 'open' && item.teamId).length,
  };
}

const exactlyOnce = (counts: Map<string, number>) => [...counts.values()].every((count) => count === 1);

/** The router's log lines ("Signaal verwerkt": ids and results only, P2) written since `offset`. */
function routerLogs(offset: number) {
  return capturedLogs()
    .slice(offset)
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"Signaal verwerkt"'))
    .map(
      (line) =>
        JSON.parse(line) as {
          signalId?: string;
          result?: string;
          results?: Record<string, number>;
        },
    );
}

const dlqDepth = () => dlqDepthOf(t.runtime.sqs, t.runtime.queues.signals.deadLetterUrl);

// --- sending intake -------------------------------------------------------------------------------

/** Posts care reports a few at a time, like several police units at once; returns the signal ids. */
async function postCareReports(reports: readonly Record<string, unknown>[], inFlight = 8): Promise<string[]> {
  const signalIds: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < reports.length) {
        const report = reports[next++];
        const response = await t.api.request<{ signalId: string }>('POST', '/intake/care-reports', {
          token: 'dev-politie',
          body: report,
        });
        expect(response.status).toBe(202);
        signalIds.push(response.body.signalId);
      }
    }),
  );
  return signalIds;
}

async function uploadRentArrears(token: string, csv: string) {
  const response = await t.api.request<{ uploadId: string; counts: Record<string, number> }>(
    'POST',
    '/intake/rent-arrears?attest=sociale-incasso',
    { token, body: csv, headers: { 'content-type': 'text/csv' } },
  );
  expect(response.status).toBe(202);
  return response.body;
}

/** The partner's reference of a queued message: stable across runs, unlike message and signal ids. */
function referenceOf(record: SQSRecord): string {
  const message = JSON.parse(record.body) as {
    report?: { reportId: string };
    items?: { input: { sourceReference: string } }[];
  };
  return message.report?.reportId ?? message.items?.map((item) => item.input.sourceReference).join(',') ?? '';
}

/** Signals in a queued message: one care report, or a pack of debt signals. */
const signalsIn = (record: SQSRecord) =>
  (JSON.parse(record.body) as { items?: unknown[] }).items?.length ?? 1;
const receiveCountOf = (record: SQSRecord) => Number(record.attributes.ApproximateReceiveCount);
const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(1));

// --- the receipt side (DESIGN I1) ------------------------------------------------------------------

/** An upload's receipt lines (GET /intake/uploads/{id}, page by page). */
async function receiptLines(uploadId: string, token: string) {
  const { receipt } = await readWholeReceipt<{
    status: string;
    rows: { row: number; status: string; signalId?: string }[];
  }>(t.api, uploadId, token);
  return receipt.rows;
}

/**
 * What the reconciler would do with the outstanding entries `ours` selects once they fall due (its
 * clock a day on, so every check is due and every lease over): the real reconciler over the real
 * table, with publishers that only record what it would send on.
 */
async function reconcileLater(ours: (entry: OutstandingEntry) => boolean) {
  const documents = documentClientOf(t.runtime.dynamodb);
  const outstanding = dynamoOutstandingIntake(documents, t.runtime.tableName);
  const sent: unknown[] = [];
  const recording = <M>(): Publisher<M> => ({
    publish: async (message) => void sent.push(message),
    publishMany: async (messages) => void sent.push(...messages),
  });
  const entries = (await outstanding.list()).filter(ours);
  const result = await reconcileIntake({
    outstanding: { ...outstanding, list: async () => (await outstanding.list()).filter(ours) },
    uploads: dynamoUploadStore(documents, t.runtime.tableName),
    files: dynamoUploadFileStore(documents, t.runtime.tableName),
    publisher: recording(),
    continuations: recording(),
    timer: { now: () => Date.now() + 24 * 3600_000 },
    reconcileAfterMs: 300_000,
  });
  return { entries, result, sent, left: (await outstanding.list()).filter(ours) };
}

// --- DynamoDB faults, through the SDK middleware seam ---------------------------------------------

type SdkMiddleware = Parameters<typeof addSdkMiddleware>[0];
/** What a middleware gets, at any step: the command's input, and from `build` on the HTTP request. */
type SdkArguments = { input: object; request: unknown };

interface DynamoFaults {
  /** Items and keys answered as unprocessed, and how many of those came back in a later request. */
  unprocessed: number;
  resent: number;
  /** Requests failed with a throttling error, and attempts the SDK made after a failed one. */
  throttled: number;
  retriedAttempts: number;
}

/**
 * At `initialize`, before the document client marshals: BatchWriteItem and BatchGetItem send only
 * part of their items and answer the rest as `UnprocessedItems` / `UnprocessedKeys`, as DynamoDB
 * does under throttling. Always one is sent, so the request is a real one; an item is left over at
 * most twice running, so the helpers' eight rounds always suffice.
 */
function leaveUnprocessed(share: number, random: () => number, faults: DynamoFaults): SdkMiddleware {
  const leftOver = new Map<string, number>();
  return (next, context) => async (args: SdkArguments) => {
    const input = args.input as { RequestItems?: Record<string, unknown> };
    const write = context.commandName === 'BatchWriteItemCommand';
    const get = context.commandName === 'BatchGetItemCommand';
    if ((!write && !get) || !input.RequestItems) return next(args);
    const [tableName, requests] = Object.entries(input.RequestItems)[0] as [string, { Keys?: unknown[] }];
    const list = (write ? requests : requests.Keys) as unknown[];
    const kept: unknown[] = [];
    const dropped: unknown[] = [];
    for (const request of list) {
      const key = JSON.stringify(request);
      const times = leftOver.get(key) ?? 0;
      if (times > 0) faults.resent++;
      if (kept.length > 0 && times < 2 && random() < share) {
        dropped.push(request);
        leftOver.set(key, times + 1);
      } else {
        kept.push(request);
        leftOver.delete(key);
      }
    }
    faults.unprocessed += dropped.length;
    const sent = write ? kept : { ...requests, Keys: kept };
    const result = await next({ ...args, input: { ...input, RequestItems: { [tableName]: sent } } });
    const output = result.output as Record<string, unknown>;
    if (dropped.length && write) output.UnprocessedItems = { [tableName]: dropped };
    if (dropped.length && get) output.UnprocessedKeys = { [tableName]: { ...requests, Keys: dropped } };
    return result;
  };
}

/**
 * At `finalizeRequest` with low priority, inside the SDK's retry loop: a share of DynamoDB attempts
 * fail with ProvisionedThroughputExceededException, which the SDK retries with backoff. Never the
 * last attempt (`amz-sdk-request: attempt=n; max=m`), so each request gets through in the end, as on
 * AWS when the throttling passes.
 */
function throttle(share: number, random: () => number, faults: DynamoFaults): SdkMiddleware {
  return (next, context) => async (args: SdkArguments) => {
    if (context.clientName !== 'DynamoDBClient') return next(args);
    const header = (args.request as { headers: Record<string, string> }).headers['amz-sdk-request'] ?? '';
    const [attempt = 0, max = 0] = (/attempt=(\d+); max=(\d+)/.exec(header) ?? []).slice(1).map(Number);
    if (attempt > 1) faults.retriedAttempts++;
    if (attempt < max && random() < share) {
      faults.throttled++;
      throw Object.assign(new Error('The level of configured provisioned throughput was exceeded.'), {
        name: 'ProvisionedThroughputExceededException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      });
    }
    return next(args);
  };
}

// --- the scenarios --------------------------------------------------------------------------------

describe('the router fails a seeded 10% of its records (issue 7, acceptance 2)', () => {
  it('2,000 signals (1,000 care reports, 1,000 arrears rows): each routed and stored exactly once, the failed ones through redelivery', {
    timeout: 120_000,
  }, async () => {
    // Prepare: a 10% share of deliveries fails, half before the router sees the record, half after
    // it has routed it (reported failed although done: as if the Lambda died before SQS deleted it).
    const share = 0.1;
    const stats = { records: 0, deliveries: 0, failedBefore: 0, failedAfter: 0, signalsDoneButFailed: 0 };
    routerFault = async (event, context, route) => {
      stats.deliveries += event.Records.length;
      stats.records += event.Records.filter((record) => receiveCountOf(record) === 1).length;
      const before = new Set<string>();
      const after = new Set<string>();
      for (const record of event.Records) {
        // An injected fault never takes the last try: this test is about redelivery, not the DLQ.
        if (receiveCountOf(record) >= QUEUES.signals.maxReceiveCount) continue;
        const draw = drawFor(SEED, `${referenceOf(record)}#${receiveCountOf(record)}`);
        if (draw < share / 2) before.add(record.messageId);
        else if (draw < share) after.add(record.messageId);
      }
      const handed = event.Records.filter((record) => !before.has(record.messageId));
      const response = handed.length ? await route({ Records: handed }, context) : undefined;
      stats.failedBefore += before.size;
      stats.failedAfter += after.size;
      for (const record of handed.filter((record) => after.has(record.messageId))) {
        stats.signalsDoneButFailed += signalsIn(record);
      }
      const failed = new Set([
        ...before,
        ...after,
        ...(response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier),
      ]);
      return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
    };
    // Care reports are one signal to a message, so most records; arrears rows go 50 to a message.
    const reports = careReports(1000, { seed: SEED + 1, prefix: 'FT-A', households: 900 });
    const file = rentArrearsCsv(1000, { seed: SEED + 2, prefix: 'FT-A-HUUR' });
    const logOffset = capturedLogs().length;
    const started = performance.now();

    // Act
    const [signalIds, upload] = await Promise.all([
      postCareReports(reports),
      uploadRentArrears('dev-bo-ex', file),
    ]);
    const posted = seconds(started);
    await t.drain();
    routerFault = passThrough;
    const routed = seconds(started);

    // Assess
    const result = await stored('FT-A-');
    const logs = routerLogs(logOffset);
    // A message of one signal logs its decision, a pack its counts per result.
    const decisions = logs.filter((line) => line.signalId && result.ids.has(line.signalId));
    const total = (outcome: string) =>
      decisions.filter((line) => line.result === outcome).length +
      logs.reduce((sum, line) => sum + (line.results?.[outcome] ?? 0), 0);
    const routedDecisions = countBy(
      decisions.filter((line) => line.result === 'routed').map((line) => line.signalId as string),
    );
    const failures = stats.failedBefore + stats.failedAfter;
    console.info(
      `fault-tolerance a: ${result.ids.size} signals in ${stats.records} records, ${stats.deliveries} deliveries, ${stats.failedBefore} failed before and ${stats.failedAfter} after routing; intake ${posted} s, all routed ${routed} s`,
    );

    expect(upload.counts).toMatchObject({ received: 1000, accepted: 1000 });
    expect(new Set(signalIds).size).toBe(1000);
    expect(result.ids.size).toBe(2000);
    expect(signalIds.every((signalId) => result.ids.has(signalId))).toBe(true);
    expect(exactlyOnce(result.signalItems)).toBe(true);
    expect(result.inboxEntries).toEqual(result.signalItems);
    expect(result.householdEntries).toEqual(result.signalItems);
    expect(result.routedToATeam).toBe(2000);
    // Routed exactly once: one `routed` decision per signal; a redelivery of a routed signal finds
    // it there and changes nothing.
    expect(signalIds.filter((signalId) => routedDecisions.get(signalId) !== 1)).toEqual([]);
    expect(total('routed')).toBe(2000);
    expect(total('already-routed')).toBe(stats.signalsDoneButFailed);
    // The faults really happened, about 10% of deliveries, and each one cost a redelivery.
    expect(stats.failedBefore).toBeGreaterThan(0);
    expect(stats.failedAfter).toBeGreaterThan(0);
    expect(failures / stats.deliveries).toBeGreaterThan(0.05);
    expect(stats.records).toBe(1020);
    expect(stats.deliveries).toBeGreaterThanOrEqual(stats.records + failures);
    expect(await dlqDepth()).toBe(0);

    // The receipt invariant (DESIGN I1, issue 11) under the same faults: every accepted line's signal
    // is stored once, and every stored signal of this scenario has a receipt line — the upload's, or
    // a care report's receipt.
    const lines = await receiptLines(upload.uploadId, 'dev-bo-ex');
    const lineIds = lines
      .filter((line) => line.status === 'accepted' || line.status === 'updated')
      .map((line) => line.signalId as string);
    const careReceipts = (await scanAll()).filter(
      (item) => item.type === 'care-report-receipt' && String(item.reportId).startsWith('FT-A-'),
    );
    const onAReceipt = new Set([...lineIds, ...careReceipts.map((item) => item.signalId as string)]);
    expect(lines).toHaveLength(1000);
    expect(lineIds).toHaveLength(1000);
    expect(lineIds.filter((signalId) => result.signalItems.get(signalId) !== 1)).toEqual([]);
    expect([...result.ids].filter((signalId) => !onAReceipt.has(signalId))).toEqual([]);
    // Nothing left for the reconciler: the router removed every care report's outstanding entry once
    // routed; the upload's entry waits for its next look, which finds it routed completely and closes
    // it (with its stored file) without sending anything on.
    const reportIds = new Set(reports.map((report) => `politie-utrecht#${report.reportId}`));
    const later = await reconcileLater(
      (entry) => entry.id === upload.uploadId || (entry.kind === 'care-report' && reportIds.has(entry.id)),
    );
    expect(later.entries.map((entry) => [entry.kind, entry.id])).toEqual([['upload', upload.uploadId]]);
    expect(later.result).toMatchObject({ outstanding: 1, resent: 0, completed: 1, abandoned: 0, waiting: 0 });
    expect(later.sent).toEqual([]);
    expect(later.left).toEqual([]);
  });
});

describe('a consumer crashes mid-batch', () => {
  it('half of a batch routed, then the invocation dies: the whole batch comes back and every signal is there once', async () => {
    // Prepare: on a batch's first delivery the router gets its first half, then the "Lambda" crashes.
    const stats = { crashes: 0, messagesBeforeCrash: 0, signalsBeforeCrash: 0 };
    routerFault = async (event, context, route) => {
      const firstTry = event.Records.every((record) => receiveCountOf(record) === 1);
      if (!firstTry || event.Records.length < 2) return route(event, context);
      const half = event.Records.slice(0, Math.ceil(event.Records.length / 2));
      await route({ Records: half }, context);
      stats.crashes++;
      stats.messagesBeforeCrash += half.length;
      stats.signalsBeforeCrash += half.reduce((sum, record) => sum + signalsIn(record), 0);
      throw new Error('consumer crashed mid-batch');
    };
    const logOffset = capturedLogs().length;
    const started = performance.now();

    // Act: 1,000 rent-arrears rows, packed 50 to a message and sent 10 messages to a request.
    const { counts } = await uploadRentArrears(
      'dev-mitros',
      rentArrearsCsv(1000, { seed: SEED + 3, prefix: 'FT-B' }),
    );
    await t.drain();
    routerFault = passThrough;

    // Assess
    const result = await stored('FT-B-');
    const logs = routerLogs(logOffset);
    const total = (outcome: string) => logs.reduce((sum, line) => sum + (line.results?.[outcome] ?? 0), 0);
    console.info(
      `fault-tolerance b: ${result.ids.size} signals, ${stats.crashes} crashes after ${stats.messagesBeforeCrash} messages (${stats.signalsBeforeCrash} signals) routed; ${seconds(started)} s`,
    );

    expect(counts).toMatchObject({ received: 1000, accepted: 1000 });
    expect(result.ids.size).toBe(1000);
    expect(exactlyOnce(result.signalItems)).toBe(true);
    expect(result.inboxEntries).toEqual(result.signalItems);
    expect(result.householdEntries).toEqual(result.signalItems);
    expect(stats.crashes).toBeGreaterThan(0);
    // Every signal decided once; those of the halves routed before a crash came back with their
    // batch, were found routed and left as they were.
    expect(total('routed')).toBe(1000);
    expect(stats.signalsBeforeCrash).toBeGreaterThan(0);
    expect(total('already-routed')).toBe(stats.signalsBeforeCrash);
    expect(await dlqDepth()).toBe(0);
  });
});

describe('DynamoDB leaves items unprocessed and throttles (issue 7, acceptance 3)', () => {
  it('an upload is retried with backoff until every item is written, exactly once', async () => {
    // Prepare: BatchWriteItem and BatchGetItem leave 20% of their items unprocessed (an item at
    // most twice running), and 20% of DynamoDB requests are throttled inside the SDK's retry loop.
    // Concurrent requests meet the seeded draws in varying order: the shares repeat, not which item.
    const random = mulberry32(SEED);
    const faults = { unprocessed: 0, resent: 0, throttled: 0, retriedAttempts: 0 };
    const removeUnprocessed = addSdkMiddleware(leaveUnprocessed(0.2, random, faults), {
      name: 'faultUnprocessed',
      step: 'initialize',
    });
    const removeThrottling = addSdkMiddleware(throttle(0.2, random, faults), {
      name: 'faultThrottling',
      step: 'finalizeRequest',
      priority: 'low',
    });
    const started = performance.now();

    // Act
    let counts: Record<string, number>;
    try {
      ({ counts } = await uploadRentArrears(
        'dev-portaal',
        rentArrearsCsv(300, { seed: SEED + 4, prefix: 'FT-C' }),
      ));
      await t.drain();
    } finally {
      removeUnprocessed();
      removeThrottling();
    }

    // Assess
    const result = await stored('FT-C-');
    console.info(
      `fault-tolerance c: ${result.ids.size} signals; ${faults.unprocessed} items left unprocessed, ${faults.resent} sent again; ${faults.throttled} requests throttled, ${faults.retriedAttempts} retried attempts; ${seconds(started)} s`,
    );

    expect(counts).toMatchObject({ received: 300, accepted: 300 });
    expect(result.ids.size).toBe(300);
    expect(exactlyOnce(result.signalItems)).toBe(true);
    expect(result.inboxEntries).toEqual(result.signalItems);
    expect(result.householdEntries).toEqual(result.signalItems);
    expect(faults.unprocessed).toBeGreaterThan(0);
    expect(faults.resent).toBe(faults.unprocessed);
    expect(faults.throttled).toBeGreaterThan(0);
    expect(faults.retriedAttempts).toBeGreaterThanOrEqual(faults.throttled);
    expect(await dlqDepth()).toBe(0);
  });
});

describe('a poison message (issue 7, acceptance 4; DESIGN D4)', () => {
  it('ends in the DLQ after maxReceiveCount deliveries with SignalDeadLettered, and the redrive routes it once fixed', async () => {
    // Prepare: one care report the router cannot handle — it gets a body its schema rejects, every
    // time — between two it can.
    const [good1, poison, good2] = careReports(3, { seed: SEED + 5, prefix: 'FT-D' }) as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    const deliveries: number[] = [];
    const poisonMessageIds = new Set<string>();
    routerFault = (event, context, route) => {
      const records = event.Records.map((record) => {
        if (referenceOf(record) !== poison.reportId) return record;
        deliveries.push(receiveCountOf(record));
        poisonMessageIds.add(record.messageId);
        return { ...record, body: JSON.stringify({ type: 'care-report', poisoned: true }) };
      });
      return route({ Records: records }, context);
    };
    const logOffset = capturedLogs().length;

    // Act
    const [, poisonId] = await postCareReports([good1, poison, good2], 1);
    await t.drain();
    const deadLettered = await dlqDepth();
    const emf = capturedLogs().slice(logOffset);
    routerFault = passThrough; // the fix is deployed
    writeFileSync(join(t.dataDir, 'runtime.json'), JSON.stringify({ sqs: t.runtime.endpoints.sqs }));
    const { stdout } = await run(process.execPath, ['scripts/redrive.ts'], {
      env: { ...process.env, DATA_DIR: t.dataDir },
    });
    await t.drain();

    // Assess: five deliveries (maxReceiveCount), then SQS moved it; the last one counted and logged it.
    expect(deliveries).toEqual(
      Array.from({ length: QUEUES.signals.maxReceiveCount }, (_, index) => index + 1),
    );
    expect(deadLettered).toBe(1);
    const lines = emf.split('\n').filter((line) => line.startsWith('{'));
    const metric = lines.filter((line) => line.includes('"SignalDeadLettered"'));
    expect(metric).toHaveLength(1);
    expect(JSON.parse(metric[0] as string)).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: 'Buurtsignaal', Dimensions: [['service']] }] },
      service: 'buurtsignaal',
      SignalDeadLettered: 1,
    });
    const logged = lines
      .filter((line) => line.includes('"Bericht gaat naar de dead-letter queue"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        messageId: [...poisonMessageIds][0],
        receiveCount: QUEUES.signals.maxReceiveCount,
      }),
    ]);
    // Ids and counts only (P2): neither the body nor the error, which might quote it.
    expect(logged[0]).not.toHaveProperty('error');
    expect(JSON.stringify(logged[0])).not.toContain(poison.reportId as string);
    expect(poisonMessageIds.size).toBe(1);
    expect(stdout).toContain('signals: 1 bericht(en) uit de DLQ teruggezet');
    expect(await dlqDepth()).toBe(0);
    const result = await stored('FT-D-');
    expect(result.ids).toContain(poisonId);
    expect(result.ids.size).toBe(3);
    expect(exactlyOnce(result.signalItems)).toBe(true);
    const decisions = routerLogs(logOffset).filter((line) => line.signalId === poisonId);
    expect(decisions.map((line) => line.result)).toEqual(['routed']);
  });
});
