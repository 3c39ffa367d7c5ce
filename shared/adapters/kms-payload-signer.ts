import { createHash } from 'node:crypto';
import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { PayloadSigner } from '../application/delivery-signature.ts';
import { instrumentable, withoutSdkLogging } from './aws-clients.ts';

/**
 * The DDAS signing key on AWS (DESIGN X3): a KMS asymmetric key, key spec RSA_3072 (or RSA_2048),
 * key usage SIGN_VERIFY, used with RSASSA_PSS_SHA_256 — KMS's PSS uses MGF1 with SHA-256 and a salt
 * as long as the hash (32 bytes), which is exactly PS256. The private key never leaves KMS.
 *
 * The certificate is not made by the stack: KMS holds no certificates. It is issued outside it,
 * once per key, by a PKIoverheid TSP (the contract asks for a PKIoverheid "services" certificate
 * with key usage digitalSignature, another one than the TLS certificate): fetch the public key
 * (`aws kms get-public-key --key-id <arn>`, DER SubjectPublicKeyInfo), have a CSR signed with that key
 * — the CSR's own signature must come from KMS too (e.g. a PKCS#11/KMS-backed OpenSSL engine or a
 * small script around `kms sign`) — send it to the TSP, and put the issued chain (end-entity
 * first, then the intermediates; PEM) into configuration together with the `kid` it is known by.
 * When the certificate is renewed with the same key only the configuration changes; a new key
 * means a new certificate and a new `kid`.
 *
 * A full PKIoverheid chain is 8–10 KB, over Lambda's 4 KB for all environment variables together
 * and over a stack parameter's 4 KB: it lives in a Secrets Manager secret of the stack, read at
 * cold start and passed here parsed (ddasSigner, shared/adapters/ddas-dependencies.ts).
 */
export interface KmsSignerConfig {
  /** Key id, key ARN or alias ARN of the signing key. */
  readonly keyId: string;
  readonly kid: string;
  /** base64 DER, end-entity certificate (the one for this KMS key) first. */
  readonly certificateChain: readonly string[];
}

let kmsClient: KMSClient | undefined;

/** The KMS client of this Lambda instance, made on the first signature rather than at cold start. */
function kms(): KMSClient {
  kmsClient ??= instrumentable(withoutSdkLogging(new KMSClient({})));
  return kmsClient;
}

export function kmsPayloadSigner(config: KmsSignerConfig, client: () => KMSClient = kms): PayloadSigner {
  return {
    kid: config.kid,
    certificateChain: config.certificateChain,
    async sign(signingInput) {
      // KMS signs at most 4096 bytes as RAW; the signing input holds the whole page in base64url
      // (megabytes). So we hash it here and let KMS sign the digest: for RSASSA-PSS a DIGEST message
      // gives the same signature a RAW one would.
      const digest = createHash('sha256').update(signingInput).digest();
      let signature: Uint8Array | undefined;
      try {
        ({ Signature: signature } = await client().send(
          new SignCommand({
            KeyId: config.keyId,
            Message: digest,
            MessageType: 'DIGEST',
            SigningAlgorithm: 'RSASSA_PSS_SHA_256',
          }),
        ));
      } catch (error) {
        throw new Error(`KMS could not sign the DDAS delivery with key ${config.keyId}`, { cause: error });
      }
      if (!signature?.length) throw new Error(`KMS returned no signature for key ${config.keyId}`);
      return signature;
    },
  };
}
