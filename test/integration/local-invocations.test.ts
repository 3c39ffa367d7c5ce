import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careReports, rentArrearsCsv } from './support/generated-intake.ts';
import { capturedLogs } from './support/log-capture.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Locally every handler runs in one process and shares the module-scope Powertools logger, as
// invocations share one execution environment on Lambda Managed Instances. Each invocation must
// still log under its own function name and request id, with only its own appended keys: a
// principalId of an API request never shows up in the router's lines, and the end of one
// invocation never wipes the keys of another. Metrics likewise: each invocation flushes its own.
let t: TestRuntime;

interface LogLine {
  readonly message: string;
  readonly function_name?: string;
  readonly function_request_id?: string;
  readonly principalId?: string;
}

/** The metric names of each EMF blob (one flush of one invocation's metrics) since `offset`. */
function metricFlushes(offset: number): string[][] {
  return capturedLogs()
    .slice(offset)
    .split('\n')
    .filter((line) => line.startsWith('{"_aws"'))
    .map((line) => {
      const blob = JSON.parse(line) as { _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] } };
      return blob._aws.CloudWatchMetrics.flatMap((set) => set.Metrics.map((metric) => metric.Name));
    });
}

function logLines(offset: number): LogLine[] {
  return capturedLogs()
    .slice(offset)
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"message"'))
    .map((line) => JSON.parse(line) as LogLine);
}

beforeAll(async () => {
  t = await startTestRuntime({ metrics: true });
  await t.setClock('2026-11-23T10:00:00+01:00');
});

afterAll(async () => {
  await t?.stop();
});

describe('concurrent invocations of different handlers', () => {
  it('care reports posted while a large upload is routed: every line under its own function and keys', async () => {
    const logOffset = capturedLogs().length;
    const upload = await t.api.request('POST', '/intake/rent-arrears?attest=sociale-incasso', {
      token: 'dev-bo-ex',
      body: rentArrearsCsv(1500, { seed: 11, prefix: 'HN-CONC' }),
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.status).toBe(202);

    // While the router works through the list: care reports, four at a time.
    const reports = careReports(48, { seed: 12, prefix: 'PL-CONC' });
    for (let index = 0; index < reports.length; index += 4) {
      const responses = await Promise.all(
        reports
          .slice(index, index + 4)
          .map((body) => t.api.request('POST', '/intake/care-reports', { token: 'dev-politie', body })),
      );
      expect(responses.map((response) => response.status)).toEqual([202, 202, 202, 202]);
    }
    await t.drain();

    const lines = logLines(logOffset);
    const routed = lines.filter((line) => line.message === 'Signaal verwerkt');
    const received = lines.filter((line) => line.message === 'Zorgmelding ontvangen');
    // The two really overlapped: router lines before and after the first care report's line.
    const firstReport = lines.findIndex((line) => line.message === 'Zorgmelding ontvangen');
    const lastReport = lines.findLastIndex((line) => line.message === 'Zorgmelding ontvangen');
    const routedBetween = lines
      .slice(firstReport, lastReport)
      .filter((line) => line.message === 'Signaal verwerkt');
    expect(routedBetween.length).toBeGreaterThan(0);

    expect(received).toHaveLength(48);
    expect(routed.length).toBeGreaterThan(48);
    expect(new Set(routed.map((line) => line.function_name))).toEqual(new Set(['RouteSignals']));
    expect(new Set(received.map((line) => line.function_name))).toEqual(new Set(['SubmitCareReport']));
    expect(routed.filter((line) => line.principalId !== undefined)).toEqual([]);
    expect(new Set(received.map((line) => line.principalId))).toEqual(new Set(['dev-politie']));
    // One request id per care report request: none borrowed another invocation's.
    expect(new Set(received.map((line) => line.function_request_id)).size).toBe(48);
    // No flush mixes the router's metrics with an API request's.
    const flushes = metricFlushes(logOffset);
    const mixed = flushes.filter(
      (names) =>
        names.some((name) => name.startsWith('Signal')) &&
        names.some((name) => name.startsWith('Responses') || name.startsWith('CareReport')),
    );
    expect(flushes.filter((names) => names.includes('CareReportAccepted'))).toHaveLength(48);
    expect(mixed).toEqual([]);
  }, 180_000);
});
