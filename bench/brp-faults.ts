// Issue 16 acceptance 3 (DESIGN B3): the same rent-arrears upload with the BRP stand-in answering,
// down and slow, in one runtime — the upload's answer must not wait for the BRP, and routing goes on
// without it. A runtime without any BRP (`brp-off`) gives the "before issue 16" figures.

import type { BrpFault } from '../infra/local/brp-stand-in.ts';
import type { LocalRuntime } from '../infra/local/local-runtime.ts';
import { measureIngest } from './ingest.ts';
import { rentArrearsCsv } from './rent-arrears-file.ts';
import type { startSdkMeter } from './sdk-meter.ts';

export interface BrpIngestFigures {
  readonly acceptSeconds: number;
  readonly routeSeconds: number;
  readonly answeredStatus: string;
}

/** One upload of `rows` per fault (other tenants each time, so none is a duplicate). */
export async function measureBrpFaults(
  runtime: LocalRuntime,
  meter: ReturnType<typeof startSdkMeter>,
  rows: number,
  faults: readonly BrpFault[],
): Promise<Record<string, BrpIngestFigures & { readonly retriedLater?: number }>> {
  const figures: Record<string, BrpIngestFigures & { retriedLater?: number }> = {};
  for (const [index, fault] of faults.entries()) {
    runtime.setBrpFault(fault);
    const file = rentArrearsCsv(rows, { seed: 2026 + index, firstTenant: index * 1_000_000 });
    const { acceptSeconds, routeSeconds, answeredStatus } = await measureIngest(runtime, meter, file);
    figures[fault] = { acceptSeconds, routeSeconds, answeredStatus };
  }
  runtime.setBrpFault('none');
  // What the faults left unanswered, filled in by the retry (several runs: 200 signals per run).
  let retried = 0;
  for (let run = 0; run < 100; run++) {
    const { compositions } = await runtime.sweep();
    if (compositions === 0) break;
    retried += compositions;
  }
  const last = faults.at(-1);
  if (last && last !== 'none')
    figures[last] = { ...(figures[last] as BrpIngestFigures), retriedLater: retried };
  return figures;
}
