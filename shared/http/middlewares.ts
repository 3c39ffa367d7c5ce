import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { OperationDefinition } from '../api/operations.ts';
import { fieldErrors } from '../api/zod-dutch.ts';
import { InvalidCursorError } from '../application/ports.ts';
import { decide } from '../auth/access-policy.ts';
import type { TokenVerifier } from '../auth/access-token.ts';
import { type JwtClaims, type Principal, principalFromClaims } from '../auth/principal.ts';
import { DomainError } from '../domain/domain-error.ts';
import { errorResponse, forbidden, HttpError, unauthorized } from './http-error.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

/** What the middlewares add to the Lambda context for the handler. */
export interface ApiContext extends Context {
  principal?: Principal;
  input?: { params: unknown; query: unknown; body: unknown };
}

type ApiMiddleware = middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext>;

function isClientError(error: unknown): boolean {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** DESIGN I6: up to 6 MB per request, Lambda's payload limit; the one limit for every route. */
export const MAX_REQUEST_BYTES = 6 * 1024 * 1024;

const STATUS_BY_KIND = { invalid: 422, conflict: 409, 'not-found': 404, forbidden: 403 } as const;

/**
 * Turns every error into the API's error body. Known errors keep their status; anything else is a
 * 500 whose log entry carries the error's name and stack but never its message or the request, which
 * may hold personal data (DESIGN P2).
 */
export function httpErrorHandler(logger: Logger): ApiMiddleware {
  return {
    onError: (request) => {
      const { error } = request;
      if (error instanceof HttpError) {
        request.response = errorResponse(error.status, error.code, error.message, error.details);
      } else if (error instanceof DomainError) {
        const status = STATUS_BY_KIND[error.kind];
        const details =
          error.details ??
          (error.field ? [{ field: error.field, code: error.code, message: error.message }] : undefined);
        request.response = errorResponse(status, error.code, error.message, details);
      } else if (error instanceof InvalidCursorError) {
        // Any paged list: a cursor from another list, or one that was tampered with.
        request.response = errorResponse(
          400,
          'invalid-cursor',
          'De cursor hoort niet bij deze lijst; begin opnieuw zonder cursor.',
        );
      } else if (isClientError(error)) {
        // A middy middleware refused the request (e.g. an unreadable multipart body).
        const status = (error as unknown as { statusCode: number }).statusCode;
        request.response = errorResponse(
          status,
          status === 415 ? 'unsupported-media-type' : 'malformed-request',
          status === 415
            ? 'Dit content-type wordt hier niet ondersteund.'
            : 'Het verzoek is onleesbaar (bijvoorbeeld een kapot multipart-formulier).',
        );
      } else {
        logger.error('Onverwachte fout', {
          errorName: error?.name,
          stack: error?.stack?.split('\n').slice(1, 8),
        });
        request.response = errorResponse(
          500,
          'internal-error',
          'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
        );
      }
      logger.info('Verzoek afgewezen', { statusCode: request.response.statusCode });
    },
  };
}

/**
 * The verified claims of the request. Usually API Gateway's JWT authorizer verified the token and
 * passes its claims (locally: the gateway's emulation with the dev tokens). A route that verifies
 * its own token (`verifiesOwnToken`, on AWS without an authorizer) is given a verifier instead; why
 * it refused a token is logged as a code, never the token (P2).
 */
async function claimsOf(
  event: ApiEvent,
  logger: Logger,
  verifyToken: TokenVerifier | undefined,
): Promise<JwtClaims | undefined> {
  if (!verifyToken) return event.requestContext?.authorizer?.jwt?.claims;
  const verified = await verifyToken(event.headers?.authorization);
  if ('claims' in verified) return verified.claims;
  logger.info('Token geweigerd', { refusal: verified.refused });
  return undefined;
}

/**
 * Who is calling, from the verified claims. 401 without a usable principal, 403 for a role the
 * route does not admit. Scope checks (which team, which corporation) follow in the handler.
 */
export function authenticate(
  operation: OperationDefinition,
  logger: Logger,
  verifyToken?: TokenVerifier,
): ApiMiddleware {
  return {
    before: async (request) => {
      if (operation.roles === 'public') return;
      const claims = await claimsOf(request.event, logger, verifyToken);
      const principal = claims ? principalFromClaims(claims) : undefined;
      if (!principal) throw unauthorized();
      logger.appendKeys({ principalId: principal.id, role: principal.role });
      if (decide(principal, operation) !== 'allow') throw forbidden();
      request.context.principal = principal;
    },
  };
}

/** The body's size in bytes as the client sent it: a base64 body counts decoded. */
function bodySize(event: ApiEvent): number {
  if (!event.body) return 0;
  return Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

/**
 * DESIGN I6: a body above the limit is refused with 413 and advice to split, before anything parses
 * it, so an oversized request never reaches validation (where it would be a 422) or the handler.
 */
export function limitRequestSize(maxBytes = MAX_REQUEST_BYTES): ApiMiddleware {
  const megabytes = Math.floor(maxBytes / (1024 * 1024));
  return {
    before: (request) => {
      if (bodySize(request.event) <= maxBytes) return;
      throw new HttpError(
        413,
        'request-too-large',
        `Het verzoek is groter dan ${megabytes} MB, de grens per verzoek. Splits de gegevens over meerdere verzoeken van hoogstens ${megabytes} MB elk (bijvoorbeeld een batch in kleinere batches) en stuur ze na elkaar.`,
      );
    },
  };
}

function readJsonBody(event: ApiEvent): unknown {
  const contentType = event.headers?.['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new HttpError(
      415,
      'unsupported-media-type',
      'Stuur de gegevens als JSON (Content-Type: application/json).',
    );
  }
  const text = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
    : (event.body ?? '');
  if (!text.trim()) throw new HttpError(400, 'empty-body', 'Het verzoek heeft geen inhoud.');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'malformed-json', 'De inhoud is geen geldige JSON.');
  }
}

/** Validates path parameters, query string and JSON body against the operation's zod schemas. */
export function validateRequest(operation: OperationDefinition): ApiMiddleware {
  return {
    before: (request) => {
      const { event } = request;
      const params = operation.params?.safeParse(event.pathParameters ?? {});
      if (params && !params.success) {
        throw new HttpError(
          400,
          'invalid-path',
          'Ongeldige parameter in het pad.',
          fieldErrors(params.error),
        );
      }
      const query = operation.query?.safeParse(event.queryStringParameters ?? {});
      if (query && !query.success) {
        throw new HttpError(400, 'invalid-query', 'Ongeldige zoekparameter.', fieldErrors(query.error));
      }
      let body: unknown;
      if (operation.body) {
        const parsed = operation.body.safeParse(readJsonBody(event));
        if (!parsed.success) {
          throw new HttpError(
            422,
            'validation-failed',
            'De invoer is niet geldig; zie de fouten per veld.',
            fieldErrors(parsed.error),
          );
        }
        body = parsed.data;
      }
      request.context.input = { params: params?.data, query: query?.data, body };
    },
  };
}

/** One metric per response by status class, so dashboards see 4xx/5xx rates per function. */
export function countResponses(metrics: Metrics): ApiMiddleware {
  const count = (request: middy.Request<ApiEvent, ApiResult, Error, ApiContext>) => {
    const status = request.response?.statusCode ?? 500;
    metrics.addMetric(`Responses${Math.floor(status / 100)}xx`, MetricUnit.Count, 1);
  };
  return { after: count, onError: count };
}
