import { defineConfig } from 'vitest/config'

// Real headless Chromium against a real `wrangler dev` (started once by the global setup).
export default defineConfig({
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./test/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
