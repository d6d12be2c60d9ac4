import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real servers, real sockets and a child process that is killed and restarted: generous, not infinite.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Separate processes, so a test's servers, timers and console spies cannot leak into another file.
    pool: 'forks',
    fileParallelism: true,
  },
})
