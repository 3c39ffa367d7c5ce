import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import type { OperationDefinition } from '../../shared/api/operations.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';
import {
  type ApiContext,
  type ApiEvent,
  type ApiResult,
  httpErrorHandler,
  limitRequestSize,
  MAX_REQUEST_BYTES,
} from '../../shared/http/middlewares.ts';
import { logger } from '../../shared/observability.ts';

// DESIGN I6: up to 6 MB per request; larger is 413 with advice to split, before the body is parsed.
const context = {
  functionName: 'Test',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 10_000,
} as Context;

function event(body: string | undefined, options: { base64?: boolean; contentType?: string } = {}): ApiEvent {
  return {
    version: '2.0',
    routeKey: 'POST /test',
    rawPath: '/test',
    rawQueryString: '',
    headers: { 'content-type': options.contentType ?? 'application/json' },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: options.base64 ?? false,
    requestContext: { http: { method: 'POST', path: '/test' } },
  } as unknown as ApiEvent;
}

/** The middleware alone, behind the error handler; the route would parse the body. */
function limited() {
  const route = vi.fn(async () => jsonResponse(200, { ok: true }));
  const handler = middy<ApiEvent, ApiResult, Error, ApiContext>()
    .use(httpErrorHandler(logger))
    .use(limitRequestSize())
    .handler(route);
  return { handler, route };
}

beforeAll(() => {
  // The bundle flushes metrics after every call; not needed here.
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
});

const bodyOf = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(result.body as string);

describe('limitRequestSize', () => {
  it('lets a body of exactly 6 MB through', async () => {
    // Prepare
    const { handler, route } = limited();

    // Act
    const result = await handler(event('a'.repeat(MAX_REQUEST_BYTES)), context);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(route).toHaveBeenCalledOnce();
  });

  it('answers 6 MB + 1 byte with 413 request-too-large, saying the limit and to split; the route never runs', async () => {
    // Prepare
    const { handler, route } = limited();

    // Act
    const result = await handler(event('a'.repeat(MAX_REQUEST_BYTES + 1)), context);

    // Assess
    expect(result.statusCode).toBe(413);
    expect(bodyOf(result)).toEqual({
      error: { code: 'request-too-large', message: expect.stringMatching(/6 MB.*[Ss]plits/) },
    });
    expect(route).not.toHaveBeenCalled();
  });

  it('counts bytes, not characters: 3.2 million é is 6.4 MB of UTF-8', async () => {
    // Prepare
    const { handler } = limited();

    // Act
    const result = await handler(event('é'.repeat(3_200_000)), context);

    // Assess
    expect(result.statusCode).toBe(413);
  });

  it('counts a base64 body decoded: 6 MB of bytes pass (8 MB encoded), one byte more does not', async () => {
    // Prepare
    const { handler } = limited();
    const encoded = (bytes: number) => Buffer.alloc(bytes, 0xe9).toString('base64');

    // Act
    const fits = await handler(event(encoded(MAX_REQUEST_BYTES), { base64: true }), context);
    const over = await handler(event(encoded(MAX_REQUEST_BYTES + 1), { base64: true }), context);

    // Assess
    expect(fits.statusCode).toBe(200);
    expect(over.statusCode).toBe(413);
  });

  it('lets a request without a body through', async () => {
    // Prepare
    const { handler } = limited();

    // Act
    const result = await handler(event(undefined), context);

    // Assess
    expect(result.statusCode).toBe(200);
  });
});

describe('the bundle of every route (apiHandler)', () => {
  const operation = (extra: Partial<OperationDefinition>): OperationDefinition => ({
    operationId: 'test',
    method: 'POST',
    path: '/test',
    summary: 'Test.',
    tag: 'Dienst',
    roles: 'public',
    access: 'public',
    responses: {},
    ...extra,
  });

  it('refuses an oversized JSON body before validation parses it: 413, not 422', async () => {
    // Prepare
    const route = vi.fn(async () => jsonResponse(202, {}));
    const handler = apiHandler(operation({ body: z.object({ name: z.string() }) }), route);

    // Act
    const result = await handler(event(JSON.stringify({ padding: 'a'.repeat(MAX_REQUEST_BYTES) })), context);

    // Assess
    expect(result.statusCode).toBe(413);
    expect(bodyOf(result).error.code).toBe('request-too-large');
    expect(route).not.toHaveBeenCalled();
  });

  it('leaves a raw-body route (a CSV upload) to check its own file, with its own advice', async () => {
    // Prepare
    const route = vi.fn(async () => jsonResponse(202, {}));
    const handler = apiHandler(
      operation({ rawBody: { contentTypes: ['text/csv'], description: 'CSV.' } }),
      route,
    );

    // Act
    const result = await handler(
      event('a'.repeat(MAX_REQUEST_BYTES + 1), { contentType: 'text/csv' }),
      context,
    );

    // Assess
    expect(result.statusCode).toBe(202);
    expect(route).toHaveBeenCalledOnce();
  });
});
