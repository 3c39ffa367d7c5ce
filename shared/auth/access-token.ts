import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { JwtClaims } from './principal.ts';

/**
 * A bearer token the function checked itself (issue 14: the DDAS route on AWS, where API Gateway's
 * authorizer cannot answer with `Fsc-Error-Code`): its claims, or why it was refused. The reason is
 * a code (a jose error code or one of ours), never the token or a claim, so it may be logged (P2).
 */
export type VerifiedToken = { readonly claims: JwtClaims } | { readonly refused: string };

/** Checks the `Authorization` header's bearer token; undefined when there is no header. */
export type TokenVerifier = (authorization: string | undefined) => Promise<VerifiedToken>;

/** What a Cognito access token must show besides a good signature. */
export interface AccessTokenSettings {
  /** `https://cognito-idp.<region>.amazonaws.com/<user pool id>`. */
  readonly issuer: string;
  /** The app clients whose access tokens count here (`client_id`): the JWT authorizer's audience. */
  readonly clientIds: readonly string[];
}

/**
 * jose errors that say the token is not valid here (401). Anything else — the JWKS that cannot be
 * fetched in time, an answer of Cognito that is no key set — is our failure and stays an error (500),
 * so that an outage is not reported to CBS as its own bad token.
 */
const TOKEN_FAULTS: ReadonlySet<string> = new Set([
  errors.JWTExpired.code,
  errors.JWTClaimValidationFailed.code,
  errors.JWTInvalid.code,
  errors.JWSInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
]);

/** Claims in the shape principalFromClaims reads (as API Gateway's authorizer would pass them). */
function claimsOf(payload: JWTPayload): JwtClaims {
  const claims: JwtClaims = {};
  for (const [name, value] of Object.entries(payload)) {
    const isList = Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (isList || ['string', 'number', 'boolean'].includes(typeof value))
      claims[name] = value as JwtClaims[string];
  }
  return claims;
}

/**
 * The checks API Gateway's JWT authorizer makes for an access token, in the function: a Cognito
 * signature (RS256) by a key of the user pool's key set, the issuer, not expired, `token_use`
 * `access` (an ID token is refused: CBS is a machine client) and `client_id` one of the app clients.
 * Which role the token grants (its OAuth scope, e.g. `buurtsignaal/cbs:cbs`) is left to
 * principalFromClaims and decide, as on every other route: a valid token of another client is then
 * 403 (FSC: the wrong group), not 401. The key set is a collaborator, so tests give a local one.
 */
export function accessTokenVerifier(keys: JWTVerifyGetKey, settings: AccessTokenSettings): TokenVerifier {
  return async (authorization) => {
    if (!authorization) return { refused: 'token-ontbreekt' };
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!token) return { refused: 'geen-bearer-token' };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'token_use', 'client_id'],
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError && TOKEN_FAULTS.has(error.code)) return { refused: error.code };
      throw error;
    }
    if (payload.token_use !== 'access') return { refused: 'geen-access-token' };
    if (!settings.clientIds.includes(String(payload.client_id))) return { refused: 'onbekende-client' };
    return { claims: claimsOf(payload) };
  };
}

/** The variables of a function that verifies its callers' tokens itself (shared/environments.ts). */
export interface AccessTokenEnvironment {
  readonly ACCESS_TOKEN_ISSUER?: string | undefined;
  readonly ACCESS_TOKEN_JWKS_URL?: string | undefined;
  readonly ACCESS_TOKEN_CLIENT_IDS?: string | undefined;
}

/**
 * The verifier of this deployment, made once per Lambda instance (cold start) so that jose's cache
 * of the user pool's key set outlives the invocation: fetched on the first call, again once it is
 * ten minutes old or, at most every 30 s, for a key id it does not know (Cognito's key rotation).
 * Undefined where nothing is configured: the local runtime, whose gateway checks the dev tokens
 * (`dev-cbs`) and passes their claims as API Gateway's authorizer would. Half a configuration fails
 * the cold start rather than leaving the route open or shut.
 */
export function accessTokenVerifierFrom(env: AccessTokenEnvironment): TokenVerifier | undefined {
  const {
    ACCESS_TOKEN_ISSUER: issuer,
    ACCESS_TOKEN_JWKS_URL: jwksUrl,
    ACCESS_TOKEN_CLIENT_IDS: clientIds,
  } = env;
  if (!issuer && !jwksUrl && !clientIds) return undefined;
  if (!issuer || !jwksUrl || !clientIds) {
    throw new Error(
      'Invalid function environment: ACCESS_TOKEN_ISSUER, ACCESS_TOKEN_JWKS_URL and ACCESS_TOKEN_CLIENT_IDS go together',
    );
  }
  return accessTokenVerifier(createRemoteJWKSet(new URL(jwksUrl)), {
    issuer,
    clientIds: clientIds
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  });
}
