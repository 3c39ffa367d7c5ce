import { defineConfig } from 'vitest/config';

// Three projects: fast domain/unit tests, integration tests against the local runtime
// (dynalite + local-aws-sqs over HTTP through the real SDK clients), and CDK assertions.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: [
            'test/integration/setup/capture-logs.ts',
            'test/integration/setup/contract-answers.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own local runtime on free ports; keep the 2-core machine calm.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
