// The cost pass of `npm run bench` (issue 13): a rent-arrears file through the service — accepted,
// every signal routed, then the partner reads its receipt once, every page — with every DynamoDB
// request priced in request units, per table and index (capacity-meter.ts). A pass of its own, smaller than the timed ingest and never timed: the
// meter reads every written item before and after, which slows the service down. Request units are
// counts, so a 3,000-row file gives the per-signal figures of a 30,000-row one, less the per-upload
// items spread over ten times fewer signals.

import { currentFunctionName } from '../infra/local/lambda-context.ts';
import type { LocalRuntime } from '../infra/local/local-runtime.ts';
import { LOCAL_REGION } from '../infra/local/local-sqs.ts';
import { TABLE } from '../shared/resources.ts';
import { startCapacityMeter } from './capacity-meter.ts';

export interface CostFigures {
  readonly rows: number;
  readonly accepted: number;
  /** Signals stored as routed (`type: signal`): the denominator of every figure below. */
  readonly routedSignals: number;
  readonly wruPerSignal: number;
  readonly rruPerSignal: number;
  /** WRU per routed signal on the base table and on each index. */
  readonly wruPerSignalByIndex: Record<string, number>;
  readonly rruPerSignalByIndex: Record<string, number>;
  /** Per routed signal, by kind of item (key prefixes) and by function. */
  readonly byKind: Record<string, { wru: number; rru: number }>;
  readonly byFunction: Record<string, { wru: number; rru: number }>;
  readonly created: Record<string, number>;
  /** DynamoDB requests the meter could not price: should be empty. */
  readonly unpriced: Record<string, number>;
  /** Average bytes of what was written, by kind of item and per index entry (`index:inbox`). */
  readonly averageBytes: Record<string, number>;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const headers = { authorization: 'Bearer dev-bo-ex' };

/**
 * Upload, route everything, then read the receipt once with its feedback (C4), following `cursor`
 * over its pages: the feedback of a signal routed, as a partner sees it after routing. (Read while
 * routing goes on, a signal not stored yet is also looked up in the deletion log: the timed pass's
 * early receipt does that, so its own DynamoDB counts are not the cost pass's.)
 */
async function ingest(runtime: LocalRuntime, file: Buffer): Promise<number> {
  const response = await fetch(`${runtime.url}/intake/rent-arrears?attest=sociale-incasso`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: new Uint8Array(file),
  });
  const { uploadId } = (await response.json()) as { uploadId?: string };
  if (response.status !== 202 || !uploadId) throw new Error(`upload answered ${response.status}`);
  await runtime.drain(900_000);
  let accepted = 0;
  let cursor: string | undefined;
  do {
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const page = (await (
      await fetch(`${runtime.url}/intake/uploads/${uploadId}${query}`, { headers })
    ).json()) as {
      status?: string;
      cursor?: string;
      counts: { accepted: number };
    };
    if (page.status === 'verwerken') throw new Error('upload still verwerken after the drain');
    accepted = page.counts.accepted;
    cursor = page.cursor;
  } while (cursor);
  return accepted;
}

export async function measureCost(runtime: LocalRuntime, file: Buffer, rows: number): Promise<CostFigures> {
  const meter = startCapacityMeter({
    endpoint: runtime.endpoints.dynamodb,
    region: LOCAL_REGION,
    table: TABLE,
    functionName: currentFunctionName,
  });
  let accepted: number;
  try {
    accepted = await ingest(runtime, file);
  } finally {
    meter.stop();
  }
  const totals = meter.totals();
  const routed = totals.created['SIGNAL/SIGNAL:signal'] ?? 0;
  const per = (value: number) => round(value / routed);
  const tallies = (map: Record<string, { wru: number; rru: number }>) =>
    Object.fromEntries(
      Object.entries(map)
        .sort(([, a], [, b]) => b.wru + b.rru - (a.wru + a.rru))
        .map(([name, tally]) => [name, { wru: per(tally.wru), rru: per(tally.rru) }]),
    );
  const sum = (units: { table: number; indexes: Record<string, number> }) =>
    units.table + Object.values(units.indexes).reduce((total, value) => total + value, 0);
  const byIndex = (units: { table: number; indexes: Record<string, number> }) => ({
    table: per(units.table),
    ...Object.fromEntries(Object.entries(units.indexes).map(([name, value]) => [name, per(value)])),
  });
  return {
    rows,
    accepted,
    routedSignals: routed,
    wruPerSignal: per(sum(totals.wru)),
    rruPerSignal: per(sum(totals.rru)),
    wruPerSignalByIndex: byIndex(totals.wru),
    rruPerSignalByIndex: byIndex(totals.rru),
    byKind: tallies(totals.byKind),
    byFunction: tallies(totals.byFunction),
    created: totals.created,
    unpriced: totals.unpriced,
    averageBytes: Object.fromEntries(
      Object.entries(totals.written).map(([name, { bytes, count }]) => [name, Math.round(bytes / count)]),
    ),
  };
}
