import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { UploadAnswer } from '../application/partner-upload.ts';
import { logger, metrics } from '../observability.ts';
import { jsonResponse } from './http-error.ts';
import { REPLAYED_HEADER } from './idempotency-key.ts';
import type { ApiResult } from './middlewares.ts';

/**
 * The 202 of a partner upload (API.md): the receipt, marked when it repeats an earlier answer (I5).
 * Logs ids, status and counts only (P2); counts the rows received once, not again for a replay.
 */
export function uploadResponse(message: string, { receipt, replayed }: UploadAnswer): ApiResult {
  logger.info(message, { uploadId: receipt.uploadId, status: receipt.status, replayed, ...receipt.counts });
  if (!replayed) metrics.addMetric('PartnerRowsReceived', MetricUnit.Count, receipt.progress.received);
  return jsonResponse(202, receipt, replayed ? { [REPLAYED_HEADER]: 'true' } : {});
}
