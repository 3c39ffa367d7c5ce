import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { ddasDependencies, ddasSigner } from '../../shared/adapters/ddas-dependencies.ts';
import { dynamoDeliveryAudit } from '../../shared/adapters/dynamodb-delivery-audit.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import {
  DdasUnprocessableError,
  ddasGegevens,
  deliveryAuditEntryOf,
} from '../../shared/application/ddas-gegevens.ts';
import {
  DIGEST_HEADER,
  PAYLOAD_SIGNATURE_HEADER,
  signDelivery,
} from '../../shared/application/delivery-signature.ts';
import { accessTokenVerifierFrom } from '../../shared/auth/access-token.ts';
import { amsterdamDateOf } from '../../shared/domain/amsterdam-time.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { type ApiRequest, apiHandler } from '../../shared/http/api-handler.ts';
import { HttpError } from '../../shared/http/http-error.ts';
import { assertPageFitsResponse } from '../../shared/http/lambda-response-limit.ts';
import type { ApiResult } from '../../shared/http/middlewares.ts';
import { logger } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.ddasDelivery);
// On AWS the route has no authorizer: the function checks CBS's token itself, so that a refusal
// carries Fsc-Error-Code (issue 14). Locally undefined: the gateway checked the dev token.
const verifyToken = accessTokenVerifierFrom(env);
const deps = ddasDependencies(env);
const deliveries = dynamoDeliveryAudit(dynamoDocumentClient(), env.TABLE_NAME);
const signer = await ddasSigner(env);

/**
 * `POST /ddas/v1/gegevens` — CBS pulls a page of the municipality's vroegsignalen (DESIGN X1–X3):
 * the Uitwisselmodel v1.2 with `paginering`, signed over the exact bytes it answers.
 */
async function deliver({ principal, body }: ApiRequest<typeof OPERATIONS.ddasGegevens>): Promise<ApiResult> {
  let answer: Awaited<ReturnType<typeof ddasGegevens>>;
  try {
    answer = await ddasGegevens(body, deps, amsterdamDateOf(deps.clock.now()));
  } catch (error) {
    if (error instanceof DdasUnprocessableError) throw new HttpError(422, error.code, error.message);
    throw error;
  }
  const { gegevens, paginering } = answer;
  const bytes = Buffer.from(JSON.stringify({ gegevens, paginering }), 'utf8');
  const signature = await signDelivery(bytes, signer);
  const result = {
    statusCode: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      [DIGEST_HEADER]: signature.digest,
      [PAYLOAD_SIGNATURE_HEADER]: signature.payloadSignature,
    },
    body: bytes.toString('utf8'),
  };
  // A page Lambda could not answer (6 MB) is refused with the size that fits, before it is on record.
  const records = gegevens.leveringen[0].vroegsignalen.length;
  assertPageFitsResponse(result, { ...paginering, records });
  // X3: every delivery on record — who, the period, the page and the counts; no personal data (P2).
  const entry = deliveryAuditEntryOf(answer, principal.id, deps.clock.now());
  await deliveries.record(entry);
  logger.info('DDAS-levering', { ...entry });
  return result;
}

export const handler = apiHandler(OPERATIONS.ddasGegevens, deliver, { verifyToken });
