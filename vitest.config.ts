import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CI keeps a machine-readable summary so .ci/run can print the closing "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/main/**/*.test.ts',
            'tests/preload/**/*.test.ts',
            'tests/scripts/**/*.test.ts',
            'main/**/*.test.ts',
          ],
          setupFiles: ['tests/setup/electron-mock.ts'],
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}', 'renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
