import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Agent, fetch as undiciFetch } from 'undici';
import type { BrpDependencies } from '../application/brp-household.ts';
import type { PendingCompositions } from '../application/composition-retry.ts';
import type { PopulationRegister } from '../application/population-register.ts';
import { logger, metrics } from '../observability.ts';
import { dynamoBrpProtocol } from './dynamodb-brp-protocol.ts';
import { dynamoPendingCompositions } from './dynamodb-pending-compositions.ts';
import { haalCentraalBrp } from './haal-centraal-brp.ts';
import { runtimeClock } from './runtime-clock.ts';
import { readSecretValue } from './secret-value.ts';

/**
 * The value of the URL parameter and of both secrets until the BRP connection is granted and an
 * operator puts the real ones in (docs/brp.md): no BRP is asked, or no key / client certificate sent.
 */
export const BRP_NOT_CONNECTED = 'niet-aangesloten';

/** The BRP variables of a function's environment (shared/environments.ts). */
export interface BrpEnvironment {
  readonly TABLE_NAME: string;
  readonly BRP_API_URL?: string | undefined;
  readonly BRP_API_KEY?: string | undefined;
  readonly BRP_API_KEY_SECRET_ARN?: string | undefined;
  readonly BRP_CLIENT_CERTIFICATE_SECRET_ARN?: string | undefined;
  readonly BRP_TIMEOUT_MS: string;
}

/**
 * The client certificate secret (PKIoverheid, mTLS to the BRP): JSON `{ certificate, privateKey }`
 * in PEM, and the CA chain when the endpoint's is not in Node's store.
 */
async function mutualTlsAgent(secretArn: string): Promise<Agent | undefined> {
  const value = await readSecretValue(secretArn, 'BRP client certificate');
  if (value === BRP_NOT_CONNECTED) return undefined;
  const { certificate, privateKey, ca } = JSON.parse(value) as {
    certificate: string;
    privateKey: string;
    ca?: string;
  };
  return new Agent({ connect: { cert: certificate, key: privateKey, ...(ca ? { ca } : {}) } });
}

async function registerFrom(env: BrpEnvironment & { BRP_API_URL: string }): Promise<PopulationRegister> {
  const apiKey =
    env.BRP_API_KEY ??
    (env.BRP_API_KEY_SECRET_ARN
      ? await readSecretValue(env.BRP_API_KEY_SECRET_ARN, 'BRP API key')
      : undefined);
  const dispatcher = env.BRP_CLIENT_CERTIFICATE_SECRET_ARN
    ? await mutualTlsAgent(env.BRP_CLIENT_CERTIFICATE_SECRET_ARN)
    : undefined;
  return haalCentraalBrp({
    url: env.BRP_API_URL,
    apiKey,
    timeoutMs: Number(env.BRP_TIMEOUT_MS),
    // undici's own fetch with its own Agent: the mTLS dispatcher must match the fetch that uses it.
    ...(dispatcher ? { fetch: undiciFetch as unknown as typeof fetch, dispatcher } : {}),
  });
}

/**
 * What a function needs to ask the BRP (B1–B3), read once at cold start: the Haal Centraal client,
 * the protocol and the retry list in the table. None when no BRP is configured.
 */
export async function brpFromEnvironment(
  env: BrpEnvironment,
  documents: DynamoDBDocumentClient,
  who: string,
): Promise<(BrpDependencies & { readonly pending: PendingCompositions }) | undefined> {
  const url = env.BRP_API_URL;
  if (!url || url === BRP_NOT_CONNECTED) return undefined;
  return {
    register: await registerFrom({ ...env, BRP_API_URL: url }),
    protocol: dynamoBrpProtocol(documents, env.TABLE_NAME),
    pending: dynamoPendingCompositions(documents, env.TABLE_NAME),
    now: () => runtimeClock.now(),
    who,
    // B3: signal ids and failure codes only (P2); the signal is routed without the BRP meanwhile.
    reportFailures: (failures) => {
      metrics.addMetric('BrpUnanswered', MetricUnit.Count, failures.size);
      logger.warn('BRP gaf geen antwoord', { failures: Object.fromEntries(failures) });
    },
  };
}
