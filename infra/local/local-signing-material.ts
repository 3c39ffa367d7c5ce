import { webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LOCAL_SIGNING_FILE,
  type LocalSigningMaterial,
  readLocalSigningMaterial,
} from '../../shared/adapters/local-payload-signer.ts';

const SUBJECT = 'CN=Buurtsignaal lokaal DDAS-ondertekening, O=Buurtsignaal (niet voor productie)';
// Ten years: the material is never renewed by itself, and an expired certificate would only show
// up when someone checks validity by hand.
const VALIDITY_YEARS = 10;

/**
 * The DDAS signing material of this data directory (DESIGN X3): read from
 * `<dataDir>/ddas-signing.pem`, or generated and written there first — an RSA 3072 key and a
 * self-signed certificate, kept like the household secret so a delivery signed yesterday still
 * verifies against the certificate served today. The file is written under a temporary name and
 * renamed, so a crash mid-write never leaves a key without its certificate. Local runtime only.
 */
export async function localSigningMaterial(dataDir: string): Promise<LocalSigningMaterial> {
  const file = join(dataDir, LOCAL_SIGNING_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { privateKeyPem, certificatePem } = await generateMaterial();
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${privateKeyPem}${certificatePem}`, { mode: 0o600 });
    renameSync(temporary, file);
  }
  return readLocalSigningMaterial(file);
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
