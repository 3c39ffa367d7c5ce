import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/api/openapi.ts';
import { describeProblem, lintOpenApi, typecheckClient } from '../support/openapi-contract.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 13: the contract as a client meets it — GET /openapi.json from the running service, linted
// with Redocly, turned into TypeScript with openapi-typescript for a client that calls every
// operation. Every answer of every integration test is checked against it as well
// (setup/contract-answers.ts); the document on its own: test/unit/openapi-document.test.ts.

let t: TestRuntime;
let served: { status: number; contentType: string; document: Record<string, unknown> };

beforeAll(async () => {
  t = await startTestRuntime();
  // Plain fetch, as a code generator would: no token, nothing but the URL.
  const response = await fetch(`${t.runtime.url}/openapi.json`);
  served = {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    document: (await response.json()) as Record<string, unknown>,
  };
});
afterAll(() => t?.stop());

describe('GET /openapi.json', () => {
  it('serves the document generated from the handlers’ schemas, as JSON, without a token', () => {
    expect(served.status).toBe(200);
    expect(served.contentType).toMatch(/^application\/json/);
    // The answers of the other integration tests are checked against this very document.
    expect(served.document).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('lints with Redocly’s recommended rules: no errors, only the accepted warnings', async () => {
    const problems = await lintOpenApi(served.document);

    expect(problems.filter((problem) => problem.severity === 'error').map(describeProblem)).toEqual([]);
    expect(problems.map(describeProblem).sort()).toEqual([
      'warn info-license #/info: Info object should contain `license` field.',
      'warn no-server-example.com #/servers/0/url: Server `url` should not point to example.com or localhost.',
    ]);
  });

  it('generates TypeScript with openapi-typescript that a client calling every operation compiles against', async () => {
    const result = await typecheckClient(served.document);

    expect(result.diagnostics).toBe('');
    expect(result.ok).toBe(true);
  });
});
