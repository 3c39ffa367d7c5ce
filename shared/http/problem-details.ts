import type middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiContext, ApiEvent, ApiResult } from './middlewares.ts';

/**
 * DESIGN X3, issue 14: the DDAS-VS API answers its errors as `application/problem+json` (RFC 9457),
 * and refusals of the caller as FSC does (Logius FSC Core): a `Fsc-Error-Code` header and a body
 * that is an `FscError` (code, domain) and a problem (type, title, status) at once.
 */
export const PROBLEM_JSON = 'application/problem+json';
export const FSC_ERROR_HEADER = 'Fsc-Error-Code';

/** The problem types are ours, named by the stable error code. */
const problemType = (code: string) => `urn:buurtsignaal:probleem:${code}`;

const TITLES: Record<number, string> = {
  400: 'Ongeldig verzoek',
  401: 'Niet aangemeld',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  413: 'Verzoek te groot',
  415: 'Verkeerd content-type',
  422: 'Verzoek niet verwerkbaar',
  500: 'Fout aan de kant van de dienst',
};

/**
 * FSC's code for a refused caller: no token at all, a token that is not valid here, or a valid
 * token of a client that is not CBS (FSC: the wrong group).
 */
function fscCode(status: 401 | 403, hadToken: boolean): string {
  if (status === 403) return 'ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN';
  return hadToken ? 'ERROR_CODE_ACCESS_TOKEN_INVALID' : 'ERROR_CODE_ACCESS_TOKEN_MISSING';
}

export function problemResponse(
  status: number,
  code: string,
  detail: string,
  options: { instance?: string; hadToken?: boolean } = {},
): APIGatewayProxyStructuredResultV2 {
  const refused = status === 401 || status === 403;
  const fsc = refused ? fscCode(status, options.hadToken ?? false) : undefined;
  const body = {
    type: problemType(code),
    title: TITLES[status] ?? 'Fout',
    status,
    detail,
    ...(options.instance ? { instance: options.instance } : {}),
    ...(fsc ? { code: fsc, domain: 'ERROR_DOMAIN_INWAY' } : {}),
  };
  return {
    statusCode: status,
    headers: {
      'content-type': `${PROBLEM_JSON}; charset=utf-8`,
      'cache-control': 'no-store',
      ...(fsc ? { [FSC_ERROR_HEADER]: fsc } : {}),
      ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
    },
    body: JSON.stringify(body),
  };
}

/**
 * Rewrites the API's error answer (`{ error: { code, message } }`, from httpErrorHandler) into a
 * problem. A body that does not fit the contract — malformed, an unknown field, a wrong type — is
 * 400 here (DDAS: "ongeldig verzoek"), where the other routes answer 422; 422 is left for a request
 * that is well-formed but impossible (a period that ends before it starts, a page past the last).
 * Used before httpErrorHandler, so its `onError` runs after it (middy runs them in reverse).
 */
export function problemDetails(): middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext> {
  return {
    onError: (request) => {
      const response = request.response;
      if (!response || typeof response.body !== 'string' || (response.statusCode ?? 500) < 400) return;
      const { error } = JSON.parse(response.body) as { error?: ApiErrorBody };
      if (!error) return;
      const status = error.code === 'validation-failed' ? 400 : (response.statusCode as number);
      const details = error.code === 'validation-failed' ? ` ${firstFieldMessage(error)}` : '';
      request.response = problemResponse(status, error.code, `${error.message}${details}`.trim(), {
        instance: request.event.rawPath,
        hadToken: Boolean(request.event.headers?.authorization),
      });
    },
  };
}

/** The API's error answer, as httpErrorHandler writes it. */
interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details?: readonly { readonly field: string; readonly message: string }[];
}

/** The first field's message, so a problem (which has no field list) still says what was wrong. */
function firstFieldMessage(error: ApiErrorBody): string {
  const first = error.details?.[0];
  return first ? `${first.field ? `${first.field}: ` : ''}${first.message}` : '';
}
