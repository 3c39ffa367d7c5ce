import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { ddasDependencies, ddasSigner } from '../../shared/adapters/ddas-dependencies.ts';
import { dynamoDeliveryAudit } from '../../shared/adapters/dynamodb-delivery-audit.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { DdasUnprocessableError, ddasGegevens } from '../../shared/application/ddas-gegevens.ts';
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
  const { gegevens, paginering, leftOut } = answer;
  const bytes = Buffer.from(JSON.stringify({ gegevens, paginering }), 'utf8');
  const signature = await signDelivery(bytes, signer);
  const [levering] = gegevens.leveringen;
  // X3: every delivery on record — who, the period, the page and the counts; no personal data (P2).
  const entry = {
    at: deps.clock.now().toISOString(),
    principalId: principal.id,
    start: gegevens.startdatumLevering,
    end: gegevens.einddatumLevering,
    page: paginering.currentPage,
    pageSize: paginering.pageSize,
    totalRecords: paginering.totalRecords,
    vroegsignalen: levering.vroegsignalen.length,
    vroegsignaalzaken: levering.vroegsignaalzaken.length,
    leftOut: leftOut.length,
  };
  await deliveries.record(entry);
  logger.info('DDAS-levering', entry);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      [DIGEST_HEADER]: signature.digest,
      [PAYLOAD_SIGNATURE_HEADER]: signature.payloadSignature,
    },
    body: bytes.toString('utf8'),
  };
}

export const handler = apiHandler(OPERATIONS.ddasGegevens, deliver, { verifyToken });
