// Ingest side by side: a 30,000-row rent-arrears file through the service (accept, then route), and
// the same rows through the floor — the least work that could store them: parse, then one
// BatchWriteItem item per row, into the same dynalite.
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parse } from 'csv-parse/sync';
import type { LocalRuntime } from '../infra/local/local-runtime.ts';
import { recordLambdaUsage } from './lambda-usage.ts';
import { type Counts, difference, requestsOf, type startSdkMeter } from './sdk-meter.ts';

const seconds = (ms: number) => Math.round(ms / 10) / 100;

/**
 * The service's SQS requests: the handlers' sends and the event source's receives, deletes and
 * visibility changes. Not the local drain's GetQueueAttributes, which only the harness makes.
 */
function serviceSqsRequests(counts: Counts): number {
  return requestsOf(counts, 'SQS') - (counts.requests['SQS.GetQueueAttributes'] ?? 0);
}

/** The same, as billed: each started 64 KB of payload a request (see sdk-meter.ts). */
function serviceSqsBilledRequests(counts: Counts): number {
  return counts.sqsBilledRequests - (counts.requests['SQS.GetQueueAttributes'] ?? 0);
}

export interface IngestFigures {
  readonly rows: number;
  readonly accepted: number;
  readonly acceptSeconds: number;
  /** `klaar` when the answer held the full receipt, `verwerken` when it came past the time budget. */
  readonly answeredStatus: string;
  readonly routeSeconds: number;
  readonly oursSeconds: number;
  readonly floorSeconds: number;
  readonly ratio: number;
  readonly ddbWritesPerSignal: number;
  readonly ddbRequestsPerSignal: number;
  readonly sqsRequestsPer1000Signals: number;
  /** SQS requests as billed (64 KB chunks of payload), per 1,000 signals. */
  readonly sqsBilledRequestsPer1000Signals: number;
  /** Lambda invocations and GB-seconds (handler time × configured memory) per 1,000 signals. */
  readonly lambdaInvocationsPer1000Signals: number;
  readonly lambdaGbSecondsPer1000Signals: number;
  readonly lambdaGbSecondsByFunction: Record<string, number>;
  readonly requests: Record<string, number>;
}

/**
 * The receipt once every row is decided: polled while the upload is `verwerken` (issue 11). Its
 * first page will do: the counts are whole on every page (DESIGN C4).
 */
async function finalReceipt(runtime: LocalRuntime, uploadId: string) {
  for (;;) {
    const response = await fetch(`${runtime.url}/intake/uploads/${uploadId}`, {
      headers: { authorization: 'Bearer dev-bo-ex' },
    });
    const receipt = (await response.json()) as { status?: string; counts: { accepted: number } };
    if (receipt.status !== 'verwerken') return receipt;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Ours: POST the file, answer (accept: a full receipt, or `verwerken` past the time budget), then
 * until every signal is routed (drain).
 */
async function ingestOurs(runtime: LocalRuntime, file: Buffer) {
  const started = performance.now();
  const response = await fetch(`${runtime.url}/intake/rent-arrears?attest=sociale-incasso`, {
    method: 'POST',
    headers: { authorization: 'Bearer dev-bo-ex', 'content-type': 'text/csv' },
    body: new Uint8Array(file),
  });
  const receipt = (await response.json()) as { uploadId?: string; status?: string };
  if (response.status !== 202 || !receipt.uploadId) throw new Error(`upload answered ${response.status}`);
  const answered = performance.now();
  const { counts } = await finalReceipt(runtime, receipt.uploadId);
  await runtime.drain(900_000);
  const routed = performance.now();
  return {
    accepted: counts.accepted,
    answeredStatus: receipt.status ?? 'klaar',
    acceptMs: answered - started,
    routeMs: routed - answered,
    totalMs: routed - started,
  };
}

/** The floor: decode and parse the CSV, then 25 rows per BatchWriteItem, four requests in flight. */
async function ingestFloor(dynamodb: DynamoDBClient, tableName: string, file: Buffer) {
  const started = performance.now();
  const rows = parse(new TextDecoder('windows-1252').decode(file), {
    delimiter: ';',
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const batches: Record<string, string>[][] = [];
  for (let start = 0; start < rows.length; start += 25) batches.push(rows.slice(start, start + 25));
  const send = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      let pending = batch.map((row) => ({
        PutRequest: {
          Item: {
            pk: { S: `FLOOR#${row.Huurdernummer}` },
            sk: { S: 'ROW' },
            row: { S: JSON.stringify(row) },
          },
        },
      }));
      while (pending.length) {
        const result = await dynamodb.send(
          new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }),
        );
        pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all([send(), send(), send(), send()]);
  return { rows: rows.length, ms: performance.now() - started };
}

export async function measureIngest(
  runtime: LocalRuntime,
  meter: ReturnType<typeof startSdkMeter>,
  file: Buffer,
): Promise<IngestFigures> {
  const before = meter.total();
  const lambda = recordLambdaUsage();
  const ours = await ingestOurs(runtime, file);
  const lambdaUsage = lambda.stop();
  const counts = difference(meter.total(), before);
  const floor = await ingestFloor(runtime.dynamodb, runtime.tableName, file);
  const perSignal = (value: number) => Math.round((value / ours.accepted) * 100) / 100;
  const per1000 = (value: number) => Math.round((value / ours.accepted) * 1000 * 1000) / 1000;
  return {
    rows: floor.rows,
    accepted: ours.accepted,
    acceptSeconds: seconds(ours.acceptMs),
    answeredStatus: ours.answeredStatus,
    routeSeconds: seconds(ours.routeMs),
    oursSeconds: seconds(ours.totalMs),
    floorSeconds: seconds(floor.ms),
    ratio: Math.round((floor.ms / ours.totalMs) * 100) / 100,
    ddbWritesPerSignal: perSignal(counts.ddbItemsWritten),
    ddbRequestsPerSignal: perSignal(requestsOf(counts, 'DynamoDB')),
    sqsRequestsPer1000Signals: Math.round((serviceSqsRequests(counts) / ours.accepted) * 1000),
    sqsBilledRequestsPer1000Signals: Math.round((serviceSqsBilledRequests(counts) / ours.accepted) * 1000),
    lambdaInvocationsPer1000Signals: per1000(lambdaUsage.invocations),
    lambdaGbSecondsPer1000Signals: per1000(lambdaUsage.gbSeconds),
    lambdaGbSecondsByFunction: Object.fromEntries(
      Object.entries(lambdaUsage.byFunction).map(([name, usage]) => [name, per1000(usage.gbSeconds)]),
    ),
    requests: counts.requests,
  };
}
