import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptionsFor } from '../../infra/bundling.ts';
import { FUNCTIONS } from '../../infra/function-catalog.ts';
import { buildOpenApiDocument } from '../../shared/api/openapi.ts';
import { OPERATIONS } from '../../shared/api/operations.ts';

// Issue 13, cold starts: each function bundles the schemas of its own operation only
// (shared/api/tree-shakeable.ts), and leaving the others out changes nothing the API serves. Built
// with the stack's own esbuild options, like `npm run bench`.
const ROOT = resolve(import.meta.dirname, '../..');
let outDir: string;

async function bundle(entry: string, name: string): Promise<string> {
  const outfile = join(outDir, name, 'index.mjs');
  await build({ ...esbuildOptionsFor(join(ROOT, entry), outfile), logLevel: 'error' });
  return outfile;
}

beforeAll(() => {
  // Inside the repository, so the external AWS SDK resolves from node_modules as on Lambda.
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  outDir = mkdtempSync(join(cache, 'tree-shaking-'));
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

const apiFunctions = FUNCTIONS.filter((definition) => definition.operations && definition.id !== 'OpenApi');
// Every operation's summary is its own sentence: it shows which definitions a bundle holds. esbuild
// writes non-ASCII characters as escapes: \xE9 for é, \u2013 for the – of "I1–I6".
const asEsbuildWrites = (text: string) =>
  text.replace(/[^\x20-\x7e]/g, (character) => {
    const code = character.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
const summaries = Object.entries(OPERATIONS).map(([name, operation]) => ({
  name,
  text: asEsbuildWrites(operation.summary),
}));

describe('a function bundles its own operation, not the whole API (issue 13)', () => {
  it.each(apiFunctions.map((definition) => [definition.id, definition] as const))(
    '%s holds the definition of its own operation and of no other',
    async (id, definition) => {
      // Act
      const code = readFileSync(await bundle(definition.entry, id), 'utf8');

      // Assess
      const held = summaries.filter((summary) => code.includes(summary.text)).map((summary) => summary.name);
      expect(held).toEqual(definition.operations);
    },
  );

  it('the OpenAPI function still holds every operation and serves the document the unbundled code builds', async () => {
    // Prepare: the expected document first — zod keeps its registry of named schemas on globalThis,
    // where the bundle's own copy of zod registers the same names again when it is imported.
    const expected = JSON.parse(JSON.stringify(buildOpenApiDocument()));
    process.env.POWERTOOLS_METRICS_DISABLED = 'true';
    const openApi = FUNCTIONS.find((definition) => definition.id === 'OpenApi');
    const outfile = await bundle(openApi?.entry as string, 'OpenApi');
    const { handler } = (await import(pathToFileURL(outfile).href)) as {
      handler: (
        event: APIGatewayProxyEventV2,
        context: Context,
      ) => Promise<APIGatewayProxyStructuredResultV2>;
    };
    const event = {
      version: '2.0',
      routeKey: 'GET /openapi.json',
      rawPath: '/openapi.json',
      rawQueryString: '',
      headers: {},
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/openapi.json' } },
    } as unknown as APIGatewayProxyEventV2;
    const context = { functionName: 'OpenApi', awsRequestId: 'req-1' } as Context;

    // Act
    const answer = await handler(event, context);

    // Assess
    expect(answer.statusCode).toBe(200);
    const served = JSON.parse(answer.body as string);
    expect(Object.keys(served.paths).length).toBeGreaterThan(10);
    expect(served).toEqual(expected);
  });
});
