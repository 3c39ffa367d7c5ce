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
  /** EventBridge schedule expression (AWS); locally the runtime runs it on clock changes (API.md). */
  readonly schedule?: string;
  /** Publishes escalation notifications (the SNS topic on AWS). */
  readonly notifies?: boolean;
  /**
   * Access to the table, granted as explicit actions by infra/constructs/grants.ts: `read` is GetItem,
   * BatchGetItem, Query and ConditionCheckItem; `read-audited` adds PutItem and BatchWriteItem on
   * audit-trail items only (P3); `read-write` adds PutItem, UpdateItem, DeleteItem and BatchWriteItem
   * anywhere. No level includes Scan.
   */
  readonly table?: 'read' | 'read-audited' | 'read-write';
  readonly sendsTo?: readonly QueueName[];
  /** Reads the household-key secret (M1): Secrets Manager on AWS. */
  readonly householdSecret?: boolean;
  /** Reads the DDAS certificate chain (X3): a Secrets Manager secret on AWS; locally the key file's. */
  readonly ddasCertificateChain?: boolean;
  /** Asks the BRP (B1–B3): reads its API key and client certificate, Secrets Manager on AWS. */
  readonly brp?: boolean;
  readonly timeoutSeconds: number;
  /** Megabytes; more memory is also more CPU in Lambda. */
  readonly memoryMb?: number;
}

const API_TIMEOUT_SECONDS = 10;
/** Partner uploads may be 30,000 rows: stay inside API Gateway's 30-second integration limit. */
const UPLOAD_TIMEOUT_SECONDS = 29;

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
    environment: 'careReportFeedback',
    operations: ['getCareReport'],
    table: 'read',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    // Issue 15: the police's own care reports with their feedback (C4, P4).
    id: 'ListCareReports',
    entry: 'functions/intake/list-care-reports.ts',
    environment: 'careReportFeedback',
    operations: ['listCareReports'],
    table: 'read',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'SubmitRentArrears',
    entry: 'functions/intake/submit-rent-arrears.ts',
    environment: 'partnerIntake',
    operations: ['submitRentArrears'],
    table: 'read-write',
    sendsTo: ['signals', 'uploads'],
    householdSecret: true,
    timeoutSeconds: UPLOAD_TIMEOUT_SECONDS,
    memoryMb: 1024,
  },
  {
    id: 'SubmitEnergyDebts',
    entry: 'functions/intake/submit-energy-debts.ts',
    environment: 'partnerIntake',
    operations: ['submitEnergyDebts'],
    table: 'read-write',
    sendsTo: ['signals', 'uploads'],
    householdSecret: true,
    timeoutSeconds: UPLOAD_TIMEOUT_SECONDS,
  },
  {
    // Issue 11 (DESIGN I1): what an upload left past its time budget, and what the reconciler found.
    id: 'ContinueUploads',
    entry: 'functions/intake/continue-uploads.ts',
    environment: 'partnerIntake',
    consumes: 'uploads',
    table: 'read-write',
    sendsTo: ['signals', 'uploads'],
    householdSecret: true,
    timeoutSeconds: QUEUES.uploads.consumerTimeoutSeconds,
    memoryMb: 1024,
  },
  {
    // DESIGN I1: accepted intake not known to be stored after a few minutes is sent on again.
    id: 'ReconcileIntake',
    entry: 'functions/intake/reconcile-intake.ts',
    environment: 'reconcileIntake',
    schedule: 'rate(5 minutes)',
    table: 'read-write',
    sendsTo: ['signals', 'uploads'],
    timeoutSeconds: 60,
  },
  {
    id: 'ListUploads',
    entry: 'functions/intake/list-uploads.ts',
    environment: 'uploads',
    operations: ['listUploads'],
    table: 'read',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'GetUpload',
    entry: 'functions/intake/get-upload.ts',
    environment: 'uploads',
    operations: ['getUpload'],
    table: 'read',
    timeoutSeconds: UPLOAD_TIMEOUT_SECONDS,
  },
  {
    id: 'RouteSignals',
    entry: 'functions/signals/route-signals.ts',
    environment: 'routeSignals',
    consumes: 'signals',
    table: 'read-write',
    sendsTo: ['escalations'],
    householdSecret: true,
    brp: true,
    timeoutSeconds: QUEUES.signals.consumerTimeoutSeconds,
    memoryMb: 1024,
  },
  {
    // B3: every composition the BRP did not give at routing, asked again; after a BRP outage
    // these catch up within a few runs.
    id: 'RetryCompositions',
    entry: 'functions/signals/retry-compositions.ts',
    environment: 'retryCompositions',
    schedule: 'rate(15 minutes)',
    table: 'read-write',
    brp: true,
    timeoutSeconds: 300,
  },
  {
    id: 'Sweep',
    entry: 'functions/signals/sweep.ts',
    environment: 'sweep',
    schedule: 'rate(15 minutes)',
    table: 'read',
    sendsTo: ['escalations'],
    timeoutSeconds: 60,
  },
  {
    id: 'PurgeExpired',
    entry: 'functions/signals/purge-expired.ts',
    environment: 'purge',
    // DESIGN P1: hourly, so the purge (with its deletion log) comes long before TTL's lag.
    schedule: 'rate(1 hour)',
    table: 'read-write',
    timeoutSeconds: 300,
  },
  {
    id: 'Escalate',
    entry: 'functions/signals/escalate.ts',
    environment: 'escalate',
    consumes: 'escalations',
    table: 'read-write',
    notifies: true,
    timeoutSeconds: QUEUES.escalations.consumerTimeoutSeconds,
  },
  {
    id: 'RerouteSignal',
    entry: 'functions/signals/reroute-signal.ts',
    environment: 'teamSignals',
    operations: ['rerouteSignal'],
    table: 'read-write',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'CloseSignal',
    entry: 'functions/signals/close-signal.ts',
    environment: 'teamSignals',
    operations: ['closeSignal'],
    table: 'read-write',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'ListTeamEscalations',
    entry: 'functions/signals/list-team-escalations.ts',
    environment: 'teamSignals',
    operations: ['listTeamEscalations'],
    table: 'read',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'FirstContactMetrics',
    entry: 'functions/signals/first-contact-metrics.ts',
    environment: 'teamSignals',
    operations: ['firstContactMetrics'],
    table: 'read',
    timeoutSeconds: 29,
  },
  {
    id: 'CountTeamSignals',
    entry: 'functions/signals/count-team-signals.ts',
    environment: 'teamSignals',
    operations: ['countTeamSignals'],
    table: 'read',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'SignalVolume',
    entry: 'functions/signals/signal-volume.ts',
    environment: 'teamSignals',
    operations: ['signalVolume'],
    table: 'read',
    timeoutSeconds: 29,
  },
  {
    id: 'ListTeamSignals',
    entry: 'functions/signals/list-team-signals.ts',
    environment: 'teamSignals',
    operations: ['listTeamSignals'],
    // Writes the audit entries of the listed signals (P3).
    table: 'read-audited',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    // A1 (issue 17): the team's planned first conversations, "Afspraken deze week".
    id: 'ListTeamAppointments',
    entry: 'functions/signals/list-team-appointments.ts',
    environment: 'teamSignals',
    operations: ['listTeamAppointments'],
    // Writes the audit entries of the listed signals (P3).
    table: 'read-audited',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'GetSignal',
    entry: 'functions/signals/get-signal.ts',
    environment: 'teamSignals',
    operations: ['getSignal'],
    // Writes the audit entry of the read (P3).
    table: 'read-audited',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'GetSignalAudit',
    entry: 'functions/signals/get-signal-audit.ts',
    environment: 'teamSignals',
    operations: ['getSignalAudit'],
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
  {
    // A1/A2 (issue 17): the first conversation planned, and how it ended.
    id: 'PlanAppointment',
    entry: 'functions/signals/plan-appointment.ts',
    environment: 'teamSignals',
    operations: ['planAppointment'],
    table: 'read-write',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    id: 'RecordAppointmentOutcome',
    entry: 'functions/signals/record-appointment-outcome.ts',
    environment: 'teamSignals',
    operations: ['recordAppointmentOutcome'],
    table: 'read-write',
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
  {
    // X1–X3: CBS pulls a page of the delivery; counting a month and reading 25,000 records takes
    // seconds, within API Gateway's 30.
    id: 'DeliverDdas',
    entry: 'functions/ddas/deliver-ddas.ts',
    environment: 'ddasDelivery',
    operations: ['ddasGegevens'],
    // Reads the period; writes only its own audit record of each delivery (AUDIT#DDAS, X3).
    table: 'read-audited',
    // Its x5c: the chain goes into every signature.
    ddasCertificateChain: true,
    timeoutSeconds: UPLOAD_TIMEOUT_SECONDS,
    memoryMb: 1024,
  },
  {
    id: 'DdasCertificate',
    entry: 'functions/ddas/ddas-certificate.ts',
    environment: 'ddas',
    operations: ['ddasCertificaat'],
    ddasCertificateChain: true,
    timeoutSeconds: API_TIMEOUT_SECONDS,
  },
];

/** The values a deployment (CDK tokens or local names) can offer to function environments. */
export interface ResourceNames {
  readonly tableName: string;
  readonly queueUrls: Readonly<Record<QueueName, string>>;
  /** Locally the secret's value, on AWS the ARN of the Secrets Manager secret (M1). */
  readonly householdSecret: { readonly value: string } | { readonly arn: string };
  /** Locally the outbox in the table; on AWS the SNS topic's ARN (D4). */
  readonly notifier: { readonly kind: 'outbox' } | { readonly kind: 'sns'; readonly topicArn: string };
  /**
   * X3: locally a key file in the data directory; on AWS the KMS key, its kid and the secret that
   * holds its certificate chain.
   */
  readonly ddasSigning:
    | { readonly keyFile: string }
    | { readonly keyArn: string; readonly kid: string; readonly certificateChainSecretArn: string };
  /**
   * Issue 14, on AWS only: what a function that verifies its callers' tokens itself checks them
   * against — the user pool's issuer, its key set, the app clients (comma-separated).
   */
  readonly accessTokens?: { readonly issuer: string; readonly jwksUrl: string; readonly clientIds: string };
  /**
   * Issue 16 (B1–B3): the BRP endpoint — locally the stand-in's URL (and its API key, if any), on AWS
   * the endpoint with the ARNs of the secrets holding its API key and client certificate. Absent: no
   * BRP is asked.
   */
  readonly brp?:
    | { readonly url: string; readonly apiKey?: string }
    | { readonly url: string; readonly apiKeySecretArn: string; readonly clientCertificateSecretArn: string };
}

/**
 * The environment of one function: exactly the variables its schema names, validated by that same
 * schema the handler parses at cold start.
 */
export function environmentFor(
  definition: FunctionDefinition,
  resources: ResourceNames,
): Record<string, string> {
  const offered: Record<string, string | undefined> = {
    TABLE_NAME: resources.tableName,
    SIGNALS_QUEUE_URL: resources.queueUrls.signals,
    UPLOADS_QUEUE_URL: resources.queueUrls.uploads,
    ESCALATIONS_QUEUE_URL: resources.queueUrls.escalations,
    NOTIFIER: resources.notifier.kind,
    NOTIFICATION_TOPIC_ARN: resources.notifier.kind === 'sns' ? resources.notifier.topicArn : undefined,
    HOUSEHOLD_KEY_SECRET: 'value' in resources.householdSecret ? resources.householdSecret.value : undefined,
    HOUSEHOLD_KEY_SECRET_ARN: 'arn' in resources.householdSecret ? resources.householdSecret.arn : undefined,
    DDAS_SIGNING_KEY_FILE: 'keyFile' in resources.ddasSigning ? resources.ddasSigning.keyFile : undefined,
    DDAS_SIGNING_KEY_ARN: 'keyArn' in resources.ddasSigning ? resources.ddasSigning.keyArn : undefined,
    DDAS_SIGNING_KID: 'kid' in resources.ddasSigning ? resources.ddasSigning.kid : undefined,
    DDAS_CERTIFICATE_CHAIN_SECRET_ARN:
      'certificateChainSecretArn' in resources.ddasSigning
        ? resources.ddasSigning.certificateChainSecretArn
        : undefined,
    ACCESS_TOKEN_ISSUER: resources.accessTokens?.issuer,
    ACCESS_TOKEN_JWKS_URL: resources.accessTokens?.jwksUrl,
    ACCESS_TOKEN_CLIENT_IDS: resources.accessTokens?.clientIds,
    BRP_API_URL: resources.brp?.url,
    BRP_API_KEY: resources.brp && 'apiKey' in resources.brp ? resources.brp.apiKey : undefined,
    BRP_API_KEY_SECRET_ARN:
      resources.brp && 'apiKeySecretArn' in resources.brp ? resources.brp.apiKeySecretArn : undefined,
    BRP_CLIENT_CERTIFICATE_SECRET_ARN:
      resources.brp && 'clientCertificateSecretArn' in resources.brp
        ? resources.brp.clientCertificateSecretArn
        : undefined,
  };
  const schema = ENVIRONMENTS[definition.environment];
  const wanted = Object.fromEntries(
    Object.keys(schema.shape)
      .filter((name) => offered[name] !== undefined)
      .map((name) => [name, offered[name]]),
  );
  return parseEnvironment(schema, wanted) as Record<string, string>;
}
