import type * as z from 'zod';
import { type DdasDependencies, rememberPastDayCounts } from '../application/ddas-gegevens.ts';
import { certificateChainFromPem, type PayloadSigner } from '../application/delivery-signature.ts';
import { UTRECHT_GEMEENTECODE } from '../domain/ddas-delivery.ts';
import type { ENVIRONMENTS } from '../environments.ts';
import { dynamoDocumentClient } from './aws-clients.ts';
import { dynamoDdasSource } from './dynamodb-ddas-source.ts';
import { kmsPayloadSigner } from './kms-payload-signer.ts';
import { localPayloadSigner, readLocalSigningMaterial } from './local-payload-signer.ts';
import { runtimeClock } from './runtime-clock.ts';
import { readSecretValue } from './secret-value.ts';

/** The DDAS functions' variables, as their zod schema parses them (shared/environments.ts). */
export type DdasEnvironment = z.output<typeof ENVIRONMENTS.ddas>;

/**
 * X3: the signer of this deployment — the key file of the local runtime, or the KMS key on AWS
 * (its private half never leaves KMS) with the certificate chain from its Secrets Manager secret: a
 * PKIoverheid chain is 8–10 KB, over what a stack parameter or Lambda's variables may hold (4 KB).
 * Read once per instance, like the household secret.
 */
export async function ddasSigner(env: DdasEnvironment): Promise<PayloadSigner> {
  if (env.DDAS_SIGNING_KEY_FILE)
    return localPayloadSigner(await readLocalSigningMaterial(env.DDAS_SIGNING_KEY_FILE));
  if (env.DDAS_SIGNING_KEY_ARN && env.DDAS_SIGNING_KID && env.DDAS_CERTIFICATE_CHAIN_SECRET_ARN) {
    const chain = await readSecretValue(env.DDAS_CERTIFICATE_CHAIN_SECRET_ARN, 'DDAS certificate chain');
    return kmsPayloadSigner({
      keyId: env.DDAS_SIGNING_KEY_ARN,
      kid: env.DDAS_SIGNING_KID,
      certificateChain: certificateChainOf(chain),
    });
  }
  throw new Error(
    'Invalid function environment: DDAS_SIGNING_KEY_FILE or DDAS_SIGNING_KEY_ARN/KID/CERTIFICATE_CHAIN_SECRET_ARN',
  );
}

/**
 * The chain as an operator puts it in the secret (docs/ddas.md), end-entity certificate first: the
 * PEM the TSP issues (each block parsed, so a broken one fails the cold start), or base64 DER
 * separated by commas or line breaks, as the stack parameter took it before.
 */
export function certificateChainOf(value: string): string[] {
  if (value.includes('-----BEGIN CERTIFICATE-----')) return certificateChainFromPem(value);
  return value.split(/[\s,]+/).filter(Boolean);
}

/**
 * The delivery's collaborators: the `received` index (a past day counted once for the pages CBS
 * asks in a row), the supplier's configuration, the clock.
 */
export function ddasDependencies(env: DdasEnvironment): DdasDependencies {
  return {
    source: rememberPastDayCounts(dynamoDdasSource(dynamoDocumentClient(), env.TABLE_NAME), runtimeClock),
    config: {
      gemeentecode: UTRECHT_GEMEENTECODE,
      codeGegevensleverancier: env.DDAS_CODE_GEGEVENSLEVERANCIER,
      aanleverendeOrganisatie: { naam: env.DDAS_ORGANISATIE_NAAM },
    },
    clock: runtimeClock,
  };
}
