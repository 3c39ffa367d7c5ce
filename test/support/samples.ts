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

/** Every name, birth date, address fragment, contact detail and summary in the samples (P2). */
export function samplePersonalData(): string[] {
  const values = new Set<string>();
  // Rent arrears: Windows-1252, `;`, header row first.
  const [header = '', ...lines] = new TextDecoder('windows-1252')
    .decode(readFileSync(join(SAMPLES_DIR, 'rent-arrears-bo-ex.csv')))
    .split(/\r?\n/)
    .filter(Boolean);
  const columns = header.split(';');
  const personal = ['Achternaam', 'Geboortedatum', 'Straat', 'Postcode', 'Telefoon', 'Email', 'BSN'];
  for (const line of lines) {
    const fields = line.split(';');
    for (const column of personal) {
      const value = fields[columns.indexOf(column)]?.trim();
      if (value && value.length > 3) values.add(value);
    }
  }
  // Energy debts.
  const energy = JSON.parse(readSample('energy-debts-batch.json')) as {
    signals: { customerNumber: string; person: Record<string, string>; address: { postcode: string } }[];
  };
  for (const signal of energy.signals) {
    values.add(signal.customerNumber);
    values.add(signal.person.surname as string);
    values.add(signal.person.birthDate as string);
    if (signal.person.phone) values.add(signal.person.phone);
    values.add(signal.address.postcode);
  }
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
  // Short numbers (a bare PC4 like 3562) would match timestamps and durations by chance.
  return [...values].filter((value) => !/^\d{1,5}$/.test(value));
}

/** A sample's raw bytes (the rent-arrears CSV is Windows-1252: read it as bytes, never as UTF-8). */
export function readSampleBytes(name: string): Buffer {
  return readFileSync(join(SAMPLES_DIR, name));
}
