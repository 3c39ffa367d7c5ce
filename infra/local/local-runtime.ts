import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';

import type { Context, ScheduledEvent } from 'aws-lambda';
import { documentClientOf, instrumentable, withoutSdkLogging } from '../../shared/adapters/aws-clients.ts';
import { LOCAL_SIGNING_FILE } from '../../shared/adapters/local-payload-signer.ts';
import { readOutbox } from '../../shared/adapters/notifiers.ts';
import { useClock } from '../../shared/adapters/runtime-clock.ts';
import { OPERATIONS } from '../../shared/api/operations.ts';
import { localTokenTable } from '../../shared/auth/principal.ts';
import { METRICS_NAMESPACE, QUEUES, type QueueName, SERVICE_NAME } from '../../shared/resources.ts';
import { environmentFor, FUNCTIONS } from '../function-catalog.ts';
import { type BrpFault, type BrpStandIn, startBrpStandIn } from './brp-stand-in.ts';
import { EventSourcePoller, type SqsHandler } from './event-source-poller.ts';
import { type ApiHandler, createApiGateway, type GatewayRoute, sendJson } from './http-gateway.ts';
import { enableConcurrentInvocations, initialize, invoke, LOCAL_MAX_CONCURRENCY } from './lambda-context.ts';
import { ensureTable, type LocalServer, startDynalite } from './local-dynamodb.ts';
import { handleLocalRoute } from './local-routes.ts';
import { localSigningMaterial } from './local-signing-material.ts';
import { ensureQueues, LOCAL_ACCOUNT, LOCAL_REGION, type LocalQueue, startLocalSqs } from './local-sqs.ts';
import { createStaticWebApp } from './static-web-app.ts';
import { TestClock } from './test-clock.ts';

export const LOCAL_TABLE_NAME = 'buurtsignaal';
const ROOT = resolve(import.meta.dirname, '../..');

export interface LocalRuntimeOptions {
  readonly dataDir: string;
  readonly port?: number;
  /** Seconds before a failed record is redelivered (AWS: the visibility timeout). */
  readonly retryDelaySeconds?: number;
  /** Parallel invocations per queue. */
  readonly pollerConcurrency?: number;
  /** Powertools log level of the handlers. */
  readonly logLevel?: string;
  /**
   * Print the handlers' Powertools metrics (EMF JSON on stdout, as Lambda writes them for
   * CloudWatch), for a test that checks a metric; off by default, as it is noise locally.
   */
  readonly metrics?: boolean;
  /** The built web app to serve at `/` (default web/dist). */
  readonly webRoot?: string;
  /** How often the sweep runs by itself; 0 or absent: only on clock changes and `/_local/sweep`. */
  readonly sweepIntervalMs?: number;
  /**
   * Wraps each queue consumer's handler (by function id) before its poller calls it: the seam the
   * fault-tolerance tests use to make the router fail records, or crash mid-batch.
   */
  readonly wrapQueueHandler?: (functionName: string, handler: SqsHandler) => SqsHandler;
  /** The partner uploads' time budget (UPLOAD_TIME_BUDGET_MS); the function catalog's default if absent. */
  readonly uploadTimeBudgetMs?: number;
  /** When the reconciler sends on intake not known to be stored (RECONCILE_AFTER_MS). */
  readonly reconcileAfterMs?: number;
  /**
   * Issue 16: the BRP the router asks — the stand-in with its demo residents (default), or none
   * (signals routed as before issue 16, as on a deployment without a BRP connection).
   */
  readonly brp?: 'stand-in' | 'none';
  /** Called after each request: method, path (ids only, never bodies), status, milliseconds. */
  readonly onRequest?: (entry: { method: string; path: string; status: number; ms: number }) => void;
}

export interface LocalRuntime {
  readonly url: string;
  readonly clock: TestClock;
  readonly tableName: string;
  readonly queues: Record<QueueName, LocalQueue>;
  readonly endpoints: { readonly dynamodb: string; readonly sqs: string };
  readonly dynamodb: DynamoDBClient;
  readonly sqs: SQSClient;
  /** Waits until every queue is empty and no handler runs; returns the records delivered meanwhile. */
  drain(timeoutMs?: number): Promise<number>;
  /** Runs the scheduled functions (sweep, purge) now and drains; says what they did. */
  sweep(): Promise<ScheduleRun>;
  /** The local notifier's outbox, newest first. */
  outbox(): Promise<Record<string, unknown>[]>;
  /** Makes the local notifier fail (true) or work again (false): fault injection for demos and tests. */
  setNotifierOutage(outage: boolean): void;
  /** The BRP stand-in (issue 16), for fault injection; absent with `brp: 'none'`. */
  readonly brp: BrpStandIn | undefined;
  /** Makes the BRP stand-in fail in one way, or work again (`none`); false without a stand-in. */
  setBrpFault(fault: BrpFault): boolean;
  stop(): Promise<void>;
}

/**
 * What the handlers' SDK clients and Powertools read; the same variables Lambda would give them. All
 * handlers share this process and run side by side, so it is set up as Lambda sets up an execution
 * environment for concurrent invocations (AWS_LAMBDA_MAX_CONCURRENCY and the invoke store).
 */
async function configureProcessEnvironment(
  servers: { dynamodb: string; sqs: string },
  options: { logLevel: string; metrics: boolean },
) {
  Object.assign(process.env, {
    AWS_LAMBDA_MAX_CONCURRENCY: String(LOCAL_MAX_CONCURRENCY),
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: servers.dynamodb,
    AWS_ENDPOINT_URL_SQS: servers.sqs,
    POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    POWERTOOLS_METRICS_DISABLED: options.metrics ? 'false' : 'true',
    POWERTOOLS_LOG_LEVEL: options.logLevel,
  });
  await enableConcurrentInvocations();
}

/**
 * The household-key secret (DESIGN M1) of this data directory: generated once, then kept, because
 * every stored household key and partner signal id depends on it.
 */
function localHouseholdSecret(dataDir: string): string {
  const file = join(dataDir, 'household-key.secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

type ScheduledHandler = (
  event: ScheduledEvent,
  context: Context,
) => Promise<{ due?: number; purged?: number; reconciled?: number; completed?: number } | undefined>;

/**
 * What one run of the scheduled functions did: escalations sent (D4), signals purged (P1), accepted
 * intake sent on again by the reconciler (I1).
 */
export interface ScheduleRun {
  readonly escalated: number;
  readonly purged: number;
  readonly reconciled: number;
  /** B3: compositions the BRP gave on the later retry. */
  readonly compositions: number;
}

function scheduledEvent(detail: Record<string, unknown> = {}): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: LOCAL_ACCOUNT,
    time: new Date().toISOString(),
    region: LOCAL_REGION,
    resources: [],
    detail,
  };
}

async function importHandler<H>(entry: string): Promise<H> {
  const module = (await initialize(() => import(pathToFileURL(join(ROOT, entry)).href))) as { handler: H };
  return module.handler;
}

async function queueDepth(sqs: SQSClient, url: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) +
    Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0)
  );
}

/**
 * Starts the whole service on one machine (DESIGN §2): dynalite and local-aws-sqs on loopback, the
 * table and queues from the CDK constants, the real handlers behind an API Gateway emulation, one
 * event-source poller per consumed queue, and the test clock. `npm start` and the integration
 * tests both start it through here.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const started: LocalServer[] = [];
  const dynamoServer = await startDynalite(join(options.dataDir, 'dynamodb'));
  started.push(dynamoServer);
  const sqsServer = await startLocalSqs();
  started.push(sqsServer);
  const brpStandIn = options.brp === 'none' ? undefined : await startBrpStandIn();
  if (brpStandIn) started.push({ endpoint: brpStandIn.url, close: () => brpStandIn.close() });
  await configureProcessEnvironment(
    { dynamodb: dynamoServer.endpoint, sqs: sqsServer.endpoint },
    { logLevel: options.logLevel ?? 'INFO', metrics: options.metrics ?? false },
  );

  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  // Instrumentable like the handlers' clients: the poller's receives and deletes count as SQS
  // requests in the benchmark, as the event source mapping's polling does on AWS.
  const dynamodb = instrumentable(
    withoutSdkLogging(
      new DynamoDBClient({ region: LOCAL_REGION, endpoint: dynamoServer.endpoint, credentials }),
    ),
  );
  const sqs = instrumentable(
    withoutSdkLogging(new SQSClient({ region: LOCAL_REGION, endpoint: sqsServer.endpoint, credentials })),
  );
  await ensureTable(dynamodb, LOCAL_TABLE_NAME);
  const queues = await ensureQueues(sqs);
  // X3: a key pair and self-signed certificate, made once in the data directory.
  await localSigningMaterial(options.dataDir);
  const resources = {
    householdSecret: { value: localHouseholdSecret(options.dataDir) },
    ddasSigning: { keyFile: join(options.dataDir, LOCAL_SIGNING_FILE) },
    notifier: { kind: 'outbox' } as const,
    ...(brpStandIn ? { brp: { url: brpStandIn.url } } : {}),
    tableName: LOCAL_TABLE_NAME,
    queueUrls: Object.fromEntries(Object.entries(queues).map(([name, queue]) => [name, queue.url])) as Record<
      QueueName,
      string
    >,
  };
  for (const definition of FUNCTIONS) Object.assign(process.env, environmentFor(definition, resources));
  if (options.uploadTimeBudgetMs !== undefined) {
    process.env.UPLOAD_TIME_BUDGET_MS = String(options.uploadTimeBudgetMs);
  }
  if (options.reconcileAfterMs !== undefined) {
    process.env.RECONCILE_AFTER_MS = String(options.reconcileAfterMs);
  }

  const clock = new TestClock();
  useClock(clock);

  const routes: GatewayRoute[] = [];
  const pollers: EventSourcePoller[] = [];
  const scheduled: { functionName: string; timeoutSeconds: number; handler: ScheduledHandler }[] = [];
  for (const definition of FUNCTIONS) {
    if (definition.schedule) {
      scheduled.push({
        functionName: definition.id,
        timeoutSeconds: definition.timeoutSeconds,
        handler: await importHandler<ScheduledHandler>(definition.entry),
      });
    }
    for (const name of definition.operations ?? []) {
      routes.push({
        operation: OPERATIONS[name],
        functionName: definition.id,
        timeoutSeconds: definition.timeoutSeconds,
        handler: await importHandler<ApiHandler>(definition.entry),
      });
    }
    if (definition.consumes) {
      const queue = queues[definition.consumes];
      const handler = await importHandler<SqsHandler>(definition.entry);
      pollers.push(
        new EventSourcePoller({
          sqs,
          queueUrl: queue.url,
          queueArn: queue.arn,
          functionName: definition.id,
          handler: options.wrapQueueHandler?.(definition.id, handler) ?? handler,
          batchSize: QUEUES[definition.consumes].batchSize,
          timeoutSeconds: definition.timeoutSeconds,
          retryDelaySeconds: options.retryDelaySeconds ?? 2,
          concurrency: options.pollerConcurrency ?? 2,
          onError: (error) => console.error(`poller ${definition.id}: ${(error as Error).name}`),
        }),
      );
    }
  }
  for (const poller of pollers) poller.start();
  // DESIGN I1: the local queues live in memory, so whatever they held before a stop or a crash is
  // gone. The reconciler sends on everything accepted but not stored, at once and ignoring leases
  // (nobody can be working on it now), before the runtime serves anything.
  const reconcile = scheduled.find((entry) => entry.functionName === 'ReconcileIntake');
  if (reconcile) {
    await invoke(
      reconcile.handler,
      scheduledEvent({ afterRestart: true }),
      reconcile.functionName,
      reconcile.timeoutSeconds,
    );
  }

  async function drain(timeoutMs = 120_000): Promise<number> {
    const deliveredBefore = pollers.reduce((sum, poller) => sum + poller.delivered, 0);
    const until = Date.now() + timeoutMs;
    let quietChecks = 0;
    // Two quiet checks in a row: a record between receive and invocation is still counted as
    // not-visible by SQS, so an empty queue plus idle pollers twice means really done.
    while (quietChecks < 2) {
      const depths = await Promise.all(Object.values(queues).map((queue) => queueDepth(sqs, queue.url)));
      const busy = pollers.some((poller) => poller.inFlight > 0) || depths.some((depth) => depth > 0);
      quietChecks = busy ? 0 : quietChecks + 1;
      if (Date.now() > until) throw new Error('drain timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return pollers.reduce((sum, poller) => sum + poller.delivered, 0) - deliveredBefore;
  }

  /** Runs the scheduled functions (the sweep) like EventBridge would, then waits for the queues. */
  async function sweep(): Promise<ScheduleRun> {
    let escalated = 0;
    let purged = 0;
    let reconciled = 0;
    let compositions = 0;
    for (const { functionName, timeoutSeconds, handler } of scheduled) {
      const result = await invoke(handler, scheduledEvent(), functionName, timeoutSeconds);
      escalated += result?.due ?? 0;
      purged += result?.purged ?? 0;
      reconciled += result?.reconciled ?? 0;
      compositions += result?.completed ?? 0;
    }
    await drain();
    return { escalated, purged, reconciled, compositions };
  }

  const documents = documentClientOf(dynamodb);
  const controls = {
    clock,
    drain,
    sweep,
    outbox: () => readOutbox(documents, LOCAL_TABLE_NAME),
    setNotifierOutage: (outage: boolean) => {
      process.env.LOCAL_NOTIFIER_OUTAGE = outage ? '1' : '0';
    },
    brp: brpStandIn,
    setBrpFault: (fault: BrpFault) => {
      brpStandIn?.setFault(fault);
      return brpStandIn !== undefined;
    },
  };
  const tokens = localTokenTable();
  const gateway = createApiGateway(routes, tokens);
  const webApp = createStaticWebApp(options.webRoot ?? join(ROOT, 'web', 'dist'), [...tokens.values()]);
  const runtime = { ...controls, tableName: LOCAL_TABLE_NAME, queues, dynamodb, sqs };
  // The sweep's schedule: every `sweepIntervalMs` (EventBridge runs it every 15 minutes on AWS).
  const sweepTimer =
    options.sweepIntervalMs && options.sweepIntervalMs > 0
      ? setInterval(
          () => void sweep().catch((error: Error) => console.error(`sweep: ${error.name}`)),
          options.sweepIntervalMs,
        )
      : undefined;

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const startedAt = performance.now();
    // The request target is read as a path, even when it starts with `//`: resolved against a base,
    // `//x/…` would name host x, and `//` alone threw outside the catch and ended the process.
    const url = new URL(`http://localhost/${(request.url ?? '').replace(/^\//, '')}`);
    try {
      const handled =
        (await gateway.handle(request, response, url)) ||
        (await handleLocalRoute(request, response, url, gateway.authorize(request), controls)) ||
        webApp(request, response, url);
      if (!handled) {
        sendJson(response, 404, { error: { code: 'route-not-found', message: 'Deze route bestaat niet.' } });
      }
    } catch {
      // The last resort still answers in the contract's error shape (API.md "Errors"); a response
      // already under way is cut off rather than left open for the client to wait on.
      if (!response.headersSent) {
        sendJson(response, 500, {
          error: {
            code: 'internal-error',
            message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
          },
        });
      } else response.destroy();
    } finally {
      options.onRequest?.({
        method: request.method ?? 'GET',
        path: url.pathname,
        status: response.statusCode,
        ms: Math.round(performance.now() - startedAt),
      });
    }
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;

  return {
    ...runtime,
    url: `http://127.0.0.1:${port}`,
    endpoints: { dynamodb: dynamoServer.endpoint, sqs: sqsServer.endpoint },
    async stop() {
      clearInterval(sweepTimer);
      await Promise.all(pollers.map((poller) => poller.stop()));
      server.closeAllConnections();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
      for (const local of started.reverse()) await local.close();
      dynamodb.destroy();
      sqs.destroy();
    },
  };
}
