import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type * as z from 'zod';
import type { OperationDefinition } from '../api/operations.ts';
import type { TokenVerifier } from '../auth/access-token.ts';
import type { Principal } from '../auth/principal.ts';
import { logger, metrics } from '../observability.ts';
import {
  type ApiContext,
  type ApiEvent,
  type ApiResult,
  authenticate,
  countResponses,
  httpErrorHandler,
  limitRequestSize,
  validateRequest,
} from './middlewares.ts';
import { problemDetails } from './problem-details.ts';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route handler receives: the caller and the validated input of its operation. */
export interface ApiRequest<Op extends OperationDefinition> {
  readonly principal: Op['roles'] extends 'public' ? undefined : Principal;
  readonly params: Parsed<Op['params']>;
  readonly query: Parsed<Op['query']>;
  readonly body: Parsed<Op['body']>;
  /** The raw event, for the few routes whose body is not JSON (a CSV upload). */
  readonly event: ApiEvent;
  /** The Lambda context: how much time the invocation has left (an upload's budget). */
  readonly context: ApiContext;
}

export interface ApiHandlerOptions {
  /** Route-specific middlewares, run after authentication and before validation (e.g. multipart). */
  readonly middlewares?: readonly middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext>[];
  /**
   * For an operation that `verifiesOwnToken`: checks the bearer token in the function (on AWS, where
   * its route has no authorizer). Undefined locally, where the gateway checked the dev token.
   */
  readonly verifyToken?: TokenVerifier | undefined;
}

/**
 * The middleware bundle every HTTP route uses: structured
 * logging with the Lambda context, metrics, API error bodies, authentication, the request size limit
 * and validation. The route handler itself only sees validated input.
 */
export function apiHandler<Op extends OperationDefinition>(
  operation: Op,
  route: (request: ApiRequest<Op>) => Promise<ApiResult>,
  options: ApiHandlerOptions = {},
) {
  // Never the event in a log: it carries personal data (DESIGN P2); observability.ts enforces the
  // same whatever this option or POWERTOOLS_* variables say. No X-Ray SDK: Lambda traces each
  // invocation itself (issue 13, shared/adapters/aws-clients.ts).
  const handler = middy<ApiEvent, ApiResult, Error, ApiContext>()
    .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
    .use(logMetrics(metrics))
    .use(countResponses(metrics));
  // X3: the DDAS route answers problems; its onError runs after httpErrorHandler's (reverse order).
  if (operation.problemJson) handler.use(problemDetails());
  handler.use(httpErrorHandler(logger)).use(authenticate(operation, logger, options.verifyToken));
  // A route with a raw body (a CSV upload) checks the size of its file itself, with advice for files.
  if (!operation.rawBody) handler.use(limitRequestSize());
  for (const middleware of options.middlewares ?? []) handler.use(middleware);
  return handler.use(validateRequest(operation)).handler(async (event, context) => {
    const input = context.input ?? { params: undefined, query: undefined, body: undefined };
    return route({ principal: context.principal, ...input, event, context } as ApiRequest<Op>);
  });
}
