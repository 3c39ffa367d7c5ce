import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb-upload-store.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';

const env = parseEnvironment(ENVIRONMENTS.uploads);
const uploads = dynamoUploadStore(dynamoDocumentClient(), env.TABLE_NAME);

/** `GET /intake/uploads` — a partner's own uploads, newest first (DESIGN P4): keyed by its own scope. */
export const handler = apiHandler(OPERATIONS.listUploads, async ({ principal, query }) => {
  const cursor = query.cursor ? Buffer.from(query.cursor, 'base64url').toString('utf8') : undefined;
  const page = await uploads.list(principal.scope, { limit: query.limit, cursor });
  return jsonResponse(200, {
    items: page.items,
    ...(page.cursor ? { cursor: Buffer.from(page.cursor).toString('base64url') } : {}),
  });
});
