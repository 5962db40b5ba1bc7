import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Points TMPDIR at one folder per run and removes it at the end (no temp files left behind).
    globalSetup: ['test/global-setup.ts'],
    env: {},
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
