import type { OperationName } from '../shared/api/operations.ts';
import { ENVIRONMENTS, type EnvironmentName, parseEnvironment } from '../shared/environments.ts';
import { QUEUES, type QueueName } from '../shared/resources.ts';

/** One Lambda function: its entry, environment schema, routes or queue, and what it may touch. */
export interface FunctionDefinition {
  /** CDK construct id, and the function name in the local runtime. */
  readonly id: string;
  /** Entry file relative to the repository root; exports `handler`. */
  readonly entry: string;
  readonly environment: EnvironmentName;
  /** HTTP routes it serves (API.md operations). */
  readonly operations?: readonly OperationName[];
  /** Queue it consumes, like a Lambda event source mapping. */
  readonly consumes?: QueueName;
  readonly table?: 'read' | 'read-write';
  readonly sendsTo?: readonly QueueName[];
  readonly timeoutSeconds: number;
}

const API_TIMEOUT_SECONDS = 10;

/**
 * Every function of the service. The CDK stack creates one NodejsFunction per entry and the local
 * runtime loads the same handlers behind its gateway and pollers, so both stay in step.
 */
export const FUNCTIONS: readonly FunctionDefinition[] = [
  {
    id: 'Health',
    entry: 'functions/platform/health.ts',
    environment: 'none',
    operations: ['health'],
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'OpenApi',
    entry: 'functions/platform/openapi.ts',
    environment: 'none',
    operations: ['openApi'],
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'SubmitCareReport',
    entry: 'functions/intake/submit-care-report.ts',
    environment: 'submitCareReport',
    operations: ['submitCareReport'],
    table: 'read-write',
    sendsTo: ['signals'],
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'GetCareReport',
    entry: 'functions/intake/get-care-report.ts',
    environment: 'getCareReport',
    operations: ['getCareReport'],
    table: 'read',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'RouteSignals',
    entry: 'functions/signals/route-signals.ts',
    environment: 'routeSignals',
    consumes: 'signals',
    table: 'read-write',
    timeoutSeconds: QUEUES.signals.consumerTimeoutSeconds,
  },
  {
    id: 'ListTeamSignals',
    entry: 'functions/signals/list-team-signals.ts',
    environment: 'teamSignals',
    operations: ['listTeamSignals'],
    table: 'read',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'GetSignal',
    entry: 'functions/signals/get-signal.ts',
    environment: 'teamSignals',
    operations: ['getSignal'],
    table: 'read',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'RecordContactAttempt',
    entry: 'functions/signals/record-contact-attempt.ts',
    environment: 'teamSignals',
    operations: ['recordContactAttempt'],
    table: 'read-write',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
];

/** The values a deployment (CDK tokens or local names) can offer to function environments. */
export interface ResourceNames {
  readonly tableName: string;
  readonly queueUrls: Readonly<Record<QueueName, string>>;
}

/**
 * The environment of one function: exactly the variables its schema names, validated by that same
 * schema the handler parses at cold start.
 */
export function environmentFor(
  definition: FunctionDefinition,
  resources: ResourceNames,
): Record<string, string> {
  const offered: Record<string, string> = {
    TABLE_NAME: resources.tableName,
    SIGNALS_QUEUE_URL: resources.queueUrls.signals,
  };
  const schema = ENVIRONMENTS[definition.environment];
  const wanted = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, offered[name]]));
  return parseEnvironment(schema, wanted) as Record<string, string>;
}
