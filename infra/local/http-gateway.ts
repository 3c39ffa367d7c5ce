import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { OperationDefinition } from '../../shared/api/operations.ts';
import { claimsOf, type Principal } from '../../shared/auth/principal.ts';
import { errorResponse } from '../../shared/http/http-error.ts';
import { problemResponse } from '../../shared/http/problem-details.ts';
import { invoke } from './lambda-context.ts';

export type ApiHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

export interface GatewayRoute {
  readonly operation: OperationDefinition;
  readonly functionName: string;
  readonly timeoutSeconds: number;
  readonly handler: ApiHandler;
}

/** API Gateway's HTTP API payload limit; the handlers enforce their own smaller limits. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const TEXT_CONTENT = /^(text\/|application\/(.+\+)?(json|xml|x-www-form-urlencoded)\b)/i;

interface CompiledRoute extends GatewayRoute {
  readonly pattern: RegExp;
  readonly parameterNames: readonly string[];
}

function compile(route: GatewayRoute): CompiledRoute {
  const parameterNames: string[] = [];
  const source = route.operation.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{([^}]+)\\?\}/g, (_m, name) => {
      parameterNames.push(name);
      return '([^/]+)';
    });
  return { ...route, pattern: new RegExp(`^${source}$`), parameterNames };
}

export async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function sendResult(response: ServerResponse, result: APIGatewayProxyResultV2): void {
  // Payload format 2.0: a result without statusCode is a 200 JSON body.
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    sendJson(response, 200, result);
    return;
  }
  const body = result.body ?? '';
  response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  response.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

/**
 * The route's path parameters, percent-decoded; undefined when an encoding is malformed (`%ZZ`, a
 * cut-off UTF-8 sequence such as `%E0%A4%A`), where decodeURIComponent throws a URIError.
 */
function pathParametersOf(route: CompiledRoute, match: RegExpExecArray): Record<string, string> | undefined {
  try {
    return Object.fromEntries(
      route.parameterNames.map((name, index) => [name, decodeURIComponent(match[index + 1] as string)]),
    );
  } catch {
    return undefined;
  }
}

function toEvent(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  route: CompiledRoute,
  pathParameters: Record<string, string>,
  principal: Principal | undefined,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  // Text bodies reach the handler as strings, like API Gateway does. A text body that is not valid
  // UTF-8 (a Windows-1252 CSV) is passed base64-encoded so no byte is lost on the way.
  const isText = body.length === 0 || (TEXT_CONTENT.test(headers['content-type'] ?? '') && isUtf8(body));
  const routeKey = `${route.operation.method} ${route.operation.path}`;
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(route.parameterNames.length ? { pathParameters } : {}),
    ...(body.length ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !isText,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: {
        principalId: principal?.id ?? '',
        integrationLatency: 0,
        jwt: { claims: principal ? claimsOf(principal) : {}, scopes: [] },
      },
    },
  };
}

/**
 * Emulates API Gateway's HTTP API: matches the route, runs the JWT authorizer step (locally against
 * the dev-token table; a missing or unknown token is 401 before any handler runs, as on AWS), builds
 * the payload-format-2.0 event and calls the real handler.
 */
export function createApiGateway(routes: readonly GatewayRoute[], tokens: ReadonlyMap<string, Principal>) {
  const compiled = routes.map(compile);

  function match(method: string, path: string) {
    for (const route of compiled) {
      const found = route.pattern.exec(path);
      if (found && route.operation.method === method) return { route, found };
    }
    return undefined;
  }

  /** Resolves the bearer token, as the authorizer would; undefined when absent or unknown. */
  function authorize(request: IncomingMessage): Principal | undefined {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    return token ? tokens.get(token) : undefined;
  }

  /** Handles the request if an API route matches; returns false otherwise. */
  async function handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
    const matched = match(request.method ?? 'GET', url.pathname);
    if (!matched) return false;
    const { route, found } = matched;
    const principal = authorize(request);
    if (route.operation.roles !== 'public' && !principal) {
      const message = 'Niet aangemeld: stuur een geldig token mee (Authorization: Bearer …).';
      // X3: the DDAS route refuses as FSC does, with Fsc-Error-Code; on AWS its function answers the
      // same, having checked the Cognito token itself (verifiesOwnToken, issue 14).
      sendResult(
        response,
        route.operation.problemJson
          ? problemResponse(401, 'unauthorized', message, {
              instance: url.pathname,
              hadToken: Boolean(request.headers.authorization),
            })
          : errorResponse(401, 'unauthorized', message),
      );
      return true;
    }
    // Bad input is never a 500 (API.md): a path that cannot be decoded is malformed.
    const pathParameters = pathParametersOf(route, found);
    if (!pathParameters) {
      sendResult(
        response,
        errorResponse(
          400,
          'invalid-path',
          'Het pad bevat een ongeldige %-codering: na elk %-teken horen twee hexadecimale cijfers van geldige UTF-8.',
        ),
      );
      return true;
    }
    const body = await readBody(request);
    if (body === 'too-large') {
      sendResult(response, errorResponse(413, 'request-too-large', 'Het verzoek is groter dan 10 MB.'));
      return true;
    }
    const event = toEvent(request, url, body, route, pathParameters, principal);
    try {
      sendResult(response, await invoke(route.handler, event, route.functionName, route.timeoutSeconds));
    } catch {
      // What API Gateway answers when the integration fails.
      sendJson(response, 500, { message: 'Internal Server Error' });
    }
    return true;
  }

  return { handle, authorize };
}
