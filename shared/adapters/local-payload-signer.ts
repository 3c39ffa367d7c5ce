import { constants, createPrivateKey, type KeyObject, sign, webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const FILE_NAME = 'ddas-signing.pem';
const SUBJECT = 'CN=Buurtsignaal lokaal DDAS-ondertekening, O=Buurtsignaal (niet voor productie)';
// Ten years: the material is never renewed by itself, and an expired certificate would only show
// up when someone checks validity by hand.
const VALIDITY_YEARS = 10;

/**
 * The signing material of this data directory: read from `<dataDir>/ddas-signing.pem` (private key
 * and certificate, mode 0600), or generated and written there first. The file is written under a
 * temporary name and renamed, so a crash mid-write never leaves a key without its certificate.
 */
export async function localSigningMaterial(dataDir: string): Promise<LocalSigningMaterial> {
  const file = join(dataDir, FILE_NAME);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { privateKeyPem, certificatePem } = await generateMaterial();
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${privateKeyPem}${certificatePem}`, { mode: 0o600 });
    renameSync(temporary, file);
  }
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

async function generateMaterial(): Promise<{ privateKeyPem: string; certificatePem: string }> {
  const algorithm = {
    name: 'RSA-PSS',
    modulusLength: 3072,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  };
  // WebCrypto because @peculiar/x509 signs the certificate with a CryptoKey; its RSA-PSS public key
  // is exported with the plain rsaEncryption OID, which every JOSE library imports for PS256.
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  // Loaded here, once per data directory: @peculiar/x509 needs the Reflect metadata polyfill loaded
  // before it (its README), and nothing else of the runtime needs either.
  await import('reflect-metadata');
  const { BasicConstraintsExtension, KeyUsageFlags, KeyUsagesExtension, X509CertificateGenerator } =
    await import('@peculiar/x509');
  const notBefore = new Date();
  const notAfter = new Date(notBefore);
  notAfter.setFullYear(notAfter.getFullYear() + VALIDITY_YEARS);
  const certificate = await X509CertificateGenerator.createSelfSigned(
    {
      name: SUBJECT,
      keys,
      notBefore,
      notAfter,
      signingAlgorithm: { name: 'RSA-PSS', saltLength: 32 },
      extensions: [
        new BasicConstraintsExtension(false, undefined, true),
        // Signing only, as the contract asks of the real (PKIoverheid services) certificate.
        new KeyUsagesExtension(KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation, true),
      ],
    },
    webcrypto,
  );
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    privateKeyPem: pemOf('PRIVATE KEY', pkcs8),
    certificatePem: pemOf('CERTIFICATE', Buffer.from(certificate.rawData)),
  };
}

function pemOf(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
