// `npm run bench` (issue 7): cost per signal, ingest against the floor, bundles and cold starts, the
// sweep and the inbox under load — measured side by side in one run on this machine, against the
// local runtime (dynalite + local-aws-sqs through the real SDK clients). Prints one JSON object;
// progress goes to stderr. The README explains each figure. Not a test: figures are reported.
//
// Each load section runs in a child process of its own: the handlers keep their SDK clients at
// module scope (as on Lambda), bound to one runtime's endpoints, and a fresh data directory per
// section keeps the figures apart.
import { execFile } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { promisify } from 'node:util';
import { measureBundles } from './bundles.ts';

const TARGETS = {
  ratio: '>= 0.5',
  ddbWritesPerSignal: '<= 3',
  sqsRequestsPer1000Signals: '<= 150',
  bundleBytes: '<= 409600 (400 KB)',
  coldInitMs: '<= 150',
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
const ingest = await section<Record<string, number>>('ingest');
progress(`team load: ${process.env.OPEN_SIGNALS ?? 10_000} open and 10 due signals in one team`);
const teamLoad = await section<Record<string, number>>('team-load');

const bundleValues = Object.values(bundles);
console.log(
  JSON.stringify(
    {
      machine: { node: process.version, cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
      ingest,
      ddbWritesPerSignal: ingest.ddbWritesPerSignal,
      sqsRequestsPer1000Signals: ingest.sqsRequestsPer1000Signals,
      bundles,
      largestBundleBytes: Math.max(...bundleValues.map((bundle) => bundle.bytes)),
      slowestColdInitMs: Math.max(...bundleValues.map((bundle) => bundle.coldInitMs)),
      sweepReadsPerDue: teamLoad.sweepReadsPerDue,
      inboxMs: teamLoad.inboxMs,
      teamLoad,
      targets: TARGETS,
    },
    null,
    2,
  ),
);
