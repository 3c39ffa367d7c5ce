// Issue 14, acceptance 3: the DDAS delivery at volume. DDAS_SIGNALS (default 60,000) routed debt
// signals received over November are stored directly (this measures the delivery, not the intake),
// then CBS pulls the month page by page, asking DDAS_PAGE_SIZE (default 25,000): per page the time
// to answer, the DynamoDB items read and the bytes of the answer — against Lambda's 6 MB, which is
// why the answered page is smaller (docs/ddas.md).

import type { LocalRuntime } from '../infra/local/local-runtime.ts';
import { documentClientOf } from '../shared/adapters/aws-clients.ts';
import { dynamoSignalRepository } from '../shared/adapters/dynamodb-signal-repository.ts';
import { debtSignalToSignal } from '../shared/domain/debt-signal.ts';
import { municipalCalendar } from '../shared/domain/municipal-calendar.ts';
import type { Signal } from '../shared/domain/signal.ts';
import { LAMBDA_RESPONSE_LIMIT_BYTES, lambdaResponseBytes } from '../shared/http/lambda-response-limit.ts';
import { difference, type startSdkMeter } from './sdk-meter.ts';

export interface DdasPageFigures {
  readonly page: number;
  readonly records: number;
  readonly ms: number;
  readonly ddbItemsRead: number;
  readonly ddbRequests: number;
  readonly bytes: number;
  /** What the Lambda runtime would send for this answer: the body as a JSON string, and the headers. */
  readonly lambdaBytes: number;
}

export interface DdasFigures {
  readonly signals: number;
  /** The page size asked. */
  readonly pageSize: number;
  /** The page size answered (`paginering.pageSize`): smaller where the asked one would not fit. */
  readonly answeredPageSize: number;
  readonly totalPages: number;
  readonly totalRecords: number;
  readonly distinctDelivered: number;
  readonly pages: readonly DdasPageFigures[];
  /** Lambda's response limit; a page above it could not be answered on AWS. */
  readonly lambdaLimitBytes: number;
}

const NO_HISTORY = {
  meervoudig: false,
  opeenvolgend: false,
  sameMonthOpenSignalIds: [],
  declinedRecently: false,
};

function signalOf(index: number): Signal {
  // 1–30 November, spread over the working hours, in Amsterdam (UTC+1).
  const receivedAt = new Date(Date.UTC(2026, 10, 1 + (index % 30), 7 + (index % 9), index % 60, index % 57));
  const result = debtSignalToSignal(
    {
      sourceReference: `ddas-bench-${index}`,
      kind: index % 3 === 0 ? 'energieschuld' : 'huurachterstand',
      person: { surname: 'Bench', birthDate: '1980-05-01', ...(index % 2 ? { bsn: '111222333' } : {}) },
      address: { postcode: '3561AB', houseNumber: 1 + (index % 90_000) },
      amount: 300 + (index % 2000) + 0.5,
      arrearsSince: '2026-08-01',
      minorsInHousehold: 0,
    },
    {
      signalId: `sig_bench_${String(index).padStart(8, '0')}`,
      source: 'bo-ex',
      receivedAt,
      householdKey: `hh-bench-${index}`,
      household: NO_HISTORY,
      calendar: municipalCalendar,
    },
  );
  if (!result.routed) throw new Error('a generated signal must route');
  return result.signal;
}

export async function measureDdasPages(
  runtime: LocalRuntime,
  meter: ReturnType<typeof startSdkMeter>,
  signals: number,
  pageSize: number,
): Promise<DdasFigures> {
  const repository = dynamoSignalRepository(
    documentClientOf(runtime.dynamodb),
    runtime.tableName,
    runtime.clock,
  );
  for (let start = 0; start < signals; start += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, signals - start) }, (_, offset) =>
      signalOf(start + offset),
    );
    await repository.putNew(batch);
  }
  runtime.clock.set(new Date('2026-12-03T09:00:00+01:00'));

  const pages: DdasPageFigures[] = [];
  const delivered = new Set<string>();
  let totals = { totalPages: 1, totalRecords: 0 };
  let answeredPageSize = 0;
  for (let page = 1; page <= totals.totalPages; page++) {
    const before = meter.total();
    const started = performance.now();
    const response = await fetch(`${runtime.url}/ddas/v1/gegevens`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-cbs', 'content-type': 'application/json' },
      body: JSON.stringify({
        aanleverperiodeStartdatum: '2026-11-01',
        aanleverperiodeEinddatum: '2026-11-30',
        page,
        pageSize,
      }),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`page ${page} answered ${response.status}`);
    const counts = difference(meter.total(), before);
    const answer = JSON.parse(bytes.toString('utf8')) as {
      gegevens: { leveringen: [{ vroegsignalen: { ID: string }[] }] };
      paginering: { pageSize: number; totalPages: number; totalRecords: number };
    };
    totals = answer.paginering;
    answeredPageSize = answer.paginering.pageSize;
    const headers = Object.fromEntries(response.headers.entries());
    const records = answer.gegevens.leveringen[0].vroegsignalen;
    for (const record of records) delivered.add(record.ID);
    pages.push({
      page,
      records: records.length,
      ms: Math.round(ms),
      ddbItemsRead: counts.ddbItemsRead,
      ddbRequests: Object.entries(counts.requests)
        .filter(([key]) => key.startsWith('DynamoDB.'))
        .reduce((sum, [, value]) => sum + value, 0),
      bytes: bytes.length,
      lambdaBytes: lambdaResponseBytes({
        statusCode: response.status,
        headers,
        body: bytes.toString('utf8'),
      }),
    });
  }
  // Every record once over the pages, as the totals say: a paging fault fails the bench loudly.
  if (
    delivered.size !== totals.totalRecords ||
    pages.reduce((sum, page) => sum + page.records, 0) !== delivered.size
  )
    throw new Error(`the pages delivered ${delivered.size} distinct records of ${totals.totalRecords}`);
  return {
    signals,
    pageSize,
    answeredPageSize,
    totalPages: totals.totalPages,
    totalRecords: totals.totalRecords,
    distinctDelivered: delivered.size,
    pages,
    lambdaLimitBytes: LAMBDA_RESPONSE_LIMIT_BYTES,
  };
}
