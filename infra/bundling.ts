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
