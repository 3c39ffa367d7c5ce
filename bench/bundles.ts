// Bundles every Lambda function as the stack does (infra/bundling.ts), weighs it from esbuild's
// metafile, and times a cold start: importing the bundle in a fresh Node 24 process.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { esbuildOptionsFor } from '../infra/bundling.ts';
import { environmentFor, FUNCTIONS } from '../infra/function-catalog.ts';
import { localSigningMaterial } from '../infra/local/local-signing-material.ts';
import { LOCAL_SIGNING_FILE } from '../shared/adapters/local-payload-signer.ts';
import { QUEUES, type QueueName } from '../shared/resources.ts';

const ROOT = resolve(import.meta.dirname, '..');
// Inside the repository, so the external AWS SDK resolves from node_modules as from the runtime's.
const OUT = join(ROOT, '.bench', 'bundles');
const run = promisify(execFile);
/** The DDAS signing material the bundles start with, made once per bench run. */
const SIGNING_DIR = join(OUT, 'ddas-signing');

/** An HTTP route (someone waits for it) or a queue consumer / scheduled function (issue 13). */
export type FunctionKind = 'api' | 'consumer';

export interface BundleFigures {
  readonly kind: FunctionKind;
  readonly bytes: number;
  readonly coldInitMs: number;
}

/** Issue 13's cold-start budgets, bench median: people wait for the API, not for the queues. */
export const COLD_INIT_BUDGET_MS: Record<FunctionKind, number> = { api: 120, consumer: 200 };

export const kindOf = (definition: (typeof FUNCTIONS)[number]): FunctionKind =>
  definition.operations ? 'api' : 'consumer';

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** The variables Lambda would give the function; endpoints point nowhere, init makes no calls. */
function lambdaEnvironment(definition: (typeof FUNCTIONS)[number]): Record<string, string> {
  const queueUrls = Object.fromEntries(
    Object.keys(QUEUES).map((name) => [name, `http://127.0.0.1:9/000000000000/${name}`]),
  ) as Record<QueueName, string>;
  return {
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_LAMBDA_FUNCTION_NAME: definition.id,
    POWERTOOLS_SERVICE_NAME: 'buurtsignaal',
    POWERTOOLS_METRICS_NAMESPACE: 'Buurtsignaal',
    ...environmentFor(definition, {
      householdSecret: { value: 'bench-secret-bench-secret-bench-secret-0123' },
      // On AWS the signer reads its certificate chain from Secrets Manager at start, a call the bench
      // cannot make (the household secret above is a value for the same reason): the local key file.
      ddasSigning: { keyFile: join(SIGNING_DIR, LOCAL_SIGNING_FILE) },
      notifier: { kind: 'outbox' },
      tableName: 'buurtsignaal',
      queueUrls,
    }),
  };
}

const IMPORT_TIMER = `
const started = performance.now();
const module = await import(process.argv[1]);
if (typeof module.handler !== 'function') throw new Error('no handler');
process.stdout.write(String(performance.now() - started));
`;

async function coldInitMs(file: string, env: Record<string, string>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let attempt = 0; attempt < runs; attempt++) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', IMPORT_TIMER, file], {
      env,
      cwd: ROOT,
    });
    times.push(Number(stdout));
  }
  return Math.round(median(times) * 10) / 10;
}

export async function measureBundles(runs = 5): Promise<Record<string, BundleFigures>> {
  rmSync(OUT, { recursive: true, force: true });
  await localSigningMaterial(SIGNING_DIR);
  const figures: Record<string, BundleFigures> = {};
  for (const definition of FUNCTIONS) {
    const dir = join(OUT, definition.id);
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, 'index.mjs');
    const result = await build({
      ...esbuildOptionsFor(join(ROOT, definition.entry), outfile),
      metafile: true,
      logLevel: 'error',
    });
    const output =
      result.metafile.outputs[
        Object.keys(result.metafile.outputs).find((name) => name.endsWith('.mjs')) as string
      ];
    figures[definition.id] = {
      kind: kindOf(definition),
      bytes: output?.bytes ?? 0,
      coldInitMs: await coldInitMs(outfile, lambdaEnvironment(definition), runs),
    };
  }
  return figures;
}
