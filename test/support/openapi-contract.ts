import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openApiTypes } from '@buurtsignaal/openapi-types';
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';

// The OpenAPI document tested the way a client uses it: linted with Redocly's recommended rules and
// turned into TypeScript with openapi-typescript for a typed client. Answers: openapi-answers.ts.

const ROOT = resolve(import.meta.dirname, '../..');
type Json = Record<string, unknown>;

/** Redocly's `recommended` ruleset over the document; problems of every severity. */
export async function lintOpenApi(document: unknown): Promise<NormalizedProblem[]> {
  const config = await createConfig({ extends: ['recommended'] });
  return lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
}

/** One problem as a line: severity, rule, where and what. */
export const describeProblem = (problem: NormalizedProblem) =>
  `${problem.severity} ${problem.ruleId} ${problem.location[0]?.pointer ?? ''}: ${problem.message}`;

/** The small typed client of test/contract/client.ts: it calls every operation of the document. */
export const CONTRACT_CLIENT = join(ROOT, 'test/contract/client.ts');

/**
 * Generates the document's types with openapi-typescript, as a client would, and type-checks the
 * contract client against them with the project's tsc, in a directory of its own. Returns tsc's
 * diagnostics: empty when the client still compiles.
 */
export async function typecheckClient(document: Json): Promise<{ ok: boolean; diagnostics: string }> {
  const directory = mkdtempSync(join(tmpdir(), 'buurtsignaal-contract-'));
  try {
    writeFileSync(join(directory, 'buurtsignaal-api.ts'), await openApiTypes(document));
    copyFileSync(CONTRACT_CLIENT, join(directory, 'client.ts'));
    symlinkSync(join(ROOT, 'node_modules'), join(directory, 'node_modules'), 'dir');
    writeFileSync(join(directory, 'package.json'), JSON.stringify({ type: 'module', private: true }));
    writeFileSync(
      join(directory, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2024',
          lib: ['ES2024', 'DOM'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          allowImportingTsExtensions: true,
          verbatimModuleSyntax: true,
          skipLibCheck: true,
        },
        files: ['client.ts'],
      }),
    );
    try {
      await promisify(execFile)(
        process.execPath,
        [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', directory],
        {
          cwd: directory,
        },
      );
      return { ok: true, diagnostics: '' };
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      return { ok: false, diagnostics: `${stdout}${stderr}` };
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
