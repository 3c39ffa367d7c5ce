import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { invoke } from './lambda-context.ts';
import { LOCAL_REGION } from './local-sqs.ts';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

export interface PollerOptions {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly functionName: string;
  readonly handler: SqsHandler;
  /** Records per invocation (≤ 10, like an SQS event source mapping). */
  readonly batchSize: number;
  readonly timeoutSeconds: number;
  /**
   * How soon a failed record comes back. On AWS it stays invisible for the queue's visibility
   * timeout (minutes); locally that would stall every demo, so failed records are made visible
   * again after this delay. The receive count, and so the DLQ move, works exactly as on AWS.
   */
  readonly retryDelaySeconds: number;
  /** Parallel invocations, like the mapping's concurrency. */
  readonly concurrency: number;
  readonly onError?: (error: unknown) => void;
}

function toRecord(message: Message, queueArn: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId as string,
    receiptHandle: message.ReceiptHandle as string,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        {
          dataType: value.DataType ?? 'String',
          stringValue: value.StringValue,
          stringListValues: [],
          binaryListValues: [],
        },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: LOCAL_REGION,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Behaves like a Lambda SQS event source mapping with ReportBatchItemFailures: receives batches,
 * invokes the real handler, deletes what succeeded and leaves the rest on the queue for redelivery.
 * A handler that throws fails the whole batch. After maxReceiveCount receives SQS itself moves a
 * record to the DLQ (the queue's redrive policy).
 */
export class EventSourcePoller {
  readonly #options: PollerOptions;
  #running = false;
  #loops: Promise<void>[] = [];
  #abort = new AbortController();
  #inFlight = 0;
  #delivered = 0;

  constructor(options: PollerOptions) {
    this.#options = options;
  }

  /** Records handed to the handler and not yet settled. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Records handed to the handler so far (each delivery counts, retries included). */
  get delivered(): number {
    return this.#delivered;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#abort = new AbortController();
    this.#loops = Array.from({ length: this.#options.concurrency }, () => this.#loop());
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#abort.abort();
    await Promise.all(this.#loops);
  }

  async #loop(): Promise<void> {
    while (this.#running) {
      try {
        const messages = await this.#receive();
        if (messages.length === 0) await sleep(50);
        else await this.#deliver(messages);
      } catch (error) {
        if (!this.#running) return;
        this.#options.onError?.(error);
        await sleep(500);
      }
    }
  }

  async #receive(): Promise<Message[]> {
    const { sqs, queueUrl, batchSize } = this.#options;
    const result = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: batchSize,
        WaitTimeSeconds: 0,
        // local-aws-sqs reads the older AttributeNames parameter for system attributes.
        AttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: this.#abort.signal },
    );
    return result.Messages ?? [];
  }

  async #deliver(messages: Message[]): Promise<void> {
    const { sqs, queueUrl, queueArn, functionName, handler, timeoutSeconds, retryDelaySeconds } =
      this.#options;
    this.#inFlight += messages.length;
    this.#delivered += messages.length;
    try {
      const event: SQSEvent = { Records: messages.map((message) => toRecord(message, queueArn)) };
      let failed: Set<string>;
      try {
        const response = await invoke(handler, event, functionName, timeoutSeconds);
        failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
      } catch {
        failed = new Set(messages.map((message) => message.MessageId as string));
      }
      const succeeded = messages.filter((message) => !failed.has(message.MessageId as string));
      const retried = messages.filter((message) => failed.has(message.MessageId as string));
      const entries = (list: Message[]) =>
        list.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle as string }));
      if (succeeded.length) {
        await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries(succeeded) }));
      }
      if (retried.length) {
        await sqs.send(
          new ChangeMessageVisibilityBatchCommand({
            QueueUrl: queueUrl,
            Entries: entries(retried).map((entry) => ({ ...entry, VisibilityTimeout: retryDelaySeconds })),
          }),
        );
      }
    } finally {
      this.#inFlight -= messages.length;
    }
  }
}
