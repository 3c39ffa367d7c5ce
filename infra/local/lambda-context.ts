import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { Context } from 'aws-lambda';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './local-sqs.ts';

/**
 * AWS_LAMBDA_MAX_CONCURRENCY: Lambda sets it in an execution environment that takes several
 * invocations at once (Lambda Managed Instances), and the local process is one for every function.
 * With it set, Powertools (the logger's context and keys, metrics, batch state) and the SDK keep
 * per-invocation state in the invoke store rather than in module scope. Nothing caps the concurrency
 * locally; they only check that the variable is set.
 */
export const LOCAL_MAX_CONCURRENCY = 64;

/** The Lambda context a local invocation gets; the remaining time counts down from the timeout. */
export function lambdaContext(functionName: string, timeoutSeconds: number): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * Creates the invoke store for concurrent invocations after AWS_LAMBDA_MAX_CONCURRENCY is set and
 * before any handler runs, as the Lambda runtime does (once per process; later calls find it).
 */
export async function enableConcurrentInvocations(): Promise<void> {
  const store = await InvokeStore.getInstanceAsync(true);
  // An SDK call before this point would have created the single-invocation store, and every
  // invocation would again overwrite the others' state: refuse to start rather than log wrongly.
  const probe = Symbol('probe');
  const first = store.run({ [probe]: 1 }, async () => {
    await Promise.resolve();
    return store.get(probe);
  });
  store.run({ [probe]: 2 }, () => undefined);
  if ((await first) !== 1) throw new Error('the invoke store was created before the local runtime set it up');
}

/**
 * Runs a function's init (the import of its module) before any invocation, in an invoke-store
 * context of its own that is dropped afterwards. On Lambda init runs outside any context, but
 * Powertools batch 2.35 then throws: its BatchProcessor constructor writes to the invoke store
 * ("No context available"; later Powertools fall back to instance state there). What init writes to
 * invocation-scoped Powertools state is dropped with the context; the handlers' module scope writes
 * none (the logger, metrics and tracer are made in shared/observability.ts, outside it).
 */
export async function initialize<T>(init: () => Promise<T>): Promise<T> {
  const store = await InvokeStore.getInstanceAsync();
  return store.run({}, init);
}

/**
 * Calls a handler as Lambda calls one invocation in a multi-concurrency environment: with its own
 * context, inside its own invoke-store context keyed by its request id, so that whatever the handler
 * keeps per invocation stays its own while other invocations run beside it.
 */
export async function invoke<E, R>(
  handler: (event: E, context: Context) => Promise<R>,
  event: E,
  functionName: string,
  timeoutSeconds: number,
): Promise<R> {
  const context = lambdaContext(functionName, timeoutSeconds);
  const store = await InvokeStore.getInstanceAsync();
  const started = performance.now();
  try {
    return await store.run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId }, () =>
      invocationScope.run(functionName, () => handler(event, context)),
    );
  } finally {
    const ms = performance.now() - started;
    for (const observer of observers) observer({ functionName, ms });
  }
}

/** One finished local invocation: the function and how long its handler ran (wall clock). */
export interface InvocationRecord {
  readonly functionName: string;
  readonly ms: number;
}

const observers = new Set<(record: InvocationRecord) => void>();
const invocationScope = new AsyncLocalStorage<string>();

/**
 * Calls `observer` after every local invocation (the benchmark's Lambda duration); the returned
 * function stops it. Costs a clock read per invocation.
 */
export function observeInvocations(observer: (record: InvocationRecord) => void): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

/** The function whose invocation the caller runs in (through `invoke`), if any. */
export const currentFunctionName = (): string | undefined => invocationScope.getStore();
