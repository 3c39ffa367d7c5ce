import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The browser tests (`npm run test:browser`): Debian's Chromium against `npm start`. Kept out of
// `npm test`, which must pass on a machine without Chromium; `.ci/run` runs both.
export default defineConfig({
  test: {
    name: 'browser',
    root: resolve(import.meta.dirname, '../..'),
    include: ['test/browser/**/*.test.ts'],
    // One `npm start` and one Chromium at a time on the 2-core machine.
    fileParallelism: false,
    testTimeout: 60_000,
    // Pages load and re-render asynchronously: expect.poll waits for what a user would wait for.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 180_000,
  },
});
