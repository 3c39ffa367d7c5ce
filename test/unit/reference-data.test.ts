import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The project owns its copy of the reference data in config/ (the municipality edits it there); the
// reference beside the repository (../shared/reference-data) is where the researched tables come
// from. Where that reference is present — a developer's checkout — the copies must say the same
// (formatting aside), so a table updated in the reference is not silently left behind.
const REFERENCE_DIR = resolve(import.meta.dirname, '../../../shared/reference-data');
const CONFIG_DIR = resolve(import.meta.dirname, '../../config');
const FILES = ['wijken.json', 'problem-categories.json', 'termijnenwet-decrees.json', 'outcome-codes.json'];

const read = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;

// On a clean clone without the reference, the copy is all there is: it must at least be there.
describe('config/ is in step with ../shared/reference-data when that reference is present', () => {
  it.each(FILES)('%s', (name) => {
    const config = read(CONFIG_DIR, name);
    expect(config).toBeTypeOf('object');
    if (existsSync(REFERENCE_DIR)) expect(config).toEqual(read(REFERENCE_DIR, name));
  });
});
