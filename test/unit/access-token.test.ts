import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWTPayload,
  SignJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import {
  accessTokenVerifier,
  accessTokenVerifierFrom,
  type TokenVerifier,
} from '../../shared/auth/access-token.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse, unauthorized } from '../../shared/http/http-error.ts';
import type { ApiEvent } from '../../shared/http/middlewares.ts';
import { problemResponse } from '../../shared/http/problem-details.ts';

// Issue 14: on AWS the DDAS route has no API Gateway authorizer; its function verifies CBS's Cognito
// access token itself, so that a refusal carries Fsc-Error-Code like the local gateway's. Real RS256
// tokens against a key set: handed in (createLocalJWKSet) or served over HTTP, as Cognito's JWKS is.
const ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Buurt';
const CBS_CLIENT = 'cbs-client-id';
const POLICE_CLIENT = 'police-client-id';
const WEB_CLIENT = 'web-client-id';
const CLIENT_IDS = [WEB_CLIENT, POLICE_CLIENT, CBS_CLIENT];
const PATH = '/ddas/v1/gegevens';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let poolKeys: KeyPair;
let otherKeys: KeyPair;
let jwks: JSONWebKeySet;

beforeAll(async () => {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
  poolKeys = await generateKeyPair('RS256', { extractable: true });
  otherKeys = await generateKeyPair('RS256', { extractable: true });
  jwks = { keys: [{ ...(await exportJWK(poolKeys.publicKey)), kid: 'pool-key', alg: 'RS256', use: 'sig' }] };
});

/** A Cognito client-credentials access token: the claims Cognito puts in, signed as given. */
async function accessToken(
  options: {
    clientId?: string;
    scope?: string;
    claims?: JWTPayload;
    key?: KeyPair['privateKey'];
    issuer?: string;
    expiresAt?: number;
  } = {},
): Promise<string> {
  const clientId = options.clientId ?? CBS_CLIENT;
  return new SignJWT({
    sub: clientId,
    client_id: clientId,
    token_use: 'access',
    scope: options.scope ?? 'buurtsignaal/cbs:cbs',
    ...options.claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'pool-key' })
    .setIssuer(options.issuer ?? ISSUER)
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? '1h')
    .sign(options.key ?? poolKeys.privateKey);
}

const context = {
  functionName: 'DeliverDdas',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 10_000,
} as Context;

/** An event as API Gateway sends it for a route without authorizer: no `authorizer` at all. */
function event(authorization?: string): ApiEvent {
  return {
    version: '2.0',
    routeKey: `POST ${PATH}`,
    rawPath: PATH,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: '{}',
    isBase64Encoded: false,
    requestContext: { http: { method: 'POST', path: PATH } },
  } as unknown as ApiEvent;
}

/** The DDAS operation's middleware bundle, with a route that answers who it let in. */
function ddasRoute(verifyToken: TokenVerifier | undefined) {
  const route = vi.fn(async ({ principal }: { principal: { id: string; role: string } }) =>
    jsonResponse(200, { id: principal.id, role: principal.role }),
  );
  return { handler: apiHandler(OPERATIONS.ddasGegevens, route, { verifyToken }), route };
}

const localKeySet = () =>
  accessTokenVerifier(createLocalJWKSet(jwks), { issuer: ISSUER, clientIds: CLIENT_IDS });

/** What the local gateway answers for the same refusal (infra/local/http-gateway.ts). */
const localGateway401 = (hadToken: boolean) =>
  problemResponse(401, 'unauthorized', unauthorized().message, { instance: PATH, hadToken });

const fscCode = (result: APIGatewayProxyStructuredResultV2) => result.headers?.['Fsc-Error-Code'];

describe('the DDAS route verifying its own token (issue 14, on AWS)', () => {
  it('answers 401 ERROR_CODE_ACCESS_TOKEN_MISSING without a token, as the local gateway does', async () => {
    // Prepare
    const { handler, route } = ddasRoute(localKeySet());

    // Act
    const result = (await handler(event(), context)) as APIGatewayProxyStructuredResultV2;

    // Assert
    expect(result).toEqual(localGateway401(false));
    expect(fscCode(result)).toBe('ERROR_CODE_ACCESS_TOKEN_MISSING');
    expect(JSON.parse(result.body as string)).toMatchObject({
      status: 401,
      code: 'ERROR_CODE_ACCESS_TOKEN_MISSING',
      domain: 'ERROR_DOMAIN_INWAY',
    });
    expect(route).not.toHaveBeenCalled();
  });

  // Each with the refusal it must be refused for (logged as a code), so no case passes by accident.
  const invalid: [string, () => Promise<string>, string][] = [
    [
      'signed with another key',
      () => accessToken({ key: otherKeys.privateKey }),
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    ],
    ['expired', () => accessToken({ expiresAt: Math.floor(Date.now() / 1000) - 60 }), 'ERR_JWT_EXPIRED'],
    [
      'of another issuer',
      () => accessToken({ issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/other' }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    ],
    [
      'an ID token instead of an access token',
      () => accessToken({ claims: { token_use: 'id', aud: CBS_CLIENT, 'cognito:groups': ['cbs'] } }),
      'geen-access-token',
    ],
    [
      'of an app client of another user pool',
      () => accessToken({ clientId: 'unknown-client' }),
      'onbekende-client',
    ],
    ['no JWT at all (a local dev token)', async () => 'dev-cbs', 'ERR_JWS_INVALID'],
  ];
  for (const [name, token, refusal] of invalid) {
    it(`answers 401 ERROR_CODE_ACCESS_TOKEN_INVALID for a token ${name}`, async () => {
      // Prepare
      const { handler, route } = ddasRoute(localKeySet());
      const authorization = `Bearer ${await token()}`;

      // Act
      const result = (await handler(event(authorization), context)) as APIGatewayProxyStructuredResultV2;

      // Assert
      expect(result).toEqual(localGateway401(true));
      expect(fscCode(result)).toBe('ERROR_CODE_ACCESS_TOKEN_INVALID');
      expect(route).not.toHaveBeenCalled();
      expect(await localKeySet()(authorization)).toEqual({ refused: refusal });
    });
  }

  it('answers 403 ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN for a valid token of another role', async () => {
    // Prepare
    const { handler, route } = ddasRoute(localKeySet());
    const police = await accessToken({
      clientId: POLICE_CLIENT,
      scope: 'buurtsignaal/police:politie-utrecht',
    });

    // Act
    const result = (await handler(event(`Bearer ${police}`), context)) as APIGatewayProxyStructuredResultV2;

    // Assert
    expect(result.statusCode).toBe(403);
    expect(fscCode(result)).toBe('ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN');
    expect(result.headers?.['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(result.body as string)).toMatchObject({
      status: 403,
      code: 'ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN',
      instance: PATH,
    });
    expect(route).not.toHaveBeenCalled();
  });

  it('lets a valid cbs access token through as the principal with role cbs', async () => {
    // Prepare
    const { handler, route } = ddasRoute(localKeySet());

    // Act
    const result = (await handler(
      event(`Bearer ${await accessToken()}`),
      context,
    )) as APIGatewayProxyStructuredResultV2;

    // Assert
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body as string)).toEqual({ id: CBS_CLIENT, role: 'cbs' });
    expect(route).toHaveBeenCalledOnce();
  });

  it('still reads the gateway’s claims where no verifier is configured (the local runtime)', async () => {
    // Prepare: what the local gateway passes for dev-cbs (claimsOf, infra/local/http-gateway.ts).
    const { handler } = ddasRoute(undefined);
    const local = event('Bearer dev-cbs');
    Object.assign(local.requestContext, {
      authorizer: { jwt: { claims: { sub: 'dev-cbs', 'cognito:groups': ['cbs'], 'custom:scope': 'cbs' } } },
    });

    // Act
    const result = (await handler(local, context)) as APIGatewayProxyStructuredResultV2;

    // Assert
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body as string)).toEqual({ id: 'dev-cbs', role: 'cbs' });
  });

  it('refuses everything where the route has no authorizer and no verifier is configured', async () => {
    // Prepare: the AWS event (no authorizer) reaching a function without its settings.
    const { handler, route } = ddasRoute(undefined);

    // Act
    const result = (await handler(
      event(`Bearer ${await accessToken()}`),
      context,
    )) as APIGatewayProxyStructuredResultV2;

    // Assert
    expect(result.statusCode).toBe(401);
    expect(route).not.toHaveBeenCalled();
  });
});

describe('accessTokenVerifierFrom: the user pool’s key set over HTTP, as on AWS', () => {
  let server: Server;
  let jwksUrl: string;
  let fetches = 0;
  let failing = false;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      fetches += 1;
      if (failing) {
        response.writeHead(503).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const env = () => ({
    ACCESS_TOKEN_ISSUER: ISSUER,
    ACCESS_TOKEN_JWKS_URL: jwksUrl,
    ACCESS_TOKEN_CLIENT_IDS: CLIENT_IDS.join(','),
  });

  it('verifies against the served key set, fetched once for many calls', async () => {
    // Prepare
    const verify = accessTokenVerifierFrom(env()) as TokenVerifier;
    const before = fetches;

    // Act
    const first = await verify(`Bearer ${await accessToken()}`);
    const second = await verify(`Bearer ${await accessToken()}`);

    // Assert
    expect(first).toMatchObject({ claims: { client_id: CBS_CLIENT, scope: 'buurtsignaal/cbs:cbs' } });
    expect(second).toMatchObject({ claims: { client_id: CBS_CLIENT } });
    expect(fetches - before).toBe(1);
  });

  it('fails with our own error (500), not the caller’s 401, when the key set cannot be fetched', async () => {
    // Prepare
    failing = true;
    const { handler } = ddasRoute(accessTokenVerifierFrom(env()));

    // Act
    const result = (await handler(
      event(`Bearer ${await accessToken()}`),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    failing = false;

    // Assert
    expect(result.statusCode).toBe(500);
    expect(fscCode(result)).toBeUndefined();
  });

  it('is not there without settings (the local runtime), and refuses half of them', () => {
    expect(accessTokenVerifierFrom({})).toBeUndefined();
    expect(() => accessTokenVerifierFrom({ ACCESS_TOKEN_ISSUER: ISSUER })).toThrow(
      /ACCESS_TOKEN_JWKS_URL and ACCESS_TOKEN_CLIENT_IDS/,
    );
  });
});
