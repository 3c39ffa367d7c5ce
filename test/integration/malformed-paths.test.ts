import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 11: a path whose %-encoding cannot be decoded is bad input, and bad input is never a 500
// (API.md "Conventions"): 400 invalid-path on an API route, 404 route-not-found elsewhere. What does
// fail inside the local server still answers in the contract's error shape.
let t: TestRuntime;
let webRoot = '';

interface ErrorBody {
  error?: { code: string; message: string };
}

/** A raw request: fetch sends the path as given, malformed escapes included. */
async function get(path: string, token?: string) {
  const response = await fetch(`${t.runtime.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as ErrorBody,
  };
}

beforeAll(async () => {
  // A web app of our own: one asset, and one file the server cannot read (over 2 GB; sparse, so it
  // takes no disk space) to reach the server's last-resort catch.
  webRoot = mkdtempSync(join(tmpdir(), 'buurtsignaal-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Buurtsignaal</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'export {};');
  closeSync(openSync(join(webRoot, 'assets', 'huge.js'), 'w'));
  truncateSync(join(webRoot, 'assets', 'huge.js'), 3 * 1024 ** 3);
  t = await startTestRuntime({ webRoot });
});

afterAll(async () => {
  await t?.stop();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('malformed %-encoding in the path', () => {
  it.each([
    ['GET /signals/%E0%A4%A', '/signals/%E0%A4%A', 'dev-admin'],
    ['GET /intake/uploads/%ZZ', '/intake/uploads/%ZZ', 'dev-bo-ex'],
    ['GET /intake/care-reports/%', '/intake/care-reports/%', 'dev-politie'],
    ['GET /teams/%C3/signals', '/teams/%C3/signals', 'dev-admin'],
  ])('API route, %s → 400 invalid-path', async (_name, path, token) => {
    const response = await get(path, token);

    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      error: { code: 'invalid-path', message: expect.stringMatching(/%-codering/) },
    });
  });

  it('API route without a token → 401 first, as for any other path', async () => {
    const response = await get('/signals/%E0%A4%A');

    expect(response.status).toBe(401);
    expect(response.body.error?.code).toBe('unauthorized');
  });

  it.each([
    ['GET /assets/%E0%A4%A.js', '/assets/%E0%A4%A.js'],
    ['GET /%', '/%'],
    ['GET /%ZZ', '/%ZZ'],
    ['GET //', '//'],
  ])('static web app, %s → 404 route-not-found', async (_name, path) => {
    const response = await get(path);

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'route-not-found', message: expect.any(String) } });
  });

  it('the app and the API still answer well-formed paths', async () => {
    const asset = await fetch(`${t.runtime.url}/assets/app.js`);
    const health = await get('/health');

    expect(asset.status).toBe(200);
    expect(health.status).toBe(200);
  });
});

describe("the local server's last resort", () => {
  it('a failure inside the server → 500 internal-error in the error shape, in Dutch', async () => {
    const response = await get('/assets/huge.js');

    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error: {
        code: 'internal-error',
        message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
      },
    });
  });
});
