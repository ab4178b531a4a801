import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
