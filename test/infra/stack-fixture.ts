import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { BuurtsignaalStack } from '../../infra/buurtsignaal-stack.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export interface StackFixture {
  readonly app: App;
  readonly stack: BuurtsignaalStack;
  /** Stands in for `web/dist`, so the infra tests never depend on (or wait for) a web build. */
  readonly webAppDirectory: string;
  /** Removes the stub web build. */
  dispose(): void;
}

/**
 * The stack as `npm run synth` builds it — the same feature flags (cdk.json) and region — with a stub
 * web build: an index.html and one hashed asset. Synthesis bundles every function for real.
 */
export function buildStack(): StackFixture {
  const webAppDirectory = mkdtempSync(join(tmpdir(), 'buurtsignaal-web-'));
  writeFileSync(
    join(webAppDirectory, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app.js">',
  );
  mkdirSync(join(webAppDirectory, 'assets'));
  writeFileSync(join(webAppDirectory, 'assets', 'app-0123abcd.js'), 'export {};');
  const { context } = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const app = new App({ context });
  const stack = new BuurtsignaalStack(app, 'Buurtsignaal', { env: { region: 'eu-west-1' }, webAppDirectory });
  return {
    app,
    stack,
    webAppDirectory,
    dispose: () => rmSync(webAppDirectory, { recursive: true, force: true }),
  };
}
