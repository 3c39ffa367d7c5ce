import {
  partnerIntakeDependencies,
  workDeadline,
} from '../../shared/adapters/partner-intake-dependencies.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { MAX_ENERGY_BATCH } from '../../shared/api/partner-intake-schemas.ts';
import { planEnergyDebts } from '../../shared/application/energy-debt-intake.ts';
import { receivePartnerUpload } from '../../shared/application/partner-upload.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { HttpError } from '../../shared/http/http-error.ts';
import { bodyBytes, idempotencyKeyOf } from '../../shared/http/idempotency-key.ts';
import { uploadResponse } from '../../shared/http/upload-response.ts';

const env = parseEnvironment(ENVIRONMENTS.partnerIntake);
const deps = await partnerIntakeDependencies(env, { 'energy-debts': planEnergyDebts });

/** `POST /intake/energy-debts` — Werk & Inkomen (API.md, DESIGN I1, I3–I6). */
export const handler = apiHandler(
  OPERATIONS.submitEnergyDebts,
  async ({ principal, body, event, context }) => {
    if (body.signals.length > MAX_ENERGY_BATCH) {
      throw new HttpError(
        413,
        'batch-too-large',
        `Een batch bevat hoogstens ${MAX_ENERGY_BATCH} signalen; deze bevat er ${body.signals.length}. Splits de batch.`,
      );
    }
    // The body as sent is what is stored and read again (I1), and what identifies a re-sent batch (I5).
    const answer = await receivePartnerUpload(
      {
        kind: 'energy-debts',
        source: principal.scope,
        bytes: bodyBytes(event),
        idempotencyKey: idempotencyKeyOf(event),
      },
      deps,
      workDeadline(Number(env.UPLOAD_TIME_BUDGET_MS), context),
    );
    return uploadResponse('Energieschulden ontvangen', answer);
  },
);
