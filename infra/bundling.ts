import type { BuildOptions } from 'esbuild';

/**
 * How every Lambda function is bundled — by the CDK stack (NodejsFunction, local esbuild, no
 * Docker) and by `npm run bench`, which measures the very same bundles (issue 7).
 */
export const LAMBDA_BUNDLING = {
  target: 'node24',
  minify: true,
  sourceMap: true,
  // Names and line numbers are enough to read a stack trace; the sources would double the asset.
  sourcesContent: false,
  // The AWS SDK v3 ships with the nodejs24.x runtime, already on the instance's disk: bundling our
  // own copy added 300–600 KB to every function and slowed each cold start (issue 7 measures both).
  // The price: the runtime's SDK version, not the lock file's, runs on AWS. `@smithy/*` is only
  // reached through the SDK, so it stays out too.
  externalModules: ['@aws-sdk/*'],
  mainFields: ['module', 'main'],
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
} as const;

/**
 * The same bundle as options for esbuild itself: `npm run bench` and the tests that build a
 * function (test/unit/tree-shaking.test.ts) measure exactly what the stack deploys.
 */
export function esbuildOptionsFor(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: LAMBDA_BUNDLING.target,
    minify: LAMBDA_BUNDLING.minify,
    sourcemap: LAMBDA_BUNDLING.sourceMap,
    sourcesContent: LAMBDA_BUNDLING.sourcesContent,
    external: [...LAMBDA_BUNDLING.externalModules],
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    banner: { js: LAMBDA_BUNDLING.banner },
  };
}
