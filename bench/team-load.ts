// One busy team: 10,000 open signals that are not yet due and 10 that are. Measures what one sweep
// reads per due signal, and how long the team's inbox and its week's appointments take to answer.
import type { ScheduledEvent } from 'aws-lambda';
import reference from '../config/wijken.json' with { type: 'json' };
import { lambdaContext } from '../infra/local/lambda-context.ts';
import type { LocalRuntime } from '../infra/local/local-runtime.ts';
import { rentArrearsCsv } from './rent-arrears-file.ts';
import type { startSdkMeter } from './sdk-meter.ts';

const TEAM = 'bt-sociaal-overvecht';

export interface TeamLoadFigures {
  readonly team: string;
  readonly openSignals: number;
  readonly due: number;
  readonly sweepItemsRead: number;
  readonly sweepReadsPerDue: number;
  readonly inboxMs: number;
  readonly inboxSamples: number;
  /**
   * Issue 17: the team's calendar (`GET /teams/{id}/appointments`, one week, ten appointments) among
   * this many open signals: its sparse index reads the appointments only.
   */
  readonly calendarMs: number;
}

async function upload(
  runtime: LocalRuntime,
  rows: number,
  firstTenant: number,
): Promise<{ accepted: number; signalIds: string[] }> {
  // Adults only in Overvecht: Buurtteam Sociaal Overvecht by R5; every amount above the threshold.
  const file = rentArrearsCsv(rows, {
    seed: firstTenant + 7,
    firstTenant,
    pc4: reference.wijken.overvecht,
    minors: '0',
  });
  const response = await fetch(`${runtime.url}/intake/rent-arrears?attest=sociale-incasso`, {
    method: 'POST',
    headers: { authorization: 'Bearer dev-bo-ex', 'content-type': 'text/csv' },
    body: new Uint8Array(file),
  });
  const receipt = (await response.json()) as {
    counts: { accepted: number };
    rows: { signalId?: string }[];
  };
  await runtime.drain(900_000);
  return {
    accepted: receipt.counts.accepted,
    signalIds: receipt.rows.flatMap((row) => (row.signalId ? [row.signalId] : [])),
  };
}

/** The first conversation of each of these signals planned on Thursday 12 November, an hour apart. */
async function planAppointments(runtime: LocalRuntime, signalIds: readonly string[]) {
  for (const [index, signalId] of signalIds.entries()) {
    const response = await fetch(`${runtime.url}/signals/${signalId}/appointments`, {
      method: 'POST',
      headers: { authorization: `Bearer dev-${TEAM}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        startsAt: `2026-11-12T${String(8 + index).padStart(2, '0')}:00:00+01:00`,
        place: 'thuis',
        opVerzoekInwoner: false,
      }),
    });
    if (response.status !== 201) throw new Error(`planning answered ${response.status}`);
  }
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function measureTeamLoad(
  runtime: LocalRuntime,
  meter: ReturnType<typeof startSdkMeter>,
  sweepHandler: (
    event: ScheduledEvent,
    context: ReturnType<typeof lambdaContext>,
  ) => Promise<{ due: number }>,
  openSignals = 10_000,
): Promise<TeamLoadFigures> {
  // Ten signals received a week earlier fall due (D2: five working days); the rest do not.
  runtime.clock.set(new Date('2026-11-02T10:00:00+01:00'));
  const early = await upload(runtime, 10, 900_000);
  runtime.clock.set(new Date('2026-11-09T10:00:00+01:00'));
  const open = (await upload(runtime, openSignals, 0)).accepted;
  runtime.clock.set(new Date('2026-11-10T08:00:00+01:00'));

  const scheduled = { id: 'bench', time: new Date().toISOString(), detail: {} } as unknown as ScheduledEvent;
  const { result, counts } = await meter.attribute(() => sweepHandler(scheduled, lambdaContext('Sweep', 60)));
  await runtime.drain();

  const times: number[] = [];
  for (let sample = 0; sample < 25; sample++) {
    const started = performance.now();
    const response = await fetch(`${runtime.url}/teams/${TEAM}/signals?status=open`, {
      headers: { authorization: `Bearer dev-${TEAM}` },
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`inbox answered ${response.status}`);
    // The first answers warm the handler and dynalite's caches, as a working day would.
    if (sample >= 5) times.push(performance.now() - started);
  }
  // Ten appointments this week among all those open signals: what the calendar lists.
  await planAppointments(runtime, early.signalIds);
  const calendarTimes: number[] = [];
  for (let sample = 0; sample < 12; sample++) {
    const started = performance.now();
    const response = await fetch(`${runtime.url}/teams/${TEAM}/appointments?from=2026-11-09&to=2026-11-15`, {
      headers: { authorization: `Bearer dev-${TEAM}` },
    });
    const listed = ((await response.json()) as { items?: unknown[] }).items?.length;
    if (response.status !== 200 || listed !== early.signalIds.length) {
      throw new Error(`calendar answered ${response.status} with ${listed} appointments`);
    }
    if (sample >= 2) calendarTimes.push(performance.now() - started);
  }
  return {
    team: TEAM,
    openSignals: open,
    due: result.due,
    sweepItemsRead: counts.ddbItemsRead,
    sweepReadsPerDue: Math.round((counts.ddbItemsRead / Math.max(result.due, 1)) * 100) / 100,
    inboxMs: Math.round(median(times) * 10) / 10,
    inboxSamples: times.length,
    calendarMs: Math.round(median(calendarTimes) * 10) / 10,
  };
}
