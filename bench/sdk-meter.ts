// Counts what the AWS SDK clients really send: requests per service and command, DynamoDB items
// written and read. Through the SDK middleware seam of shared/adapters/aws-clients.ts, so the
// handlers' clients and the local runtime's (the pollers' receives and deletes) are all counted.
import { AsyncLocalStorage } from 'node:async_hooks';
import { addSdkMiddleware } from '../shared/adapters/aws-clients.ts';

export interface Counts {
  /** `DynamoDB.BatchWriteItem` → requests sent (retries included: each is billed). */
  requests: Record<string, number>;
  /** Items put, updated or deleted (a BatchWriteItem of 25 writes 25). */
  ddbItemsWritten: number;
  /** Items read: GetItem hits, BatchGetItem responses, Query/Scan ScannedCount. */
  ddbItemsRead: number;
  /**
   * SQS requests as billed: each started 64 KB of payload (message bodies and attributes sent or
   * received) is one request, at least one per request. GetQueueAttributes included (see below).
   */
  sqsBilledRequests: number;
}

const emptyCounts = (): Counts => ({
  requests: {},
  ddbItemsWritten: 0,
  ddbItemsRead: 0,
  sqsBilledRequests: 0,
});

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

const SQS_CHUNK = 64 * 1024;

interface SqsMessage {
  Body?: string;
  MessageBody?: string;
  MessageAttributes?: Record<string, { DataType?: string; StringValue?: string; BinaryValue?: Uint8Array }>;
}

/** Payload bytes of messages: bodies plus attribute names, types and values. */
function payloadBytes(messages: readonly SqsMessage[]): number {
  let bytes = 0;
  for (const message of messages) {
    bytes += Buffer.byteLength(message.MessageBody ?? message.Body ?? '', 'utf8');
    for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
      bytes += Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '');
      bytes += value.StringValue !== undefined ? Buffer.byteLength(value.StringValue) : 0;
      bytes += value.BinaryValue?.length ?? 0;
    }
  }
  return bytes;
}

/** Billed SQS requests of one request: each started 64 KB chunk of its payload, at least 1. */
export function sqsBilledRequests(command: string, input: Input, output: Output): number {
  const messages: SqsMessage[] =
    command === 'SendMessageCommand'
      ? [input as SqsMessage]
      : command === 'SendMessageBatchCommand'
        ? ((input.Entries ?? []) as SqsMessage[])
        : command === 'ReceiveMessageCommand'
          ? ((output.Messages ?? []) as SqsMessage[])
          : [];
  return Math.max(1, Math.ceil(payloadBytes(messages) / SQS_CHUNK));
}

function itemsWritten(command: string, input: Input): number {
  switch (command) {
    case 'PutItemCommand':
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return 1;
    case 'BatchWriteItemCommand':
      return Object.values((input.RequestItems ?? {}) as Record<string, unknown[]>).reduce(
        (sum, requests) => sum + requests.length,
        0,
      );
    case 'TransactWriteItemsCommand':
      return ((input.TransactItems ?? []) as unknown[]).length;
    default:
      return 0;
  }
}

function itemsRead(command: string, output: Output): number {
  switch (command) {
    case 'GetItemCommand':
      return output.Item ? 1 : 0;
    case 'BatchGetItemCommand':
      return Object.values((output.Responses ?? {}) as Record<string, unknown[]>).reduce(
        (sum, items) => sum + items.length,
        0,
      );
    case 'QueryCommand':
    case 'ScanCommand':
      return Number(output.ScannedCount ?? 0);
    default:
      return 0;
  }
}

/**
 * Starts counting. `total()` is everything since; `attribute(fn)` counts, besides, only what `fn`
 * and the calls it starts send (AsyncLocalStorage), so one sweep is measured while the pollers go on.
 */
export function startSdkMeter() {
  const totals = emptyCounts();
  const scoped = new AsyncLocalStorage<Counts>();
  const remove = addSdkMiddleware(
    // biome-ignore lint/suspicious/noExplicitAny: the middleware sees every client's commands.
    (next: any, context: any) => async (args: any) => {
      const service = String(context.clientName ?? 'Unknown').replace(/Client$/, '');
      const command = String(context.commandName ?? 'Unknown');
      const result = await next(args);
      const counted = [totals, scoped.getStore()].filter((counts): counts is Counts => counts !== undefined);
      for (const counts of counted) {
        const key = `${service}.${command.replace(/Command$/, '')}`;
        counts.requests[key] = (counts.requests[key] ?? 0) + 1;
        if (service === 'DynamoDB') {
          counts.ddbItemsWritten += itemsWritten(command, args.input ?? {});
          counts.ddbItemsRead += itemsRead(command, result.output ?? {});
        }
        if (service === 'SQS') {
          counts.sqsBilledRequests += sqsBilledRequests(command, args.input ?? {}, result.output ?? {});
        }
      }
      return result;
    },
    // Inside the retry loop, after serialisation: every attempt is a request sent.
    { name: 'benchSdkMeter', step: 'finalizeRequest', priority: 'low' },
  );
  return {
    total: (): Counts => structuredClone(totals),
    async attribute<T>(work: () => Promise<T>): Promise<{ result: T; counts: Counts }> {
      const counts = emptyCounts();
      const result = await scoped.run(counts, work);
      return { result, counts };
    },
    stop: remove,
  };
}

export function difference(after: Counts, before: Counts): Counts {
  const requests: Record<string, number> = {};
  for (const [key, value] of Object.entries(after.requests)) {
    const delta = value - (before.requests[key] ?? 0);
    if (delta) requests[key] = delta;
  }
  return {
    requests,
    ddbItemsWritten: after.ddbItemsWritten - before.ddbItemsWritten,
    ddbItemsRead: after.ddbItemsRead - before.ddbItemsRead,
    sqsBilledRequests: after.sqsBilledRequests - before.sqsBilledRequests,
  };
}

export function requestsOf(counts: Counts, service: string): number {
  return Object.entries(counts.requests)
    .filter(([key]) => key.startsWith(`${service}.`))
    .reduce((sum, [, value]) => sum + value, 0);
}
