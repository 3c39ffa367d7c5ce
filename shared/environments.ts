import * as z from 'zod';

/**
 * One schema per function's environment. The CDK construct builds the function's environment from
 * it and the handler parses `process.env` with it at cold start, so a missing variable fails the
 * synth or the first invocation loudly instead of a request later.
 */
const table = z.object({ TABLE_NAME: z.string().min(1) });
const signalsQueue = z.object({ SIGNALS_QUEUE_URL: z.string().min(1) });
const escalationsQueue = z.object({ ESCALATIONS_QUEUE_URL: z.string().min(1) });
const uploadsQueue = z.object({ UPLOADS_QUEUE_URL: z.string().min(1) });
const milliseconds = z.string().regex(/^\d+$/, { error: 'a whole number of milliseconds' });
/**
 * Issue 11 (DESIGN I1). The upload's time budget: past it the answer is 202 `verwerken` and the rest
 * continues from the `uploads` queue — well under API Gateway's 30 s and the function's timeout.
 * After RECONCILE_AFTER_MS the reconciler sends on accepted intake that is not known to be stored.
 */
const intakeTiming = z.object({
  UPLOAD_TIME_BUDGET_MS: milliseconds.default('15000'),
  RECONCILE_AFTER_MS: milliseconds.default('300000'),
});
/** Where escalations are announced: the local outbox, or an SNS topic on AWS (D4). */
const notifier = z.object({
  NOTIFIER: z.enum(['outbox', 'sns']),
  NOTIFICATION_TOPIC_ARN: z.string().min(1).optional(),
});
/**
 * The household-key secret (M1): the value itself locally, a Secrets Manager ARN on AWS. One of the
 * two must be set; loadHouseholdSecret says so at cold start when neither is.
 */
const householdSecret = z.object({
  HOUSEHOLD_KEY_SECRET: z.string().min(32).optional(),
  HOUSEHOLD_KEY_SECRET_ARN: z.string().min(1).optional(),
});

/**
 * The DDAS delivery (X1–X3): who supplies it, and how it is signed — locally a key file in the data
 * directory, on AWS a KMS key with its `kid` and the ARN of the Secrets Manager secret that holds
 * the certificate chain issued for it. The chain itself is no variable: a full PKIoverheid chain
 * (8–10 KB) outgrows Lambda's 4 KB of variables, and a stack parameter's 4 KB too (docs/ddas.md).
 */
const ddas = z.object({
  DDAS_CODE_GEGEVENSLEVERANCIER: z.string().min(1).default('BUURTSIGNAAL'),
  DDAS_ORGANISATIE_NAAM: z.string().min(1).default('Gemeente Utrecht'),
  DDAS_SIGNING_KEY_FILE: z.string().min(1).optional(),
  DDAS_SIGNING_KEY_ARN: z.string().min(1).optional(),
  DDAS_SIGNING_KID: z.string().min(1).optional(),
  DDAS_CERTIFICATE_CHAIN_SECRET_ARN: z.string().min(1).optional(),
});

/**
 * Issue 14: a function that verifies its callers' tokens itself (`verifiesOwnToken`), against the
 * Cognito user pool: its issuer, its key set (JWKS) and the app clients whose access tokens count.
 * Set by the stack on AWS only; locally all three are absent and the gateway checks the dev tokens
 * (shared/auth/access-token.ts).
 */
const accessToken = z.object({
  ACCESS_TOKEN_ISSUER: z.string().min(1).optional(),
  ACCESS_TOKEN_JWKS_URL: z.string().min(1).optional(),
  /** Comma-separated. */
  ACCESS_TOKEN_CLIENT_IDS: z.string().min(1).optional(),
});

/**
 * Issue 16 (DESIGN B1–B3): the BRP's Haal Centraal endpoint. Absent: no BRP, signals are routed as
 * before. Locally the URL of the stand-in and, when it wants one, its API key as a value; on AWS the
 * API key and the client certificate (PKIoverheid, mTLS) are Secrets Manager secrets, read at cold
 * start. BRP_TIMEOUT_MS bounds each question (B3: the BRP never slows routing much).
 */
const brp = z.object({
  /** A URL, or `niet-aangesloten` (a stack parameter's default: not known at synth). */
  BRP_API_URL: z.string().min(1).optional(),
  BRP_API_KEY: z.string().min(1).optional(),
  BRP_API_KEY_SECRET_ARN: z.string().min(1).optional(),
  BRP_CLIENT_CERTIFICATE_SECRET_ARN: z.string().min(1).optional(),
  BRP_TIMEOUT_MS: milliseconds.default('2000'),
});

export const ENVIRONMENTS = {
  none: z.object({}),
  submitCareReport: table.extend(signalsQueue.shape).extend(intakeTiming.shape),
  /** The police's feedback on their care reports: one report, and their list (issue 15). */
  careReportFeedback: table,
  partnerIntake: table
    .extend(signalsQueue.shape)
    .extend(uploadsQueue.shape)
    .extend(householdSecret.shape)
    .extend(intakeTiming.shape),
  reconcileIntake: table.extend(signalsQueue.shape).extend(uploadsQueue.shape).extend(intakeTiming.shape),
  uploads: table,
  routeSignals: table.extend(householdSecret.shape).extend(escalationsQueue.shape).extend(brp.shape),
  /** B3's later retry of the compositions the BRP did not give at routing. */
  retryCompositions: table.extend(brp.shape),
  teamSignals: table,
  sweep: table.extend(escalationsQueue.shape),
  escalate: table.extend(notifier.shape),
  purge: table,
  ddas: table.extend(ddas.shape),
  /** The DDAS delivery itself: the ddas variables and its own token check (CBS, on AWS). */
  ddasDelivery: table.extend(ddas.shape).extend(accessToken.shape),
} as const;

export type EnvironmentName = keyof typeof ENVIRONMENTS;

/** Parses the environment, naming every missing or malformed variable in one error. */
export function parseEnvironment<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const names = result.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Invalid function environment: ${names}`);
  }
  return result.data;
}
