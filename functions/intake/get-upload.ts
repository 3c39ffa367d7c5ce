import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoDeletionLog } from '../../shared/adapters/dynamodb-deletion-log.ts';
import { dynamoSignalStates } from '../../shared/adapters/dynamodb-signal-states.ts';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb-upload-store.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { positionOfCursor, readReceiptPage } from '../../shared/application/upload-receipt.ts';
import { assertAllowed } from '../../shared/auth/access-policy.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse, notFound } from '../../shared/http/http-error.ts';

const NOT_FOUND = 'Er is geen aanlevering met dit id van uw organisatie.';
const env = parseEnvironment(ENVIRONMENTS.uploads);
const uploads = dynamoUploadStore(dynamoDocumentClient(), env.TABLE_NAME);
const deps = {
  uploads,
  signals: dynamoSignalStates(dynamoDocumentClient(), env.TABLE_NAME),
  deletions: dynamoDeletionLog(dynamoDocumentClient(), env.TABLE_NAME),
};

/**
 * `GET /intake/uploads/{uploadId}[?cursor=…]` — a page of the receipt, with per-row feedback (C4);
 * while `verwerken`, of the lines decided so far and without feedback (I1). At most
 * RECEIPT_PAGE_SIZE lines and `cursor` when more follow, so the work per request is bounded however
 * large the upload; counts, status and progress are whole. Another partner's upload is answered as
 * not found: its existence is not theirs to know (P4).
 */
export const handler = apiHandler(OPERATIONS.getUpload, async ({ principal, params, query }) => {
  const header = await uploads.header(params.uploadId);
  if (!header) throw notFound('upload-not-found', NOT_FOUND);
  assertAllowed(
    principal,
    OPERATIONS.getUpload,
    { source: header.source },
    {
      notFound: { code: 'upload-not-found', message: NOT_FOUND },
    },
  );
  // Only now the cursor: another partner's upload stays a 404, whatever cursor comes with it.
  const page = await readReceiptPage(header, positionOfCursor(query.cursor, params.uploadId), deps);
  if (!page) throw notFound('upload-not-found', NOT_FOUND);
  return jsonResponse(200, page);
});
