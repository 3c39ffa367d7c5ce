import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationDefinition } from '../../shared/api/operations.ts';
import { localTokenTable } from '../../shared/auth/principal.ts';
import { MAX_REQUEST_BYTES } from '../../shared/http/middlewares.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// DESIGN I6: up to 6 MB per request; larger gets 413 with a message that says how to split — on every
// route with a JSON body, taken from the operation catalog so that a new route is covered as well.
let t: TestRuntime;

const JSON_POSTS = Object.values(OPERATIONS).filter(
  (operation) => operation.method === 'POST' && 'body' in operation,
);

/** A local token of a role the route admits, so the request passes the role check. */
function tokenFor(roles: readonly string[] | 'public'): string | undefined {
  if (roles === 'public') return undefined;
  return [...localTokenTable().values()].find((principal) => roles.includes(principal.role))?.id;
}

beforeAll(async () => {
  t = await startTestRuntime();
});

afterAll(async () => {
  await t?.stop();
});

describe('a JSON body just over 6 MB', () => {
  it('covers the JSON routes of the catalog', () => {
    expect(JSON_POSTS.map((operation) => operation.operationId)).toEqual(
      expect.arrayContaining(['submitCareReport', 'submitEnergyDebts', 'recordContactAttempt']),
    );
  });

  it.each(JSON_POSTS.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    '%s → 413 request-too-large, with advice to split',
    async (_name, operation) => {
      const path = operation.path.replace(/\{[^}]+\}/g, 'sig_onbekend');
      const body = JSON.stringify({ padding: 'a'.repeat(MAX_REQUEST_BYTES) });

      const response = await t.api.request('POST', path, {
        token: tokenFor(operation.roles),
        body,
      });

      expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_REQUEST_BYTES);
      expect(response.status).toBe(413);
      const advice = expect.stringMatching(/6 MB.*[Ss]plits/);
      // The DDAS route answers as RFC 9457 problems (X3); the others with API.md's error.
      expect(response.body).toEqual(
        (operation as OperationDefinition).problemJson
          ? {
              type: 'urn:buurtsignaal:probleem:request-too-large',
              title: 'Verzoek te groot',
              status: 413,
              detail: advice,
              instance: path,
            }
          : { error: { code: 'request-too-large', message: advice } },
      );
    },
  );

  it('nothing of it reached a queue', async () => {
    expect(await t.drain()).toBe(0);
  });
});
