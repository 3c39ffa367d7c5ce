import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { FieldError } from '../api/zod-dutch.ts';

/** An error that already knows its HTTP status, kebab-case code and Dutch message (API.md errors). */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: readonly FieldError[] | undefined;

  constructor(status: number, code: string, message: string, details?: readonly FieldError[]) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const unauthorized = () =>
  new HttpError(401, 'unauthorized', 'Niet aangemeld: stuur een geldig token mee (Authorization: Bearer …).');

export const forbidden = (message = 'Geen toegang: uw rol of scope staat deze handeling niet toe.') =>
  new HttpError(403, 'forbidden', message);

export const notFound = (code: string, message: string) => new HttpError(404, code, message);

export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  details?: readonly FieldError[],
): APIGatewayProxyStructuredResultV2 {
  return jsonResponse(status, { error: { code, message, ...(details?.length ? { details } : {}) } });
}
