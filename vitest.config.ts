import { defineConfig } from 'vitest/config';

// Two projects: fast unit/integration tests next to the code, and browser tests
// in e2e/ that drive Debian's Chromium against a real server (run one file at a time).
export default defineConfig({
  test: {
    // Most test time is waiting (fsync, timers, the browser), so three files at once fit two
    // cores: the suite took 641 s with Vitest's default (cores − 1 = one file at a time) and
    // 390 s with three, same machine and load.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
