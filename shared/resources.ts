/**
 * The names and shapes of the AWS resources, in one place: the CDK stack creates them from these
 * constants, the local runtime creates the same table and queues in dynalite and local-aws-sqs, and
 * the adapters query the indexes by these names.
 */

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** DynamoDB TTL attribute (epoch seconds), DESIGN P1. */
  ttlAttribute: 'expiresAt',
  indexes: {
    /** A team's signals per state, ordered by deadline (GET /teams/{teamId}/signals). */
    inbox: {
      name: 'inbox',
      partitionKey: 'inboxPk',
      sortKey: 'inboxSk',
      /**
       * Issue 13: only what its readers take from it, so a signal's entry stays under 1 KB (one write
       * unit, where the whole item took two); the detail is read from the table. DynamoDB allows 20
       * non-key attributes per index, and these are 20: a new list field means one less here. An
       * index's projection cannot change in place on a deployed table (docs/benchmark.md).
       */
      projection: 'include',
      nonKeyAttributes: [
        // The team list (toListItem) and its filters: not expired, overdue = open without contact.
        'signalId',
        'source',
        'kind',
        'receivedAt',
        'dueDate',
        'deadlineAt',
        'escalationLevel',
        'dominantProblem',
        'routing',
        'flags',
        'person',
        'address',
        'firstContactAt',
        'status',
        'expiresAt',
        // The inbox's next appointment and the KPI by due date (dueBetween): the first conversation's
        // summary (A1–A3). In time or not for the first contact is computed from firstContactAt.
        'firstConversation',
        // A team's escalation list: the delivered escalation records under `TEAM#<team>#escalations`.
        'teamId',
        'level',
        'at',
        'recipient',
      ],
    },
    /**
     * Sparse (DESIGN D5): only signals still awaiting first contact with an escalation ahead, spread
     * over a few shards, sorted by the moment the next escalation falls due. The sweep reads just
     * the due ones, so its cost grows with the overdue signals, not with the table.
     */
    awaitingContact: {
      name: 'awaiting-contact',
      partitionKey: 'awaitingPk',
      sortKey: 'awaitingSk',
      shards: 4,
      // Its keys hold the signal id and the level: nothing else is read from it.
      projection: 'keys-only',
    },
    /**
     * DESIGN P1: every signal and not-routed record by the expiry of its personal data (each has one),
     * over a few shards; no other item has keys here. The purge reads just what has expired.
     */
    retention: {
      name: 'retention',
      partitionKey: 'retentionPk',
      sortKey: 'retentionSk',
      shards: 4,
      projection: 'keys-only',
    },
    /**
     * DESIGN X1–X2 (issue 14): debt signals and not-routed debt records by their Amsterdam receipt
     * date, so a DDAS delivery reads one period's records, a page at a time, without a Scan: its
     * cost grows with the period and the page, not with the table. Sparse: care reports never have
     * keys here. One partition per receipt day and shard (a 30,000-row list arrives in one day),
     * sorted by receipt instant and id: a stable order for the pages. It holds the expiry beside
     * the keys, so counts and pages skip what P1 has expired before TTL removes it.
     */
    received: {
      name: 'received',
      partitionKey: 'receivedPk',
      sortKey: 'receivedSk',
      shards: 4,
      projection: 'include',
      nonKeyAttributes: ['expiresAt'],
    },
    /**
     * Sparse (issue 17, DESIGN A1): only open signals whose first conversation is planned, per team,
     * by the appointment's start (UTC, then the signal id). The team's calendar ("Afspraken deze
     * week") reads one week's appointments and nothing else, so its cost grows with the appointments
     * of the week, not with the team's open signals; a signal without a planned appointment costs it
     * nothing. It holds what the calendar shows, and the expiry (P1).
     */
    calendar: {
      name: 'calendar',
      partitionKey: 'calendarPk',
      sortKey: 'calendarSk',
      projection: 'include',
      nonKeyAttributes: [
        'signalId',
        'kind',
        'dominantProblem',
        'person',
        'address',
        'firstConversation',
        'expiresAt',
      ],
    },
  },
} as const;

export interface QueueDefinition {
  /** Logical name; the local queue name and the CDK construct id derive from it. */
  readonly name: string;
  readonly deadLetterName: string;
  /** Receives before a message moves to the DLQ (DESIGN D4, issue: maxReceiveCount 5). */
  readonly maxReceiveCount: number;
  /** Records per consumer invocation, like a Lambda event source mapping. */
  readonly batchSize: number;
  /** Timeout of the consuming function; the queue's visibility timeout is six times this. */
  readonly consumerTimeoutSeconds: number;
  /**
   * Metric the consumer counts when a record fails at its last receive, so goes to the DLQ next;
   * the stack alarms on it (the DLQ-depth alarm only sees the queue a minute later).
   */
  readonly deadLetteredMetric: string;
}

export const QUEUES = {
  signals: {
    name: 'signals',
    deadLetterName: 'signals-dlq',
    maxReceiveCount: 5,
    batchSize: 10,
    consumerTimeoutSeconds: 30,
    deadLetteredMetric: 'SignalDeadLettered',
  },
  /**
   * Partner uploads with packs left to decide or route (DESIGN I1): past the request's time budget,
   * or sent on by the reconciler. One upload per invocation; a 30,000-row file fits well in the
   * timeout, and work left at the end goes back on the queue.
   */
  uploads: {
    name: 'uploads',
    deadLetterName: 'uploads-dlq',
    maxReceiveCount: 5,
    batchSize: 1,
    consumerTimeoutSeconds: 300,
    deadLetteredMetric: 'UploadDeadLettered',
  },
  /** One message per (signal, level) that falls due (DESIGN D4). */
  escalations: {
    name: 'escalations',
    deadLetterName: 'escalations-dlq',
    maxReceiveCount: 5,
    batchSize: 10,
    consumerTimeoutSeconds: 30,
    deadLetteredMetric: 'EscalationDeadLettered',
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof QUEUES;

/**
 * How long SQS keeps a message, for every work queue and its DLQ alike: 14 days, the most SQS allows.
 * A work queue that kept less (SQS's default is 4 days) would drop what it holds for good once its
 * consumer has been stopped or throttled that long, while its DLQ would have kept it; now either
 * gives an operator two weeks to fix and redrive. SQS counts from the first send, also in the DLQ,
 * but a message reaches the DLQ after `maxReceiveCount` receives — minutes to hours, not days.
 */
export const MESSAGE_RETENTION_SECONDS = 14 * 24 * 60 * 60;

/** AWS guidance for Lambda consumers: visibility timeout at least six times the function timeout. */
export function visibilityTimeoutSeconds(queue: QueueDefinition): number {
  return queue.consumerTimeoutSeconds * 6;
}

export const SERVICE_NAME = 'buurtsignaal';

/** The CloudWatch namespace of the handlers' Powertools metrics, and of the stack's alarms on them. */
export const METRICS_NAMESPACE = 'Buurtsignaal';
