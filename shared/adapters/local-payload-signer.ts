import { constants, createPrivateKey, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { calculateJwkThumbprint, exportJWK } from 'jose';
import { certificateChainFromPem, type PayloadSigner } from '../application/delivery-signature.ts';

/**
 * The local stand-in for the KMS signing key (DESIGN X3): an RSA 3072 key pair and a self-signed
 * certificate, made once per data directory and then kept, like the household secret — so a
 * delivery signed yesterday still verifies against the certificate served today. Dev and demo
 * only: a verifier that follows the contract (chain up to the PKIoverheid root) rejects it.
 */
export interface LocalSigningMaterial {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
  /** RFC 7638 thumbprint of the public key: stable for the life of the key, needs no registry. */
  readonly kid: string;
}

/** The file in the data directory that holds the private key and the certificate (PEM, mode 0600). */
export const LOCAL_SIGNING_FILE = 'ddas-signing.pem';

/**
 * Reads the material written by localSigningMaterial (infra/local/local-signing-material.ts). Kept
 * apart from the generation so a handler that signs locally does not bundle the certificate library.
 */
export async function readLocalSigningMaterial(file: string): Promise<LocalSigningMaterial> {
  const pem = readFileSync(file, 'utf8');
  const privateKeyPem = pem.match(/-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----\n?/)?.[0];
  const certificatePem = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/)?.[0];
  if (!privateKeyPem || !certificatePem) throw new Error(`${file} lacks its private key or certificate`);
  const publicJwk = await exportJWK(createPrivateKey(privateKeyPem));
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n: publicJwk.n, e: publicJwk.e });
  return { privateKeyPem, certificatePem, kid };
}

/** A PayloadSigner over the local material: PS256 with node:crypto, no network. */
export function localPayloadSigner(material: LocalSigningMaterial): PayloadSigner {
  const key: KeyObject = createPrivateKey(material.privateKeyPem);
  return {
    kid: material.kid,
    certificateChain: certificateChainFromPem(material.certificatePem),
    async sign(signingInput) {
      // PS256 (RFC 7518 §3.5): the salt is as long as the SHA-256 hash, 32 bytes.
      return sign('sha256', signingInput, {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: 32,
      });
    },
  };
}
