import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  SubjectAlternativeNameExtension,
  X509CertificateGenerator,
} from '@peculiar/x509';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_MARSHALLAAN_4_BIS, startBrpStandIn } from '../../infra/local/brp-stand-in.ts';
import { BRP_NOT_CONNECTED, brpFromEnvironment } from '../../shared/adapters/brp-dependencies.ts';

// Issue 16 build 4: on AWS the BRP's endpoint comes from a stack parameter and its API key and
// client certificate from Secrets Manager (placeholders until an operator puts the issued ones in).
// Secrets Manager is mocked (a failure-path seam); the BRP is real HTTP: the stand-in, and an
// HTTPS server that demands a client certificate (mTLS) made here with @peculiar/x509.

const secretsManager = mockClient(SecretsManagerClient);
const KEY_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:BrpApiKey-abc';
const CERT_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:BrpClientCertificate-abc';
const documents = {} as DynamoDBDocumentClient;
const environment = (url: string) => ({
  TABLE_NAME: 't',
  BRP_API_URL: url,
  BRP_API_KEY_SECRET_ARN: KEY_ARN,
  BRP_CLIENT_CERTIFICATE_SECRET_ARN: CERT_ARN,
  BRP_TIMEOUT_MS: '2000',
});
const secrets = (apiKey: string, certificate: string) => {
  secretsManager.on(GetSecretValueCommand, { SecretId: KEY_ARN }).resolves({ SecretString: apiKey });
  secretsManager.on(GetSecretValueCommand, { SecretId: CERT_ARN }).resolves({ SecretString: certificate });
};

afterEach(() => secretsManager.reset());

const pem = (label: string, der: ArrayBuffer) =>
  `-----BEGIN ${label}-----\n${(
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? []
  ).join('\n')}\n-----END ${label}-----\n`;

/** A self-signed ECDSA certificate and its key in PEM. */
async function selfSigned(name: string, usage: string, extra: unknown[] = []) {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const certificate = await X509CertificateGenerator.createSelfSigned(
    {
      name,
      keys,
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 3_600_000),
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      extensions: [
        new BasicConstraintsExtension(false, undefined, true),
        new ExtendedKeyUsageExtension([usage]),
        ...(extra as never[]),
      ],
    },
    webcrypto,
  );
  return {
    certificate: certificate.toString('pem'),
    privateKey: pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)),
  };
}

describe('brpFromEnvironment', () => {
  it('asks no BRP while the stack parameter says niet-aangesloten, or no URL is given', async () => {
    expect(await brpFromEnvironment(environment(BRP_NOT_CONNECTED), documents, 'x')).toBeUndefined();
    expect(
      await brpFromEnvironment({ TABLE_NAME: 't', BRP_TIMEOUT_MS: '2000' }, documents, 'x'),
    ).toBeUndefined();
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('sends the API key from its secret; with the placeholder it sends none (and a keyed BRP refuses)', async () => {
    const standIn = await startBrpStandIn({ apiKey: 'sleutel-123' });
    try {
      secrets('sleutel-123', BRP_NOT_CONNECTED);
      const keyed = await brpFromEnvironment(environment(standIn.url), documents, 'x');
      secretsManager.reset();
      secrets(BRP_NOT_CONNECTED, BRP_NOT_CONNECTED);
      const keyless = await brpFromEnvironment(environment(standIn.url), documents, 'x');

      expect(await keyed?.register.residentsAt(ADDRESS_MARSHALLAAN_4_BIS)).toHaveLength(4);
      await expect(keyless?.register.residentsAt(ADDRESS_MARSHALLAAN_4_BIS)).rejects.toMatchObject({
        code: 'brp-client-error',
      });
    } finally {
      await standIn.close();
    }
  });

  describe('mTLS with the client certificate from its secret', () => {
    let server: Server;
    let url: string;
    let client: { certificate: string; privateKey: string };
    let serverCertificate: string;
    const presented: string[] = [];

    beforeAll(async () => {
      const serverMaterial = await selfSigned('CN=brp.test', ExtendedKeyUsage.serverAuth, [
        new SubjectAlternativeNameExtension([{ type: 'ip', value: '127.0.0.1' }]),
      ]);
      client = await selfSigned('CN=Buurtsignaal BRP-client', ExtendedKeyUsage.clientAuth);
      serverCertificate = serverMaterial.certificate;
      // A BRP that only talks to a client presenting the certificate it trusts.
      server = createServer(
        {
          cert: serverMaterial.certificate,
          key: serverMaterial.privateKey,
          ca: client.certificate,
          requestCert: true,
          rejectUnauthorized: true,
        },
        (request, response) => {
          presented.push(String((request.socket as TLSSocket).getPeerCertificate().subject?.CN ?? ''));
          request.resume();
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ type: 'ZoekMetPostcodeEnHuisnummer', personen: [] }));
        },
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/haalcentraal/api/brp`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('presents the certificate: the BRP answers', async () => {
      secrets(BRP_NOT_CONNECTED, JSON.stringify({ ...client, ca: serverCertificate }));
      const brp = await brpFromEnvironment(environment(url), documents, 'x');

      expect(await brp?.register.residentsAt(ADDRESS_MARSHALLAAN_4_BIS)).toEqual([]);
      expect(presented).toEqual(['Buurtsignaal BRP-client']);
    });

    it('with the placeholder (no certificate, no CA configured) the BRP cannot be reached: never an answer', async () => {
      secrets(BRP_NOT_CONNECTED, BRP_NOT_CONNECTED);
      const brp = await brpFromEnvironment(environment(url), documents, 'x');

      await expect(brp?.register.residentsAt(ADDRESS_MARSHALLAAN_4_BIS)).rejects.toMatchObject({
        code: expect.stringMatching(/^brp-(unreachable|circuit-open)$/),
      });
    });
  });
});
