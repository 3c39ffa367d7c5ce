import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_SAMPLES_DIR, SAMPLES_DIR } from '../support/samples.ts';

// The tests read test/fixtures/samples; the reference beside the repository is the source. Where
// the reference is present (a developer's checkout) the copy must be byte-identical to it.
describe('sample fixtures', () => {
  const names = readdirSync(SAMPLES_DIR).sort();

  it('hold the care reports, the rent-arrears file and the energy batch with their expectations', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'care-reports.json',
        'care-reports.expected.md',
        'rent-arrears-bo-ex.csv',
        'energy-debts-batch.json',
      ]),
    );
  });

  it('are identical to ../shared/samples when that reference is present', () => {
    const reference = existsSync(REFERENCE_SAMPLES_DIR) ? readdirSync(REFERENCE_SAMPLES_DIR).sort() : names;
    expect(names).toEqual(reference);
    for (const name of reference) {
      const source = existsSync(REFERENCE_SAMPLES_DIR)
        ? join(REFERENCE_SAMPLES_DIR, name)
        : join(SAMPLES_DIR, name);
      expect(readFileSync(join(SAMPLES_DIR, name)).equals(readFileSync(source)), name).toBe(true);
    }
  });
});
