import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real servers, real sockets and a child process that is killed and restarted, and every person signs up
    // through the real API (an argon2id hash each): generous, not infinite.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Separate processes, so a test's servers, timers and console spies cannot leak into another file.
    pool: 'forks',
    fileParallelism: true,
  },
})
