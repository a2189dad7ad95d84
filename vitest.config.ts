import os from 'node:os';
import { defineConfig } from 'vitest/config';

// At least two workers: on a 2-core machine vitest's default (cores - 1) runs every file one after
// the other, while integration files spend much of their time waiting on the database.
const workers = Math.max(2, os.availableParallelism() - 1);

export default defineConfig({
  test: {
    reporters: ['default', './scripts/vitest-summary-reporter.ts'],
    maxWorkers: workers,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
          environment: 'node',
          // Pure functions without mocks or global state: one module graph per worker instead of
          // a fresh process per file (the process start and imports cost more than most files).
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/**/*.integration.test.ts'],
          environment: 'node',
          globalSetup: ['./server/test/global-setup.ts'],
          // Each file opens its own database and app, and what the server keeps in memory is
          // keyed by its database: one module graph per worker serves every file (the imports
          // cost more than many files' tests).
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
