import type middy from '@middy/core';
import multipartBodyParser from '@middy/http-multipart-body-parser';
import {
  partnerIntakeDependencies,
  workDeadline,
} from '../../shared/adapters/partner-intake-dependencies.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { receivePartnerUpload } from '../../shared/application/partner-upload.ts';
import { planRentArrears } from '../../shared/application/rent-arrears-intake.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { HttpError } from '../../shared/http/http-error.ts';
import { idempotencyKeyOf } from '../../shared/http/idempotency-key.ts';
import {
  type ApiContext,
  type ApiEvent,
  type ApiResult,
  MAX_REQUEST_BYTES,
} from '../../shared/http/middlewares.ts';
import { uploadResponse } from '../../shared/http/upload-response.ts';
import { uploadedFile } from '../../shared/http/uploaded-file.ts';
import { CsvFileError } from '../../shared/intake/csv-file.ts';
import { logger } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.partnerIntake);
const deps = await partnerIntakeDependencies(env, { 'rent-arrears': planRentArrears });

// Multipart forms are parsed by middy; a raw text/csv body is left for uploadedFile().
const multipart = multipartBodyParser({
  disableContentTypeError: true,
  busboy: { limits: { fileSize: MAX_REQUEST_BYTES + 1, files: 1 } },
}) as unknown as middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext>;

/** `POST /intake/rent-arrears?attest=sociale-incasso` — housing corporations (API.md, DESIGN I1–I6, C1). */
export const handler = apiHandler(
  OPERATIONS.submitRentArrears,
  async ({ principal, query, event, context }) => {
    const file = uploadedFile(event);
    if (query.attest !== 'sociale-incasso') {
      throw new HttpError(
        422,
        'attestation-required',
        'Bevestig met ?attest=sociale-incasso dat de stappen van de sociale incasso zijn gezet: herinnering, contactpoging, wijzen op hulp en aanbod om gegevens te delen (Wgs).',
      );
    }
    try {
      const answer = await receivePartnerUpload(
        {
          kind: 'rent-arrears',
          source: principal.scope,
          ...file,
          attestation: query.attest,
          idempotencyKey: idempotencyKeyOf(event),
        },
        deps,
        workDeadline(Number(env.UPLOAD_TIME_BUDGET_MS), context),
      );
      return uploadResponse('Huurachterstandenlijst ontvangen', answer);
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      logger.info('Huurachterstandenlijst geweigerd', { code: error.code });
      const details = error.row
        ? [{ field: `rij ${error.row}`, code: error.code, message: error.message }]
        : undefined;
      throw new HttpError(422, error.code, error.message, error.details ?? details);
    }
  },
  { middlewares: [multipart] },
);
