import {
  constants,
  createHash,
  createPrivateKey,
  type KeyObject,
  privateEncrypt,
  randomBytes,
  X509Certificate,
} from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { base64url, compactVerify, decodeProtectedHeader, errors, importX509 } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localSigningMaterial } from '../../infra/local/local-signing-material.ts';
import { kmsPayloadSigner } from '../../shared/adapters/kms-payload-signer.ts';
import { type LocalSigningMaterial, localPayloadSigner } from '../../shared/adapters/local-payload-signer.ts';
import {
  certificateChainFromPem,
  type PayloadSigner,
  signDelivery,
} from '../../shared/application/delivery-signature.ts';

// Issue 14 build 4 / acceptance 2 (DESIGN X3): the Digest and nlgov-adr-payload-sig of a DDAS answer.
// Verified the way the DDAS reference validator does it (Govert-Claus/DDAS-API,
// test/Validate_Test_Request.js): base64url(body) put back between the dots, jose.compactVerify with
// the key of the first x5c certificate.

// A page's bytes as the handler would send them: non-ASCII, escapes and no trailing newline, so a
// signer that re-serialised or re-encoded the body would not match.
const BODY = new TextEncoder().encode(
  JSON.stringify({
    gegevens: {
      gemeentecode: '0344',
      aanleverendeOrganisatie: 'Gemeente Utrecht — Buurtteams é',
      noot: 'a"b\\c',
    },
    paginering: { pageSize: 25000, currentPage: 1, totalPages: 1, totalRecords: 2 },
  }),
);

let dataDir: string;
let material: LocalSigningMaterial;
let signer: PayloadSigner;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ddas-signing-'));
  material = await localSigningMaterial(dataDir);
  signer = localPayloadSigner(material);
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** What CBS does with the two headers and the body it received. */
async function verifyDelivery(payloadSignature: string, body: Uint8Array, certificatePem: string) {
  const [header, payload, signature] = payloadSignature.split('.');
  expect(payload).toBe('');
  const key = await importX509(certificatePem, 'PS256');
  return compactVerify(`${header}.${base64url.encode(body)}.${signature}`, key, { algorithms: ['PS256'] });
}

function pemOfX5c(der: string): string {
  return new X509Certificate(Buffer.from(der, 'base64')).toString();
}

describe('signDelivery with the local key (DESIGN X3)', () => {
  it('sends Digest: SHA-256 of exactly the body bytes, in standard base64 as RFC 3230 and the contract say', async () => {
    // Prepare
    const expected = createHash('sha256').update(BODY).digest('base64');

    // Act
    const { digest } = await signDelivery(BODY, signer);

    // Assess
    expect(digest).toBe(`SHA-256=${expected}`);
    // components.headers.Digest of DDAS-VS.yaml 1.0
    expect(digest).toMatch(/^SHA-256=[A-Za-z0-9+/=]{43,44}$/);
  });

  it('signs the body so that jose verifies it against the certificate in x5c', async () => {
    // Act
    const { payloadSignature } = await signDelivery(BODY, signer);

    // Assess
    const { x5c } = decodeProtectedHeader(payloadSignature);
    const verified = await verifyDelivery(payloadSignature, BODY, pemOfX5c(x5c?.[0] ?? ''));
    expect(Buffer.from(verified.payload).equals(Buffer.from(BODY))).toBe(true);
    // The same certificate the data directory keeps (and the certificate route will serve).
    await verifyDelivery(payloadSignature, BODY, material.certificatePem);
  });

  it('fails verification when one byte of the body is flipped', async () => {
    // Prepare
    const { digest, payloadSignature } = await signDelivery(BODY, signer);
    const flipped = Uint8Array.from(BODY);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0x01;

    // Act and assess, one after the other: a rejection created before its handler is attached
    // would be reported as unhandled when it settles first.
    await expect(verifyDelivery(payloadSignature, BODY, material.certificatePem)).resolves.toBeDefined();
    await expect(verifyDelivery(payloadSignature, flipped, material.certificatePem)).rejects.toBeInstanceOf(
      errors.JWSSignatureVerificationFailed,
    );
    expect(`SHA-256=${createHash('sha256').update(flipped).digest('base64')}`).not.toBe(digest);
  });

  it('puts exactly alg PS256, typ JOSE, kid, x5c and x5t#S256 in the protected header', async () => {
    // Prepare
    const certificateDer = new X509Certificate(material.certificatePem).raw;

    // Act
    const { payloadSignature } = await signDelivery(BODY, signer);

    // Assess
    expect(decodeProtectedHeader(payloadSignature)).toStrictEqual({
      alg: 'PS256',
      typ: 'JOSE',
      kid: material.kid,
      x5c: [certificateDer.toString('base64')],
      'x5t#S256': createHash('sha256').update(certificateDer).digest('base64url'),
    });
  });

  it('leaves the payload out of the header value: <protected>..<signature>', async () => {
    // Act
    const { payloadSignature } = await signDelivery(BODY, signer);

    // Assess
    const parts = payloadSignature.split('.');
    expect(parts).toHaveLength(3);
    expect(parts[1]).toBe('');
    // JwsCompactDetached of the Geonovum signing-jades module
    expect(payloadSignature).toMatch(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/);
    // RSA 3072: a 384-byte signature.
    expect(base64url.decode(parts[2] ?? '')).toHaveLength(384);
  });
});

describe('localSigningMaterial', () => {
  it('generates the key and certificate once and reads the same ones on a later start', async () => {
    // Act
    const again = await localSigningMaterial(dataDir);

    // Assess
    expect(again).toStrictEqual(material);
    expect(statSync(join(dataDir, 'ddas-signing.pem')).mode & 0o777).toBe(0o600);
    const certificate = new X509Certificate(material.certificatePem);
    expect(certificate.checkPrivateKey(createPrivateKey(material.privateKeyPem))).toBe(true);
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
  });
});

describe('kmsPayloadSigner', () => {
  const kms = mockClient(KMSClient);
  const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/0b7c5e8e-ddas-4b1e-9f00-000000000001';
  // Larger than KMS's 4096-byte limit for a RAW message, as every real page is.
  const LARGE_BODY = new TextEncoder().encode(JSON.stringify({ gegevens: { noot: 'x'.repeat(100_000) } }));

  afterEach(() => kms.reset());

  function kmsSigner(): PayloadSigner {
    return kmsPayloadSigner({
      keyId: KEY_ARN,
      kid: 'buurtsignaal-ddas-2026',
      certificateChain: certificateChainFromPem(material.certificatePem),
    });
  }

  it('has KMS sign the SHA-256 of the signing input as a DIGEST, and the result verifies with jose', async () => {
    // Prepare: KMS answered by the local key, signing the digest it is given as KMS would.
    const privateKey = createPrivateKey(material.privateKeyPem);
    kms.on(SignCommand).callsFake(({ Message }) => ({ Signature: pssSignDigest(privateKey, Message) }));

    // Act
    const { payloadSignature } = await signDelivery(LARGE_BODY, kmsSigner());

    // Assess
    const [header] = payloadSignature.split('.');
    const signingInput = `${header}.${base64url.encode(LARGE_BODY)}`;
    const calls = kms.commandCalls(SignCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toStrictEqual({
      KeyId: KEY_ARN,
      Message: createHash('sha256').update(signingInput).digest(),
      MessageType: 'DIGEST',
      SigningAlgorithm: 'RSASSA_PSS_SHA_256',
    });
    const verified = await verifyDelivery(payloadSignature, LARGE_BODY, material.certificatePem);
    expect(verified.protectedHeader.kid).toBe('buurtsignaal-ddas-2026');
  });

  it('rejects with a clear error when KMS fails, so no half-signed answer goes out', async () => {
    // Prepare
    const denied = Object.assign(new Error('User is not authorized to perform: kms:Sign'), {
      name: 'AccessDeniedException',
    });
    kms.on(SignCommand).rejects(denied);

    // Act
    const signing = signDelivery(LARGE_BODY, kmsSigner());

    // Assess
    await expect(signing).rejects.toThrow(`KMS could not sign the DDAS delivery with key ${KEY_ARN}`);
    await expect(signing).rejects.toHaveProperty('cause', denied);
  });

  it('refuses an answer from KMS without a signature', async () => {
    // Prepare
    kms.on(SignCommand).resolves({ KeyId: KEY_ARN });

    // Act
    const signing = signDelivery(LARGE_BODY, kmsSigner());

    // Assess
    await expect(signing).rejects.toThrow(`KMS returned no signature for key ${KEY_ARN}`);
  });
});

/**
 * RSASSA-PSS over a precomputed SHA-256 digest (RFC 8017 §9.1.1 EMSA-PSS-ENCODE, then the raw RSA
 * private operation), which is what KMS does with MessageType DIGEST. node:crypto's sign() always
 * hashes its input itself, so the stand-in encodes by hand; MGF1-SHA-256, 32-byte salt.
 */
function pssSignDigest(key: KeyObject, digest: Uint8Array | undefined): Uint8Array {
  if (digest?.length !== 32) throw new Error('expected a SHA-256 digest');
  const sha256 = (...parts: Uint8Array[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
  const modulusBits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  const emBits = modulusBits - 1;
  const emLength = Math.ceil(emBits / 8);
  const salt = randomBytes(32);
  const h = sha256(Buffer.alloc(8), digest, salt);
  const db = Buffer.concat([Buffer.alloc(emLength - 32 - 32 - 2), Buffer.from([0x01]), salt]);
  const mask = Buffer.alloc(db.length);
  for (let counter = 0, offset = 0; offset < mask.length; counter++, offset += 32) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    sha256(h, c).copy(mask, offset);
  }
  const maskedDb = db.map((byte, i) => byte ^ (mask[i] ?? 0));
  maskedDb[0] = (maskedDb[0] ?? 0) & (0xff >> (8 * emLength - emBits));
  const encoded = Buffer.concat([maskedDb, h, Buffer.from([0xbc])]);
  return privateEncrypt({ key, padding: constants.RSA_NO_PADDING }, encoded);
}
