// `npm run bench` (issue 7): cost per signal, ingest against the floor, bundles and cold starts, the
// sweep and the inbox under load — measured side by side in one run on this machine, against the
// local runtime (dynalite + local-aws-sqs through the real SDK clients). Prints one JSON object;
// progress goes to stderr. The README explains each figure. Not a test: figures are reported.
//
// Each load section runs in a child process of its own: the handlers keep their SDK clients at
// module scope (as on Lambda), bound to one runtime's endpoints, and a fresh data directory per
// section keeps the figures apart.
//
// Issue 13: the bill in AWS units — DynamoDB request units per routed signal, base table and every
// index, from a separate untimed cost pass (COST_ROWS, default 3,000: its meter reads each written
// item before and after), Lambda GB-seconds and SQS requests from the timed ingest, and dollars per
// 1,000 signals at the list prices of bench/prices.ts. docs/benchmark.md explains how.
import { execFile } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { promisify } from 'node:util';
import { COLD_INIT_BUDGET_MS, type FunctionKind, measureBundles } from './bundles.ts';
import type { CostFigures } from './cost.ts';
import type { DdasFigures } from './ddas-pages.ts';
import type { IngestFigures } from './ingest.ts';
import { PRICES, usdPer1000Signals } from './prices.ts';

const TARGETS = {
  ratio: '>= 0.5',
  ddbWritesPerSignal: '<= 3',
  wruPerSignal: '<= 6 (floor: 1)',
  rruPerSignal: '<= 3',
  sqsRequestsPer1000Signals: '<= 150',
  bundleBytes: '<= 409600 (400 KB)',
  coldInitMs: { api: `<= ${COLD_INIT_BUDGET_MS.api}`, consumer: `<= ${COLD_INIT_BUDGET_MS.consumer}` },
  sweepReadsPerDue: '<= 1.5',
  inboxMs: '<= 50',
};

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function section<T>(name: string): Promise<T> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [import.meta.filename.replace(/run\.ts$/, 'section.ts'), name],
    { maxBuffer: 64 * 2 ** 20, env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' } },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as T;
}

progress('bundles: esbuild with the stack’s options, then 5 cold imports each');
const bundles = await measureBundles(5);
progress(`ingest: ${process.env.ROWS ?? 30_000} rows through the service, then through the floor`);
const ingest = await section<IngestFigures>('ingest');
progress(`cost: ${process.env.COST_ROWS ?? 3_000} rows again, every DynamoDB request priced (untimed)`);
const cost = await section<CostFigures>('cost');
progress(`team load: ${process.env.OPEN_SIGNALS ?? 10_000} open and 10 due signals in one team`);
const teamLoad = await section<Record<string, number>>('team-load');
progress(
  `ddas: ${process.env.DDAS_SIGNALS ?? 60_000} debt signals of November, delivered to CBS page by page`,
);
const ddas = await section<DdasFigures>('ddas');
progress(`brp: ${process.env.BRP_ROWS ?? 3_000} rows without a BRP, then with it answering, down and slow`);
const brp = {
  withoutBrp: (await section<Record<string, unknown>>('brp-off')).none,
  ...(await section<Record<string, unknown>>('brp')),
};

// The bill per 1,000 routed signals: request units from the cost pass, SQS requests and Lambda
// GB-seconds from the timed ingest (the cost pass's extra reads would inflate both).
const usd = usdPer1000Signals({
  writeRequestUnits: cost.wruPerSignal * 1000,
  readRequestUnits: cost.rruPerSignal * 1000,
  sqsBilledRequests: ingest.sqsBilledRequestsPer1000Signals,
  lambdaGbSeconds: ingest.lambdaGbSecondsPer1000Signals,
  lambdaInvocations: ingest.lambdaInvocationsPer1000Signals,
});

const bundleValues = Object.values(bundles);
const slowest = (kind: FunctionKind) =>
  Math.max(...bundleValues.filter((bundle) => bundle.kind === kind).map((bundle) => bundle.coldInitMs));
const overBudget = Object.entries(bundles)
  .filter(([, bundle]) => bundle.coldInitMs > COLD_INIT_BUDGET_MS[bundle.kind])
  .map(([id]) => id);
console.log(
  JSON.stringify(
    {
      machine: { node: process.version, cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
      ingest,
      ddbWritesPerSignal: ingest.ddbWritesPerSignal,
      sqsRequestsPer1000Signals: ingest.sqsRequestsPer1000Signals,
      wruPerSignal: cost.wruPerSignal,
      rruPerSignal: cost.rruPerSignal,
      lambdaGbSecondsPer1000Signals: ingest.lambdaGbSecondsPer1000Signals,
      usdPer1000Signals: usd.total,
      usdPer1000SignalsByService: usd.parts,
      prices: PRICES,
      cost,
      bundles,
      largestBundleBytes: Math.max(...bundleValues.map((bundle) => bundle.bytes)),
      slowestColdInitMs: { api: slowest('api'), consumer: slowest('consumer') },
      coldInitOverBudget: overBudget,
      sweepReadsPerDue: teamLoad.sweepReadsPerDue,
      inboxMs: teamLoad.inboxMs,
      teamLoad,
      ddas,
      brp,
      targets: TARGETS,
    },
    null,
    2,
  ),
);
