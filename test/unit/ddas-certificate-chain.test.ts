import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localSigningMaterial } from '../../infra/local/local-signing-material.ts';
import { type DdasEnvironment, ddasSigner } from '../../shared/adapters/ddas-dependencies.ts';
import { LOCAL_SIGNING_FILE, type LocalSigningMaterial } from '../../shared/adapters/local-payload-signer.ts';
import { certificateChainFromPem } from '../../shared/application/delivery-signature.ts';

// Issue 14 (X3): a full PKIoverheid chain (8–10 KB) fits neither a stack parameter nor Lambda's
// variables (4 KB each), so on AWS it comes from a Secrets Manager secret, read once at cold start
// like the household secret; locally the key file's self-signed certificate, as before.
const secretsManager = mockClient(SecretsManagerClient);
const CHAIN_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:DdasCertificateChain-abc';
let dataDir: string;
let material: LocalSigningMaterial;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ddas-chain-'));
  material = await localSigningMaterial(dataDir);
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
afterEach(() => secretsManager.reset());

const onAws = (overrides: Partial<DdasEnvironment> = {}): DdasEnvironment => ({
  TABLE_NAME: 'buurtsignaal',
  DDAS_CODE_GEGEVENSLEVERANCIER: 'BUURTSIGNAAL',
  DDAS_ORGANISATIE_NAAM: 'Gemeente Utrecht',
  DDAS_SIGNING_KEY_ARN: 'arn:aws:kms:eu-west-1:123456789012:key/ddas',
  DDAS_SIGNING_KID: 'ddas-2026',
  DDAS_CERTIFICATE_CHAIN_SECRET_ARN: CHAIN_ARN,
  ...overrides,
});

describe('ddasSigner: the certificate chain from its secret (AWS)', () => {
  it('reads the chain once from the secret and signs with it as x5c, end-entity first', async () => {
    // Prepare: base64 DER, separated by commas or line breaks as an operator may write it.
    secretsManager
      .on(GetSecretValueCommand, { SecretId: CHAIN_ARN })
      .resolves({ SecretString: 'MIIBend,MIIBintermediate\nMIIBroot\n' });

    // Act
    const signer = await ddasSigner(onAws());

    // Assert
    expect(signer.kid).toBe('ddas-2026');
    expect(signer.certificateChain).toEqual(['MIIBend', 'MIIBintermediate', 'MIIBroot']);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('takes the chain as the provider issues it, in PEM', async () => {
    // Prepare
    const pem = `${material.certificatePem}${material.certificatePem}`;
    secretsManager.on(GetSecretValueCommand, { SecretId: CHAIN_ARN }).resolves({ SecretString: pem });

    // Act
    const signer = await ddasSigner(onAws());

    // Assert
    expect(signer.certificateChain).toEqual(certificateChainFromPem(pem));
    expect(signer.certificateChain).toHaveLength(2);
  });

  it('holds a chain far over 4 KB, which no variable or stack parameter could', async () => {
    // Prepare: a chain of 10 KB of base64, as a full PKIoverheid chain is.
    const certificates = ['A', 'B', 'C'].map((letter) => `MII${letter.repeat(3400)}`);
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: certificates.join(',') });

    // Act
    const signer = await ddasSigner(onAws());

    // Assert
    expect(certificates.join(',').length).toBeGreaterThan(10_000);
    expect(signer.certificateChain).toEqual(certificates);
  });

  it('fails the cold start on an empty secret rather than sign without a chain', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({});

    await expect(ddasSigner(onAws())).rejects.toThrow(/DDAS certificate chain is empty/);
  });

  it('fails the cold start on a broken PEM block rather than when CBS verifies', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({
      SecretString: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n',
    });

    await expect(ddasSigner(onAws())).rejects.toThrow();
    // The secret was read: the block itself was refused, not the configuration.
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('names the missing variables when neither the key file nor the secret is configured', async () => {
    await expect(ddasSigner(onAws({ DDAS_CERTIFICATE_CHAIN_SECRET_ARN: undefined }))).rejects.toThrow(
      /CERTIFICATE_CHAIN_SECRET_ARN/,
    );
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });
});

describe('ddasSigner locally', () => {
  it('uses the key file’s certificate and never asks Secrets Manager', async () => {
    // Act
    const signer = await ddasSigner({
      ...onAws({ DDAS_SIGNING_KEY_ARN: undefined, DDAS_CERTIFICATE_CHAIN_SECRET_ARN: undefined }),
      DDAS_SIGNING_KEY_FILE: join(dataDir, LOCAL_SIGNING_FILE),
    });

    // Assert
    expect(signer.certificateChain).toEqual(certificateChainFromPem(material.certificatePem));
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });
});
