import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { HttpError } from './http-error.ts';

/**
 * What a Lambda may answer a synchronous call: 6 MB (AWS Lambda quotas, "invocation payload"). API
 * Gateway receives the result as JSON, so the body counts as a JSON string — every quote and
 * backslash escaped — beside the status and the headers.
 */
export const LAMBDA_RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024;

/** Room kept free under the limit for what the runtime adds to the result it serialises. */
const MARGIN_BYTES = 16 * 1024;

/** The bytes the Lambda runtime sends for this result. */
export function lambdaResponseBytes(result: APIGatewayProxyStructuredResultV2): number {
  return Buffer.byteLength(JSON.stringify(result), 'utf8');
}

/**
 * Issue 14: a DDAS page that would not fit in one answer is refused with the page size that would
 * (422), never cut short or failed with a 5xx — paging stays stable because the caller asks the whole
 * delivery again with that `pageSize`. Only zaken with far more contactpogingen than teams make
 * reach this (shared/application/ddas-gegevens.ts DDAS_RECORDS_PER_ANSWER).
 */
export function assertPageFitsResponse(
  result: APIGatewayProxyStructuredResultV2,
  page: { readonly currentPage: number; readonly pageSize: number; readonly records: number },
  limitBytes = LAMBDA_RESPONSE_LIMIT_BYTES,
): void {
  const bytes = lambdaResponseBytes(result);
  const budget = limitBytes - MARGIN_BYTES;
  if (bytes <= budget) return;
  // Scaled to the bytes per record of this page, with a tenth to spare, in hundreds when possible.
  const fitting = Math.max(1, Math.floor(((page.records || 1) * budget * 0.9) / bytes));
  const suggested = fitting >= 100 ? Math.floor(fitting / 100) * 100 : fitting;
  const megabytes = (bytes / (1024 * 1024)).toFixed(1).replace('.', ',');
  throw new HttpError(
    422,
    'pagina-te-groot',
    `Pagina ${page.currentPage} is met ${page.records} records ${megabytes} MB, te groot voor één antwoord (de grens is ${limitBytes / (1024 * 1024)} MB). Vraag de hele levering opnieuw op met pageSize ${suggested} (nu ${page.pageSize}), dan past elke pagina.`,
  );
}
