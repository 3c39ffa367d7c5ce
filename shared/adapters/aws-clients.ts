import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  AbsoluteLocation,
  HandlerOptions,
  MiddlewareStack,
  RelativeMiddlewareOptions,
} from '@smithy/types';

/**
 * SDK clients, created once per Lambda instance and only when first asked for. Not wrapped by the
 * X-Ray SDK (issue 13): Lambda's active tracing records every invocation, and the SDK's own
 * recursion-detection middleware passes the trace id on to SQS, so a signal's trace still runs from
 * the API through the queues; what is given up is a subsegment per DynamoDB call, for some 75 ms
 * less on every cold start (docs/benchmark.md). Endpoints come from the standard
 * `AWS_ENDPOINT_URL_DYNAMODB` / `AWS_ENDPOINT_URL_SQS` variables, which the local runtime points at
 * dynalite and local-aws-sqs; on AWS they are unset.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let sqsClient: SQSClient | undefined;

export function dynamoDocumentClient(): DynamoDBDocumentClient {
  documentClient ??= documentClientOf(instrumentable(withoutSdkLogging(new DynamoDBClient({}))));
  return documentClient;
}

/** A document client as the adapters expect it: optional fields that are undefined are left out. */
export function documentClientOf(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function sqs(): SQSClient {
  sqsClient ??= instrumentable(withoutSdkLogging(new SQSClient({})));
  return sqsClient;
}

/**
 * Takes the SDK's logger middleware off. Its logger is a no-op here, yet it builds a filtered copy
 * of every request and response for it — a tenth of the CPU of a large upload (issue 7's profile).
 * And an SDK log of items would be personal data (DESIGN P2).
 */
export function withoutSdkLogging<C extends { middlewareStack: { remove(name: string): boolean } }>(
  client: C,
): C {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

// biome-ignore lint/suspicious/noExplicitAny: a middleware here sees every client's commands.
type AnyStack = MiddlewareStack<any, any>;
// biome-ignore lint/suspicious/noExplicitAny: idem.
type AnyMiddleware = Parameters<AnyStack['add']>[0] & ((...args: any[]) => any);
// An absolute placement may take a priority: `finalizeRequest` at 'low' sits inside the retry loop.
type Placement = ((HandlerOptions & AbsoluteLocation) | RelativeMiddlewareOptions) & {
  readonly name: string;
};

const clients = new Set<{ middlewareStack: AnyStack }>();
const added = new Map<string, { middleware: AnyMiddleware; placement: Placement }>();

function addTo(stack: AnyStack, middleware: AnyMiddleware, placement: Placement) {
  if ('toMiddleware' in placement) stack.addRelativeTo(middleware, placement);
  // The overloads tie each step to its handler type; the seam takes any, so the types cannot follow.
  else stack.add(middleware, placement as never);
}

/**
 * The seam for measuring and for fault injection: `addSdkMiddleware` puts a middleware on every
 * client registered here, now and later — the handlers' clients above, and the local runtime's.
 * The benchmark counts requests and items with it; the fault-tolerance tests make DynamoDB throttle
 * or leave items unprocessed. Nothing is added on AWS.
 */
export function instrumentable<C extends { middlewareStack: AnyStack }>(client: C): C {
  clients.add(client);
  for (const { middleware, placement } of added.values())
    addTo(client.middlewareStack, middleware, placement);
  return client;
}

/** Adds a middleware to every instrumentable client; the returned function takes it off again. */
export function addSdkMiddleware(middleware: AnyMiddleware, placement: Placement): () => void {
  added.set(placement.name, { middleware, placement });
  for (const client of clients) addTo(client.middlewareStack, middleware, placement);
  return () => {
    added.delete(placement.name);
    for (const client of clients) client.middlewareStack.remove(placement.name);
  };
}
