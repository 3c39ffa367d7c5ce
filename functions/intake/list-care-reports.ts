import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { dynamoCareReportListing } from '../../shared/adapters/dynamodb-care-report-listing.ts';
import { dynamoDeletionLog } from '../../shared/adapters/dynamodb-deletion-log.ts';
import { dynamoReceiptStore } from '../../shared/adapters/dynamodb-receipt-store.ts';
import { dynamoSignalStates } from '../../shared/adapters/dynamodb-signal-states.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { listOwnCareReports } from '../../shared/application/care-report-list.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';
import { logger } from '../../shared/observability.ts';

const env = parseEnvironment(ENVIRONMENTS.careReportFeedback);
const client = dynamoDocumentClient();
const deps = {
  listing: dynamoCareReportListing(client, env.TABLE_NAME),
  signals: dynamoSignalStates(client, env.TABLE_NAME),
  deletions: dynamoDeletionLog(client, env.TABLE_NAME),
  receipts: dynamoReceiptStore(client, env.TABLE_NAME),
};

/**
 * `GET /intake/care-reports` — the police's own care reports, newest first, with feedback (issue 15,
 * C4). Read under the caller's own scope, so a partner only ever lists its own (P4).
 */
export const handler = apiHandler(OPERATIONS.listCareReports, async ({ principal, query }) => {
  const page = await listOwnCareReports(principal.scope, query, deps);
  logger.info('Zorgmeldingen getoond', { count: page.items.length });
  return jsonResponse(200, page);
});
