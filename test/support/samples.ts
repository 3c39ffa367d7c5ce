import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The reference samples (`../shared/samples` beside the repository), copied into the repository so a
 * clean clone can run the tests on its own; test/unit/samples.test.ts keeps the copy identical.
 */
export const SAMPLES_DIR = resolve(import.meta.dirname, '../fixtures/samples');
export const REFERENCE_SAMPLES_DIR = resolve(import.meta.dirname, '../../../shared/samples');

export function readSample(name: string): string {
  return readFileSync(join(SAMPLES_DIR, name), 'utf8');
}

export function sampleCareReports(): Record<string, unknown>[] {
  return JSON.parse(readSample('care-reports.json')) as Record<string, unknown>[];
}

/** Every name, birth date, address fragment and summary in the samples: must never reach a log (P2). */
export function samplePersonalData(): string[] {
  const values = new Set<string>();
  for (const report of sampleCareReports() as {
    person: { surname: string; birthDate?: string };
    address: { postcode: string; houseNumber: number };
    summary?: string;
  }[]) {
    values.add(report.person.surname);
    if (report.person.birthDate) values.add(report.person.birthDate);
    values.add(report.address.postcode);
    values.add(`${report.address.postcode.slice(0, 4)} ${report.address.postcode.slice(4)}`);
    if (report.summary) values.add(report.summary);
  }
  return [...values];
}
