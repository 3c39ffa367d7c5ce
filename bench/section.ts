// One load section of `npm run bench`, in a process of its own (see run.ts): starts a local runtime
// on a fresh data directory, measures, prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime } from '../infra/local/local-runtime.ts';
import { measureBrpFaults } from './brp-faults.ts';
import { measureCost } from './cost.ts';
import { measureDdasPages } from './ddas-pages.ts';
import { measureIngest } from './ingest.ts';
import { rentArrearsCsv } from './rent-arrears-file.ts';
import { startSdkMeter } from './sdk-meter.ts';
import { measureTeamLoad } from './team-load.ts';

const name = process.argv[2];
const dataDir = mkdtempSync(join(tmpdir(), 'buurtsignaal-bench-'));
const runtime = await startLocalRuntime({
  dataDir,
  logLevel: 'ERROR',
  ...(name === 'brp-off' ? { brp: 'none' as const } : {}),
});
const meter = startSdkMeter();
try {
  let figures: unknown;
  if (name === 'ingest') {
    figures = await measureIngest(runtime, meter, rentArrearsCsv(Number(process.env.ROWS ?? 30_000)));
  } else if (name === 'cost') {
    const rows = Number(process.env.COST_ROWS ?? 3_000);
    figures = await measureCost(runtime, rentArrearsCsv(rows), rows);
  } else if (name === 'team-load') {
    // The module the runtime loaded, so the sweep runs with the runtime's clients and clock.
    const { handler } = await import('../functions/signals/sweep.ts');
    figures = await measureTeamLoad(
      runtime,
      meter,
      handler as never,
      Number(process.env.OPEN_SIGNALS ?? 10_000),
    );
  } else if (name === 'ddas') {
    figures = await measureDdasPages(
      runtime,
      meter,
      Number(process.env.DDAS_SIGNALS ?? 60_000),
      Number(process.env.DDAS_PAGE_SIZE ?? 25_000),
    );
  } else if (name === 'brp' || name === 'brp-off') {
    const rows = Number(process.env.BRP_ROWS ?? 3_000);
    figures = await measureBrpFaults(
      runtime,
      meter,
      rows,
      name === 'brp' ? ['none', 'down', 'slow'] : ['none'],
    );
  } else {
    throw new Error(`unknown section ${name}`);
  }
  console.log(JSON.stringify(figures));
} finally {
  meter.stop();
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
