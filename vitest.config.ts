import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests spawn the CLI and servers; two cores cannot run many at once.
    maxWorkers: 2,
    reporters: ['default', './tests/closing-line-reporter.ts'],
  },
});
