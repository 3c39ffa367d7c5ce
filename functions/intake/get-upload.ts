import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoDeletionLog } from '../../shared/adapters/dynamodb-deletion-log.ts';
import { dynamoSignalStates } from '../../shared/adapters/dynamodb-signal-states.ts';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb-upload-store.ts';
import { OPERATIONS } from '../../shared/api/operations.ts';
import { linesOf, receiptOf } from '../../shared/application/partner-upload.ts';
import { withFeedback } from '../../shared/application/upload-feedback.ts';
import { assertAllowed } from '../../shared/auth/access-policy.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse, notFound } from '../../shared/http/http-error.ts';

const NOT_FOUND = 'Er is geen aanlevering met dit id van uw organisatie.';
const env = parseEnvironment(ENVIRONMENTS.uploads);
const uploads = dynamoUploadStore(dynamoDocumentClient(), env.TABLE_NAME);
const feedbackSources = {
  signals: dynamoSignalStates(dynamoDocumentClient(), env.TABLE_NAME),
  deletions: dynamoDeletionLog(dynamoDocumentClient(), env.TABLE_NAME),
};

/**
 * `GET /intake/uploads/{uploadId}` — the receipt with per-row feedback (C4); while `verwerken`, the
 * lines decided so far and the progress (I1), without feedback. Another partner's upload is answered as not found:
 * its existence is not theirs to know (P4).
 */
export const handler = apiHandler(OPERATIONS.getUpload, async ({ principal, params }) => {
  const state = await uploads.read(params.uploadId);
  if (!state) throw notFound('upload-not-found', NOT_FOUND);
  assertAllowed(
    principal,
    OPERATIONS.getUpload,
    { source: state.header.source },
    {
      notFound: { code: 'upload-not-found', message: NOT_FOUND },
    },
  );
  const receipt = receiptOf(state.header, linesOf(state));
  // While `verwerken` a client polls for progress: nothing is routed far yet, and reading the
  // feedback of every decided row on each poll would weigh on a store that is busy already.
  if (receipt.status === 'verwerken') return jsonResponse(200, receipt);
  return jsonResponse(200, await withFeedback(receipt, feedbackSources));
});
